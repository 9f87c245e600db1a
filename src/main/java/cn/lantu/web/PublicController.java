package cn.lantu.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public landing page and the login page. */
@Controller
public class PublicController {

    @GetMapping("/")
    String landing() {
        return "index";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
