package cn.lantu.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The synthetic key tasks and major projects that top up each generated plan to the requested counts (合成数据):
 * the plan keeps the tasks {@code TaskService} generates from its outline and the projects its package names; the
 * generator adds {@link SynTask}s spread over the outline's chapters (lead and cooperating departments, sometimes a
 * town, a milestone) and {@link SynProject}s spread over the 专栏8 domains in proportion to their planned counts
 * (responsible department, investment, yearly plan, start/completion milestones and an APPROVED year-end investment
 * report per plan year up to the last figure year). Every name is prefixed 【合成数据】, every code starts
 * {@code T-SYN-} / {@code P-SYN-}, and every row is written by {@code synthetic}. Pure functions of the seed, the
 * plan index and the template; {@link SyntheticBatchWriter#writePortfolio} inserts them in JDBC batches.
 */
final class SyntheticPortfolio {

    static final String TASK_PREFIX = "T-SYN-";
    static final String PROJECT_PREFIX = "P-SYN-";
    static final String BY = "synthetic";
    static final int FIRST_PLAN_YEAR = 2026;
    static final int LAST_PLAN_YEAR = 2030;
    private static final String[] STAGES = {"PLANNING", "PRELIMINARY", "APPROVAL", "UNDER_CONSTRUCTION",
        "UNDER_CONSTRUCTION", "UNDER_CONSTRUCTION", "UNDER_CONSTRUCTION", "COMPLETED", "IN_OPERATION", "PRELIMINARY"};
    private static final String[] TYPES = {"GOVERNMENT", "GOVERNMENT", "GOVERNMENT", "GOVERNMENT", "ENTERPRISE",
        "ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "PPP", "OTHER"};

    private SyntheticPortfolio() {
    }

    /** A synthetic task; {@code town} and {@code project} may be null. */
    record SynTask(String code, String title, String body, String chapterKey, int ordinal, String lead,
                   String cooperating, String town, LocalDate milestone) {
        String line() {
            return "T|" + code + "|" + title + "|" + chapterKey + "|" + ordinal + "|" + lead + "|" + cooperating + "|"
                    + town + "|" + milestone;
        }
    }

    /** A synthetic project; amounts in 亿元 with two decimals; {@code town} and {@code task} may be null. */
    record SynProject(String code, String name, String domain, String stage, int ordinal, String dept,
                      String deptName, String type, BigDecimal total, BigDecimal period, LocalDate start,
                      LocalDate finish, Map<Integer, BigDecimal> yearPlan, Map<Integer, BigDecimal> reports,
                      String town, String task) {
        String line() {
            return "P|" + code + "|" + name + "|" + domain + "|" + stage + "|" + ordinal + "|" + dept + "|" + type
                    + "|" + total.toPlainString() + "|" + period.toPlainString() + "|" + start + "|" + finish + "|"
                    + amounts(yearPlan) + "|" + amounts(reports) + "|" + town + "|" + task;
        }
    }

    static String amounts(Map<Integer, BigDecimal> m) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(m).forEach((y, a) -> b.append(y).append(':').append(a.toPlainString()).append(','));
        return b.toString();
    }

    static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    /** The synthetic tasks of plan {@code i}: {@code count} tasks after the outline's {@code t.outlineTasks()}. */
    static List<SynTask> tasks(SyntheticTemplate t, long seed, int i, int count) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_033L + i * 7_919L + 11);
        List<SynTask> out = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            SyntheticTemplate.Chapter ch = t.chapters().get((n - 1) % t.chapters().size());
            int li = r.nextInt(t.departments().size());
            int ci = (li + 1 + r.nextInt(t.departments().size() - 1)) % t.departments().size();
            String town = !t.towns().isEmpty() && r.nextInt(10) < 3
                    ? t.towns().get(r.nextInt(t.towns().size())).code() : null;
            LocalDate due = LocalDate.of(FIRST_PLAN_YEAR + r.nextInt(LAST_PLAN_YEAR - FIRST_PLAN_YEAR + 1),
                    1 + r.nextInt(12), 1).plusMonths(1).minusDays(1);
            String head = ch.title();
            int cut = head.indexOf('，');
            head = cut > 0 ? head.substring(0, cut) : head;
            String code = TASK_PREFIX + String.format("%03d", n);
            out.add(new SynTask(code, SyntheticGenerator.NAME_PREFIX + head + "·合成任务" + String.format("%03d", n),
                    "合成数据：按纲要第" + ch.key().substring(1) + "章结构生成的模拟重点任务，仅用于规模测试。", ch.key(),
                    t.outlineTasks() + n, t.departments().get(li).code(), t.departments().get(ci).code(), town, due));
        }
        return out;
    }

    /**
     * The synthetic projects of plan {@code i}: {@code count} projects after the package's named ones, with
     * year-end reports for the plan years up to {@code lastYear}; {@code tasks} are the plan's synthetic task codes.
     */
    static List<SynProject> projects(SyntheticTemplate t, long seed, int i, int count, int lastYear,
                                     List<SynTask> tasks) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_037L + i * 104_723L + 13);
        int weights = t.domains().stream().mapToInt(d -> Math.max(1, d.plannedCount())).sum();
        List<SynProject> out = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            // domain in proportion to the planned counts of 专栏8
            int pick = r.nextInt(weights);
            SyntheticTemplate.Domain d = t.domains().get(0);
            for (SyntheticTemplate.Domain x : t.domains()) {
                pick -= Math.max(1, x.plannedCount());
                if (pick < 0) {
                    d = x;
                    break;
                }
            }
            SyntheticTemplate.Unit dept = t.departments().get(r.nextInt(t.departments().size()));
            String stage = STAGES[r.nextInt(STAGES.length)];
            String type = TYPES[r.nextInt(TYPES.length)];
            double avg = d.periodInvestment() / Math.max(1, d.plannedCount());
            double ratio = d.periodInvestment() > 0 ? Math.max(1, d.totalInvestment() / d.periodInvestment()) : 1;
            BigDecimal period = money(Math.max(0.05, avg * (0.5 + r.nextDouble())));
            BigDecimal total = money(period.doubleValue() * ratio * (0.9 + 0.2 * r.nextDouble()))
                    .max(period);
            int startYear = FIRST_PLAN_YEAR + r.nextInt(3);
            LocalDate start = LocalDate.of(startYear, 1 + r.nextInt(12), 1 + r.nextInt(28));
            LocalDate finish = start.plusYears(1 + r.nextInt(4)).plusDays(r.nextInt(200));
            int lastPlanYear = Math.min(LAST_PLAN_YEAR, finish.getYear());
            Map<Integer, BigDecimal> yearPlan = new TreeMap<>();
            int years = lastPlanYear - startYear + 1;
            BigDecimal left = period;
            for (int y = startYear; y <= lastPlanYear; y++) {
                BigDecimal a = y == lastPlanYear ? left
                        : money(period.doubleValue() / years * (0.8 + 0.4 * r.nextDouble())).min(left);
                yearPlan.put(y, a);
                left = left.subtract(a);
            }
            double perf = 0.5 + 0.8 * r.nextDouble(); // 0.5 (lagging) .. 1.3 (ahead)
            Map<Integer, BigDecimal> reports = new TreeMap<>();
            for (Map.Entry<Integer, BigDecimal> e : yearPlan.entrySet()) {
                if (e.getKey() <= lastYear && e.getValue().signum() > 0) {
                    reports.put(e.getKey(), money(e.getValue().doubleValue() * perf * (0.9 + 0.2 * r.nextDouble())));
                }
            }
            String town = !t.towns().isEmpty() && r.nextInt(2) == 0
                    ? t.towns().get(r.nextInt(t.towns().size())).code() : null;
            String task = tasks.isEmpty() ? null : tasks.get((n - 1) % tasks.size()).code();
            out.add(new SynProject(PROJECT_PREFIX + String.format("%03d", n),
                    SyntheticGenerator.NAME_PREFIX + d.name() + "重大项目" + String.format("%03d", n), d.code(), stage,
                    t.namedProjects() + n, dept.code(), dept.name(), type, total, period, start, finish, yearPlan,
                    reports, town, task));
        }
        return out;
    }
}
