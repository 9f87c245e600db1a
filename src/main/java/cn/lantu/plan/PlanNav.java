package cn.lantu.plan;

import org.springframework.stereotype.Component;

/**
 * The plan code for the navigation bar. A page's model holds {@code plan} as a {@link Plan}, but Spring MVC also
 * exposes the path variable {@code {plan}} as a plain String under the same name (error and refusal pages), so
 * the layout asks here instead of reading {@code plan.code}.
 */
@Component("planNav")
public class PlanNav {

    public String code(Object plan) {
        if (plan instanceof Plan p) {
            return p.code();
        }
        return plan instanceof String s && s.matches("[A-Za-z0-9_-]{1,64}") ? s : null;
    }
}
