package cn.lantu.project;

import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Projects by name instead of code, for pages ({@code ${@projectNames.names(plan.id, task.projectCodes)}}). */
@Component("projectNames")
public class ProjectNames {

    private final JdbcClient jdbc;

    public ProjectNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String name(Long planId, String code) {
        if (code == null || planId == null) {
            return code;
        }
        return jdbc.sql("SELECT name FROM project WHERE plan_id = ? AND code = ?").params(planId, code)
                .query(String.class).optional().orElse(code);
    }

    /** The names joined with 、. */
    public String names(Long planId, Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        return codes.stream().map(c -> name(planId, c)).collect(Collectors.joining("、"));
    }
}
