package cn.lantu.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.OutlineNode;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.ProjectDetail;
import cn.lantu.project.ProjectRepository;

/**
 * Generates the key tasks of a plan from its stored outline, once (deterministic, idempotent): one task per node
 * that {@link TaskService#isTaskNode} accepts (measure paragraphs, items of the action columns), with its default
 * departments, the towns its text names, the target years it states as milestones, and the indicators and named
 * projects of its paragraph. Owned by {@link TaskService}, which holds the transaction.
 */
final class OutlineTaskGenerator {

    static final String GENERATOR = "outline";
    private static final Pattern TARGET_YEAR = Pattern.compile("(?:到|至)?\\s*(20[23]\\d)\\s*年[，,]?\\s*(?:力争|累计|实现|建成|达到|全面|基本)");

    private final TaskRepository tasks;
    private final PlanRepository plans;
    private final OrgRepository org;
    private final ProjectRepository projects;
    private final JdbcClient jdbc;

    /** Plans known to have their tasks; a plan's tasks, once generated, are never all removed. */
    private final java.util.Set<Long> generated = java.util.concurrent.ConcurrentHashMap.newKeySet();

    OutlineTaskGenerator(TaskRepository tasks, PlanRepository plans, OrgRepository org, ProjectRepository projects,
                         JdbcClient jdbc) {
        this.tasks = tasks;
        this.plans = plans;
        this.org = org;
        this.projects = projects;
        this.jdbc = jdbc;
    }

    /** Generates the tasks of a plan from its outline if it has none yet; returns the number created. */
    int ensureGenerated(long planId) {
        // Fast path without a lock or a query: every page and the cockpit call this (benchmark: it serialised them).
        if (generated.contains(planId)) {
            return 0;
        }
        synchronized (this) {
            return generate(planId);
        }
    }

    private int generate(long planId) {
        if (tasks.count(planId) > 0) {
            generated.add(planId);
            return 0;
        }
        List<OutlineNode> nodes = plans.nodes(planId);
        Map<String, OutlineNode> byKey = new HashMap<>();
        nodes.forEach(n -> byKey.put(n.key(), n));
        Map<String, Long> deptIds = new LinkedHashMap<>();
        org.findByType(planId, OrgUnit.Type.DEPARTMENT).forEach(u -> deptIds.put(u.code(), u.id()));
        List<OrgUnit> towns = org.findByType(planId, OrgUnit.Type.TOWN);
        List<Object[]> indicatorKeys = jdbc.sql("SELECT id, outline_key FROM indicator WHERE plan_id = ? "
                + "AND outline_key IS NOT NULL").param(planId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        List<ProjectDetail> named = projects.details(planId);
        int ord = 0;
        int created = 0;
        for (OutlineNode n : nodes) {
            if (!TaskService.isTaskNode(n)) {
                continue;
            }
            String chapter = chapterOf(n, byKey);
            Integer column = null;
            if (n.key().startsWith("col")) {
                String c = n.key().substring(3, n.key().indexOf('.'));
                column = Integer.valueOf(c);
            }
            String title = titleOf(n, byKey);
            long id = tasks.insert(planId, "T-" + n.key(), title, n.body(), "COLUMN_ITEM".equals(n.type())
                    ? "COLUMN_ITEM" : "MEASURE", n.key(), chapter, column, ++ord, GENERATOR);
            List<String> depts = DefaultAssignment.assign(title, n.body(), chapter, deptIds.keySet());
            tasks.setParties(id, depts.stream().map(deptIds::get).toList(), true);
            tasks.setTowns(id, townsIn(n.body(), towns));
            Matcher m = TARGET_YEAR.matcher(n.body());
            Set<Integer> years = new HashSet<>();
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                if (years.add(y)) {
                    tasks.addMilestone(id, y + "年目标（纲要原文）", LocalDate.of(y, 12, 31));
                }
            }
            List<Long> inds = new ArrayList<>();
            for (Object[] ik : indicatorKeys) {
                if (n.key().equals(ik[1])) {
                    inds.add((Long) ik[0]);
                }
            }
            tasks.setIndicators(id, inds);
            List<Long> projs = new ArrayList<>();
            for (ProjectDetail p : named) {
                if (p.sourceQuote() != null && p.sourceQuote().length() >= 4 && n.body().contains(p.sourceQuote())) {
                    projs.add(p.id());
                }
            }
            tasks.setProjects(id, projs);
            created++;
        }
        return created;
    }

    private static String chapterOf(OutlineNode n, Map<String, OutlineNode> byKey) {
        OutlineNode cur = n;
        while (cur != null && !"CHAPTER".equals(cur.type())) {
            cur = cur.parentKey() == null ? null : byKey.get(cur.parentKey());
        }
        return cur == null ? null : cur.key();
    }

    /** The node's lead phrase, or for paragraphs without one their section title and first clause. */
    static String titleOf(OutlineNode n, Map<String, OutlineNode> byKey) {
        if (n.title() != null && !n.title().isBlank()) {
            return n.title();
        }
        String body = n.body().strip();
        int cut = body.length();
        for (char c : new char[] {'。', '，', '；'}) {
            int i = body.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        String clause = body.substring(0, Math.min(cut, 40));
        OutlineNode parent = n.parentKey() == null ? null : byKey.get(n.parentKey());
        if (parent != null && parent.title() != null && "SECTION".equals(parent.type())) {
            return parent.title() + "：" + clause;
        }
        return clause;
    }

    static List<Long> townsIn(String body, List<OrgUnit> towns) {
        List<Long> out = new ArrayList<>();
        for (OrgUnit t : towns) {
            if (body.contains(t.name())) {
                out.add(t.id());
            }
        }
        return out;
    }
}
