package cn.lantu.security;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The login page states how long a locked account stays locked. */
@ControllerAdvice(basePackages = "cn.lantu.web")
class LoginPageAdvice {

    private final SecuritySettings settings;

    LoginPageAdvice(SecuritySettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("lockoutMinutes")
    long lockoutMinutes() {
        return settings.lockout().minutes();
    }
}
