package cn.lantu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-written gold lists of the real development outlines (src/test/resources/ingest/gold/*.tsv) and the scoring
 * of an {@link Extraction} against them: table rows exact (name, base, target, attribute), prose targets recall
 * and precision, baseline facts that leaked into targets.
 */
final class RealOutlineGold {
    private RealOutlineGold() {
    }

    /** Where the real outlines live: {@code ../shared/outlines} next to the project. */
    static Path outlinesDir() {
        return IngestTestSupport.projectRoot().resolve("../shared/outlines").normalize();
    }

    record Row(String name, String unit, Double base, Double target, String attribute) {
    }

    /** kind T/F/N/O, key phrase, value, upper value of a range, unit, year ("annual" → null with annual true). */
    record Item(char kind, String key, double value, Double valueMax, String unit, Integer year, boolean annual) {
    }

    static List<Row> table(String file) {
        List<Row> rows = new ArrayList<>();
        for (String[] f : tsv(file)) {
            rows.add(new Row(f[0], f[1], num(f, 2), num(f, 3), f.length > 4 ? f[4] : ""));
        }
        return rows;
    }

    static List<Item> prose(String file) {
        List<Item> items = new ArrayList<>();
        for (String[] f : tsv(file)) {
            String year = f.length > 5 ? f[5] : "";
            items.add(new Item(f[0].charAt(0), f[1], Double.parseDouble(f[2]), num(f, 3), f.length > 4 ? f[4] : "",
                    year.matches("\\d{4}") ? Integer.valueOf(year) : null, year.equals("annual")));
        }
        return items;
    }

    private static List<String[]> tsv(String file) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(IngestTestSupport.testResource("gold/" + file))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double num(String[] f, int i) {
        return f.length > i && !f[i].isBlank() ? Double.valueOf(f[i]) : null;
    }

    record TableScore(int gold, int extracted, int exact, List<String> wrong) {
        double recall() {
            return gold == 0 ? 1 : (double) exact / gold;
        }

        double precision() {
            return extracted == 0 ? (gold == 0 ? 1 : 0) : (double) exact / extracted;
        }
    }

    record ProseScore(int gold, int scored, int truePositives, int factsLeaked, int factsFound, int facts,
                      List<Item> missed, List<String> falsePositives) {
        double recall() {
            return gold == 0 ? 1 : (double) truePositives / gold;
        }

        double precision() {
            return scored == 0 ? 0 : (double) truePositives / scored;
        }
    }

    private static final Map<String, String> ATTRIBUTES = Map.of("ANTICIPATORY", "预期性", "BINDING", "约束性");

    static TableScore scoreTable(Extraction x, List<Row> gold) {
        List<ExtractedIndicator> left = new ArrayList<>(x.indicators());
        List<String> wrong = new ArrayList<>();
        int exact = 0;
        for (Row g : gold) {
            ExtractedIndicator hit = left.stream().filter(i -> rowMatches(g, i)).findFirst().orElse(null);
            if (hit != null) {
                left.remove(hit);
                exact++;
            } else {
                ExtractedIndicator near = left.stream().filter(i -> norm(i.name()).equals(norm(g.name())))
                        .findFirst().orElse(null);
                wrong.add(g.name() + (near == null ? " (not found)" : " (got base=" + near.baseValue() + " target="
                        + near.targetValue() + " " + near.attribute() + ")"));
            }
        }
        return new TableScore(gold.size(), x.indicators().size(), exact, wrong);
    }

    private static boolean rowMatches(Row g, ExtractedIndicator i) {
        return norm(i.name()).equals(norm(g.name())) && same(g.base(), i.baseValue())
                && same(g.target(), i.targetValue())
                && g.attribute().equals(ATTRIBUTES.getOrDefault(i.attribute(), String.valueOf(i.attribute())));
    }

    static ProseScore scoreProse(Extraction x, List<Item> gold) {
        List<Item> targets = gold.stream().filter(g -> g.kind() == 'T').toList();
        List<Item> open = new ArrayList<>(targets);
        List<String> fps = new ArrayList<>();
        int tp = 0;
        int ignored = 0;
        int leaked = 0;
        for (ProseTarget t : x.targets()) {
            Item hit = open.stream().filter(g -> matches(g, t)).findFirst().orElse(null);
            if (hit != null) {
                open.remove(hit);
                tp++;
                continue;
            }
            Item other = gold.stream().filter(g -> g.kind() != 'T' && itemMatches(g, t.name(), t.value(), t.unit()))
                    .findFirst().orElse(null);
            if (other != null && other.kind() == 'O' || qualitative(t)) {
                ignored++;
                continue;
            }
            if (other != null && other.kind() == 'F') {
                leaked++;
            }
            fps.add(t.name() + " " + fmt(t.value()) + t.unit() + (other == null ? "" : " [" + other.kind() + "]"));
        }
        List<Item> facts = gold.stream().filter(g -> g.kind() == 'F').toList();
        int found = (int) facts.stream().filter(g -> x.baselineFacts().stream()
                .anyMatch(f -> itemMatches(g, f.name(), f.value(), f.unit()))).count();
        return new ProseScore(targets.size(), x.targets().size() - ignored, tp, leaked, found, facts.size(), open, fps);
    }

    /** 全覆盖 (100%) and 清零 (0) are qualitative: not scored unless the gold lists them as targets. */
    private static boolean qualitative(ProseTarget t) {
        String q = t.quote() == null ? "" : t.quote();
        return q.contains("全覆盖") || q.contains("清零");
    }

    private static boolean matches(Item g, ProseTarget t) {
        if (!itemMatches(g, t.name(), t.value(), t.unit()) || !same(g.valueMax(), t.valueMax())) {
            return false;
        }
        if (g.annual()) {
            return "ANNUAL".equals(t.horizon());
        }
        return g.year() == null || g.year().equals(t.targetYear());
    }

    private static boolean itemMatches(Item g, String name, double value, String unit) {
        String n = norm(name);
        String k = norm(g.key());
        return (n.contains(k) || (n.length() >= 4 && k.contains(n))) && Math.abs(value - g.value()) < 1e-9
                && g.unit().equalsIgnoreCase(unit == null ? "" : unit);
    }

    static String norm(String s) {
        return s == null ? "" : s.replaceAll("[\\s\"“”]", "").toLowerCase(Locale.ROOT);
    }

    private static boolean same(Double a, Double b) {
        return a == null ? b == null : b != null && Math.abs(a - b) < 1e-9;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
