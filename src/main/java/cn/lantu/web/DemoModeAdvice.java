package cn.lantu.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code demoMode} into every page's model, so that every page can say 演示数据 when it shows demo figures. */
@ControllerAdvice
public class DemoModeAdvice {

    private final boolean demo;

    public DemoModeAdvice(@Value("${lantu.demo:false}") boolean demo) {
        this.demo = demo;
    }

    @ModelAttribute("demoMode")
    public boolean demoMode() {
        return demo;
    }
}
