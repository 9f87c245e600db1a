package cn.lantu.web;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Test profile only: a page that fails the way a bug would, to prove the 500 page and its incident id. */
@Controller
@Profile("test")
class FaultForTests {

    @GetMapping("/plans/zhuji-15th/test-fault")
    String fail() {
        throw new IllegalStateException("simulated bug in a page controller");
    }
}
