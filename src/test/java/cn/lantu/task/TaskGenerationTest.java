package cn.lantu.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lantu.plan.OutlineNode;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.support.LantuTest;

/**
 * The task list generated from the Zhuji outline covers every measure paragraph and every action-column item.
 * The expected counts are computed here from the outline text itself, not from the generator.
 */
@LantuTest
class TaskGenerationTest {

    @Autowired
    PlanRepository plans;
    @Autowired
    TaskService service;
    @Autowired
    TaskRepository tasks;
    @Autowired
    ReformService reforms;

    static final Pattern NUMBERED = Pattern.compile("^\\s*(?:[-*]\\s+)?(?:#+\\s*)?\\**\\s*(\\d{1,2})\\s*\\**\\s*[.．]\\s*\\**\\s*(.+)$");
    static final Pattern SECTION_OR_CHAPTER = Pattern.compile(
            "^\\s*#*\\s*\\**\\s*(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、).*");

    Plan plan() {
        return plans.findByCode("zhuji-15th").orElseThrow();
    }

    String outline() {
        return plans.outlineSource(plan().id());
    }

    /** The lines of the text from the heading of 专栏 n to the next section or chapter heading. */
    static List<String> columnRegion(String text, int n) {
        String[] lines = text.split("\n");
        List<String> out = new ArrayList<>();
        boolean in = false;
        Pattern head = Pattern.compile("^\\s*#*\\s*专栏\\s*" + n + "(?!\\d).*");
        for (String l : lines) {
            if (!in && head.matcher(l).matches()) {
                in = true;
                continue;
            }
            if (in && SECTION_OR_CHAPTER.matcher(l).matches()) {
                break;
            }
            if (in) {
                out.add(l);
            }
        }
        return out;
    }

    static List<String> numberedItems(String text, int column) {
        List<String> items = new ArrayList<>();
        for (String l : columnRegion(text, column)) {
            Matcher m = NUMBERED.matcher(l);
            if (m.matches()) {
                items.add(m.group(2).replace("*", "").strip());
            }
        }
        return items;
    }

    List<Task> fromColumn(int column) {
        return service.list(plan().id()).stream().filter(t -> t.outlineKey() != null
                && t.outlineKey().startsWith("col" + column + ".")).toList();
    }

    @Test
    void actionColumnsGiveOneTaskPerItemCountedFromTheText() {
        String text = outline();
        for (int col : new int[] {11, 14, 15, 16}) {
            List<String> items = numberedItems(text, col);
            List<Task> generated = fromColumn(col);
            assertThat(generated).as("专栏" + col).hasSize(items.size());
            for (int i = 0; i < items.size(); i++) {
                String lead = items.get(i).split("[。]")[0];
                assertThat(generated.get(i).title()).as("专栏" + col + " item " + (i + 1)).isEqualTo(lead);
                assertThat(generated.get(i).origin()).isEqualTo("COLUMN_ITEM");
            }
        }
        assertThat(numberedItems(text, 14)).hasSize(8);
        assertThat(numberedItems(text, 15)).hasSize(10);
        assertThat(numberedItems(text, 16)).hasSize(23);
        // spot checks of named items
        assertThat(fromColumn(14)).extracting(Task::title).contains("实施理论研究传播行动", "实施文化英才引育行动");
        assertThat(fromColumn(15)).extracting(Task::title).contains("严格规范管校治教");
        assertThat(fromColumn(16)).extracting(Task::title).contains("新时代政法干部队伍能力提升“三百”工程",
                "“老杨带小杨”调解人才培养体系建设");
        // 专栏1: each industry item ends with its 2030 output target; 专栏5: the five “人工智能+” directions
        long col1 = columnRegion(text, 1).stream().filter(l -> l.contains("力争产值突破")).count();
        assertThat(fromColumn(1)).hasSize((int) col1).extracting(Task::title).contains("时尚袜艺", "生命健康");
        long col5 = columnRegion(text, 5).stream().filter(l -> l.startsWith("“人工智能+”")).count();
        assertThat(fromColumn(5)).hasSize((int) col5);
        assertThat(col5).isEqualTo(5);
    }

    @Test
    void placeAndProjectColumnsAndReformsAreNotTasks() {
        List<Task> all = service.list(plan().id());
        for (String col : List.of("col3.", "col4.", "col6.", "col8.", "col9.", "col10.", "col12.", "col13.",
                "col2.g2.")) {
            assertThat(all).as(col).noneMatch(t -> t.outlineKey() != null && t.outlineKey().startsWith(col));
        }
        // 专栏9: 20 reforms, counted from the text: the lead-phrase paragraphs under its numbered domain headings
        List<String> region = columnRegion(outline(), 9);
        // (a paragraph continuing one cut by a page break, i.e. after one not ending a sentence, is not an item)
        long reformItems = 0;
        String prev = "。";
        for (String l : region.stream().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            boolean heading = NUMBERED.matcher(l).matches();
            boolean fresh = "。；！？…”".indexOf(prev.charAt(prev.length() - 1)) >= 0 || heading;
            if (!heading && fresh && l.matches("^\\**[^。]{4,40}。.*")) {
                reformItems++;
            }
            prev = heading ? "。" : l;
        }
        assertThat(reformItems).isEqualTo(20);
        assertThat(reforms.items(plan().id())).hasSize((int) reformItems)
                .allSatisfy(i -> assertThat(i.parties()).isNotEmpty());
    }

    @Test
    void everyMeasureParagraphOfChaptersTwoToTwelveIsATask() {
        Plan p = plan();
        String text = outline();
        List<OutlineNode> columns = plans.nodesOfType(p.id(), "COLUMN");
        List<Task> measures = service.list(p.id()).stream().filter(t -> "MEASURE".equals(t.origin())).toList();
        Map<String, OutlineNode> nodes = new java.util.HashMap<>();
        plans.nodes(p.id()).forEach(n -> nodes.put(n.key(), n));
        // walk the text paragraph by paragraph (blank-line separated), with offsets
        int start = text.indexOf("二、壮大实体经济根基");
        int end = text.indexOf("抄送");
        assertThat(start).isPositive();
        Matcher para = Pattern.compile("(?m)^(?!\\s*$).+(?:\\n(?!\\s*$).+)*").matcher(text);
        boolean inSection = false;
        int sentenceStarts = 0;
        String previous = "。";
        List<Integer> uncovered = new ArrayList<>();
        java.util.Set<String> covering = new java.util.HashSet<>();
        while (para.find()) {
            int at = para.start();
            if (at < start || at >= end) {
                continue;
            }
            String s = para.group().replaceAll("[#*\\s]", "");
            if (s.matches("^[一二三四五六七八九十]+、.*")) {
                inSection = false;
                continue;
            }
            if (s.matches("^（[一二三四五六七八九十]+）.*")) {
                inSection = true;
                continue;
            }
            boolean inColumn = columns.stream().anyMatch(c -> at >= c.start() && at < c.end());
            if (!inSection || inColumn || s.startsWith("专栏") || s.matches("^图\\d.*") || s.matches("^\\d+$")
                    || s.matches("^-+$")) {
                continue;
            }
            if ("。；：！？…”".indexOf(previous.charAt(previous.length() - 1)) >= 0) {
                sentenceStarts++;
            }
            previous = s;
            Task t = measures.stream().filter(m -> {
                OutlineNode n = nodes.get(m.outlineKey());
                return n != null && at >= n.start() && at < n.end();
            }).findFirst().orElse(null);
            if (t == null) {
                uncovered.add(at);
            } else {
                covering.add(t.code());
            }
        }
        assertThat(uncovered).as("measure paragraphs without a task (offsets)").isEmpty();
        assertThat(measures).hasSize(covering.size());
        assertThat(covering).hasSize(sentenceStarts);
        assertThat(measures).extracting(Task::title).contains("焕新升级传统产业", "守牢经济安全底线");
        assertThat(measures).allSatisfy(t -> {
            assertThat(t.lead()).as(t.code()).isNotNull();
            assertThat(t.lead().isDefault()).isTrue();
        });
    }

    @Test
    void generationIsIdempotentAndTasksLinkBackToTheirText() {
        Plan p = plan();
        int before = tasks.count(p.id());
        assertThat(service.ensureGenerated(p.id())).isZero();
        assertThat(tasks.count(p.id())).isEqualTo(before);
        Task t = tasks.find(p.id(), "T-col14.i1").orElseThrow();
        OutlineNode n = plans.node(p.id(), t.outlineKey()).orElseThrow();
        assertThat(t.body()).isEqualTo(n.body());
        assertThat(outline().substring(n.start(), n.end())).contains("实施理论研究传播行动");
    }
}
