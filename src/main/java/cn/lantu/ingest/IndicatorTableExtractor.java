package cn.lantu.ingest;

import cn.lantu.outline.Cjk;
import cn.lantu.outline.MappedText;
import cn.lantu.outline.ParsedOutlineNode;
import cn.lantu.outline.OutlineParser;
import cn.lantu.outline.ParsedOutline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the main indicator table (主要指标) of an outline: tab- or space-separated text, Markdown tables, tables
 * split across pages (merged by the parser) and Word tables (converted to tab-separated rows by the reader).
 */
final class IndicatorTableExtractor {

    enum Role { CATEGORY, NUMBER, NAME, SUBNAME, UNIT, BASE, TARGET, RATE, ATTRIBUTE, OTHER }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern COUNT = Pattern.compile("[（(]\\s*(\\d+)\\s*项\\s*[）)]");
    private static final Pattern TRAILING_UNIT = Pattern.compile("[（(]([^（）()]{1,14})[）)]\\s*$");
    private static final Pattern UNIT_WORD = Pattern.compile(
            ".*(%|‰|/|元|人|件|岁|米|吨|亩|瓦|斤|个|家|所|次|天|小时|辆|户|套|张|床|公顷|平方|立方|度|倍|项|座|公里|千米|标准煤|分贝|小时|年).*");
    private static final Pattern STAR_NOTE = Pattern.compile("\\*[^。；]{0,8}?((?:19|20)\\d{2})\\s*年");

    private final String codePrefix;

    IndicatorTableExtractor(String codePrefix) {
        this.codePrefix = codePrefix;
    }

    record Result(List<ExtractedIndicator> rows, String tableKey, List<String> warnings) {
    }

    /** Finds the main indicator table and reads its rows; empty when there is none. */
    Result extract(String text, OutlineParser.Detail detail) {
        List<String> warnings = new ArrayList<>();
        ParsedOutline outline = detail.outline();
        String best = null;
        int bestScore = 0;
        for (ParsedOutlineNode t : outline.tables()) {
            List<MappedText> rows = detail.tableRows().get(t.key());
            if (rows == null || rows.isEmpty()) {
                continue;
            }
            int score = 0;
            String title = t.title() == null ? "" : t.title();
            if (title.contains("主要指标")) {
                score += 10;
            } else if (title.contains("指标")) {
                score += 5;
            }
            String head = OutlineParser.norm(rows.get(0).toString());
            if (head.contains("指标")) {
                score += 3;
            }
            if (head.contains("属性")) {
                score += 3;
            }
            if (YEAR.matcher(head).find()) {
                score += 1;
            }
            if (score > bestScore) {
                bestScore = score;
                best = t.key();
            }
        }
        if (best == null || bestScore < 4) {
            return new Result(List.of(), null, warnings);
        }
        return new Result(readTable(text, detail, best, warnings), best, warnings);
    }

    static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        String r = row;
        if (r.strip().startsWith("|")) {
            String s = r.strip();
            if (s.startsWith("|")) {
                s = s.substring(1);
            }
            if (s.endsWith("|")) {
                s = s.substring(0, s.length() - 1);
            }
            for (String c : s.split("\\|", -1)) {
                out.add(c.strip());
            }
            return out;
        }
        if (r.indexOf('\t') >= 0) {
            for (String c : r.split("\t", -1)) {
                out.add(c.strip());
            }
        } else {
            for (String c : r.strip().split("(?: {2,}|\u3000+)", -1)) {
                out.add(c.strip());
            }
        }
        return out;
    }

    private static Role headerRole(String cell) {
        String c = OutlineParser.norm(cell);
        if (c.isEmpty()) {
            return Role.OTHER;
        }
        if (c.contains("属性")) {
            return Role.ATTRIBUTE;
        }
        if (c.contains("序号") || c.equals("编号") || c.equals("No.")) {
            return Role.NUMBER;
        }
        if (c.contains("类型") || c.contains("类别") || c.contains("领域") || c.equals("分类")) {
            return Role.CATEGORY;
        }
        if (c.contains("单位") && !c.contains("指标")) {
            return Role.UNIT;
        }
        if (c.contains("年均") || c.contains("累计") || c.contains("增速") || c.contains("年增长")) {
            return Role.RATE;
        }
        if (c.contains("目标")) {
            return Role.TARGET;
        }
        if (c.contains("指标") || c.contains("名称")) {
            return Role.NAME;
        }
        if (c.contains("基期") || c.contains("现状") || c.contains("基数") || c.contains("实际")) {
            return Role.BASE;
        }
        if (YEAR.matcher(c).find()) {
            return Role.BASE; // refined below: the later year column is the target
        }
        return Role.OTHER;
    }

    private List<ExtractedIndicator> readTable(String text, OutlineParser.Detail detail, String key,
                                               List<String> warnings) {
        List<MappedText> rows = detail.tableRows().get(key);
        ParsedOutline outline = detail.outline();
        // header
        List<String> header = trimTrailingEmpty(cells(rows.get(0).toString()));
        List<Role> roles = new ArrayList<>();
        List<Integer> yearCols = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Role r = headerRole(header.get(i));
            roles.add(r);
        }
        // years: base year from the base column, target year from the target column
        Integer baseYearHeader = null;
        Integer targetYearHeader = null;
        for (int i = 0; i < header.size(); i++) {
            Matcher y = YEAR.matcher(OutlineParser.norm(header.get(i)));
            if (y.find()) {
                yearCols.add(i);
                int year = Integer.parseInt(y.group());
                if (roles.get(i) == Role.TARGET) {
                    targetYearHeader = year;
                } else if (roles.get(i) == Role.BASE) {
                    if (baseYearHeader == null || year < baseYearHeader) {
                        baseYearHeader = year;
                    }
                }
            }
        }
        // two year columns without the word 目标: the later one is the target
        if (targetYearHeader == null && yearCols.size() >= 2) {
            int last = yearCols.get(yearCols.size() - 1);
            roles.set(last, Role.TARGET);
            Matcher y = YEAR.matcher(OutlineParser.norm(header.get(last)));
            y.find();
            targetYearHeader = Integer.parseInt(y.group());
        }
        int nameIdx = roles.indexOf(Role.NAME);
        if (nameIdx < 0) {
            warnings.add("indicator table " + key + ": no 指标名称 column in header");
            return List.of();
        }
        List<Role> valueRoles = new ArrayList<>(roles.subList(nameIdx + 1, roles.size()));
        int baseYear = baseYearHeader != null ? baseYearHeader : targetYearHeader != null ? targetYearHeader - 5 : 0;
        int targetYear = targetYearHeader != null ? targetYearHeader : baseYear + 5;
        int starYear = baseYear - 1;
        for (ParsedOutlineNode note : outline.children(key)) {
            Matcher m = STAR_NOTE.matcher(note.text().replace("\\*", "*"));
            if (m.find()) {
                starYear = Integer.parseInt(m.group(1));
            }
        }

        List<ExtractedIndicator> out = new ArrayList<>();
        String category = null;
        String categoryVerbatim = null;
        Integer categoryCount = null;
        String parentName = null;
        Integer parentNumber = null;
        int subIndex = 0;
        int tableRow = 0;
        Map<String, Integer> categorySeen = new LinkedHashMap<>();
        List<ExtractedIndicator> pendingParent = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            MappedText row = rows.get(r);
            String rowText = row.toString();
            List<String> cs = cells(rowText);
            if (OutlineParser.norm(rowText).equals(OutlineParser.norm(rows.get(0).toString()))) {
                continue; // repeated header
            }
            while (cs.size() > header.size() && cs.get(cs.size() - 1).isEmpty()) {
                cs.remove(cs.size() - 1);
            }
            long nonEmpty = cs.stream().filter(c -> !c.isEmpty()).count();
            if (nonEmpty == 0) {
                continue;
            }
            int nValues = valueRoles.size();
            if (nonEmpty == 1 && cs.size() < nValues) {
                // a category row spanning the table
                String only = cs.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
                category = only;
                continue;
            }
            if (cs.size() < nValues + 1) {
                warnings.add("indicator table row with too few cells: " + rowText);
                continue;
            }
            List<String> values = cs.subList(cs.size() - nValues, cs.size());
            List<String> left = new ArrayList<>(cs.subList(0, cs.size() - nValues));
            // left part: [category] [number] name [subname]
            int numPos = -1;
            for (int i = 0; i < left.size(); i++) {
                if (left.get(i).matches("\\d{1,3}")) {
                    numPos = i;
                    break;
                }
            }
            String catCell = null;
            String name;
            String sub = null;
            Integer number = null;
            if (numPos >= 0) {
                number = Integer.parseInt(left.get(numPos));
                for (int i = 0; i < numPos; i++) {
                    if (!left.get(i).isEmpty()) {
                        catCell = left.get(i);
                    }
                }
                List<String> rest = left.subList(numPos + 1, left.size()).stream().filter(c -> !c.isEmpty()).toList();
                if (rest.isEmpty()) {
                    warnings.add("indicator table row without a name: " + rowText);
                    continue;
                }
                name = rest.get(0);
                if (rest.size() > 1) {
                    sub = rest.get(1);
                }
                parentName = name;
                parentNumber = number;
                subIndex = sub != null ? 1 : 0;
            } else {
                List<String> rest = left.stream().filter(c -> !c.isEmpty()).toList();
                int catCol = roles.indexOf(Role.CATEGORY);
                if (rest.size() >= 2 && catCol >= 0 && !left.get(catCol).isEmpty()) {
                    catCell = left.get(catCol);
                    rest = rest.subList(1, rest.size());
                }
                if (rest.isEmpty() || parentName == null) {
                    warnings.add("indicator table row without number: " + rowText);
                    continue;
                }
                // a sub-row of the previous numbered row
                name = parentName;
                number = parentNumber;
                sub = rest.get(rest.size() - 1);
                subIndex++;
                if (subIndex == 2 && !pendingParent.isEmpty()) {
                    // the parent row becomes sub-item A
                    ExtractedIndicator first = pendingParent.get(0);
                    out.set(out.indexOf(first), withCode(first, code(first.tableNumber(), 1)));
                }
            }
            if (catCell != null) {
                String cv = catCell;
                Matcher cm = COUNT.matcher(cv);
                Integer count = cm.find() ? Integer.parseInt(cm.group(1)) : null;
                String cname = compact(COUNT.matcher(cv).replaceAll(""));
                if (!cname.isEmpty()) {
                    category = cname;
                }
                categoryVerbatim = cv;
                categoryCount = count;
                categorySeen.merge(category, 0, Integer::sum);
            }
            tableRow++;
            String base = get(values, valueRoles, Role.BASE);
            String target = get(values, valueRoles, Role.TARGET);
            String rate = get(values, valueRoles, Role.RATE);
            String attr = get(values, valueRoles, Role.ATTRIBUTE);
            String unitCol = get(values, valueRoles, Role.UNIT);
            int start = row.sourceStart();
            int end = row.sourceEnd();
            String sourceText = text.substring(start, end).strip();
            ExtractedIndicator ind = build(number, tableRow, parentName, sub, unitCol, category, categoryVerbatim,
                    categoryCount, attr, base, target, rate, baseYear, starYear, targetYear, sourceText, start, end,
                    subIndex);
            out.add(ind);
            pendingParent.clear();
            if (sub != null && subIndex == 1) {
                pendingParent.add(ind);
            }
            categorySeen.merge(category, 1, Integer::sum);
        }
        // relational rows: link to the GDP growth row
        List<ExtractedIndicator> linked = new ArrayList<>();
        String gdp = out.stream().filter(i -> "GROWTH".equals(i.kind())
                && (i.name().contains("地区生产总值") || i.name().contains("GDP"))).map(ExtractedIndicator::code)
                .findFirst().orElse(null);
        for (ExtractedIndicator i : out) {
            if ("RELATIONAL".equals(i.kind()) && i.relatedIndicator() == null && gdp != null
                    && (i.rateVerbatim() + i.targetVerbatim()).contains("经济")) {
                i = copy(i, gdp);
            }
            linked.add(i);
        }
        checkCategoryCounts(linked, warnings);
        return linked;
    }

    private static void checkCategoryCounts(List<ExtractedIndicator> rows, List<String> warnings) {
        Map<String, java.util.Set<Integer>> numbers = new LinkedHashMap<>();
        Map<String, Integer> declared = new LinkedHashMap<>();
        for (ExtractedIndicator i : rows) {
            numbers.computeIfAbsent(i.category(), k -> new java.util.TreeSet<>()).add(i.tableNumber());
        }
        Map<String, java.util.Set<String>> blocks = new LinkedHashMap<>();
        for (ExtractedIndicator i : rows) {
            if (i.categoryCount() != null) {
                String block = i.categoryCount() + "|" + OutlineParser.norm(i.categoryVerbatim());
                if (blocks.computeIfAbsent(i.category(), k -> new java.util.HashSet<>()).add(block)) {
                    declared.merge(i.category(), i.categoryCount(), Integer::sum);
                }
            }
        }
        declared.forEach((cat, n) -> {
            int actual = numbers.getOrDefault(cat, java.util.Set.of()).size();
            if (actual != n) {
                warnings.add("indicator table: category " + cat + " declares " + n + " items but has " + actual
                        + " (a category split across pages is counted once)");
            }
        });
    }

    private static ExtractedIndicator copy(ExtractedIndicator i, String related) {
        return new ExtractedIndicator(i.code(), i.tableNumber(), i.tableRow(), i.subItem(), i.name(), i.unit(),
                i.category(), i.categoryVerbatim(), i.categoryCount(), i.attribute(), i.attributeVerbatim(), i.kind(),
                i.path(), i.direction(), i.comparator(), i.band(), i.baseYear(), i.baseValue(), i.baseStatus(),
                i.baseRole(), i.markers(), i.targetYear(), i.targetValue(), i.targetHorizon(), i.targetIsIncrement(),
                i.baseVerbatim(), i.targetVerbatim(), i.rateVerbatim(), related, i.sourceText(), i.start(), i.end(),
                i.confidence(), i.reason());
    }

    private static ExtractedIndicator withCode(ExtractedIndicator i, String code) {
        return new ExtractedIndicator(code, i.tableNumber(), i.tableRow(), i.subItem(), i.name(), i.unit(),
                i.category(), i.categoryVerbatim(), i.categoryCount(), i.attribute(), i.attributeVerbatim(), i.kind(),
                i.path(), i.direction(), i.comparator(), i.band(), i.baseYear(), i.baseValue(), i.baseStatus(),
                i.baseRole(), i.markers(), i.targetYear(), i.targetValue(), i.targetHorizon(), i.targetIsIncrement(),
                i.baseVerbatim(), i.targetVerbatim(), i.rateVerbatim(), i.relatedIndicator(), i.sourceText(),
                i.start(), i.end(), i.confidence(), i.reason());
    }

    private String code(Integer number, int subIndex) {
        String n = number == null ? "XX" : String.format(Locale.ROOT, "%02d", number);
        return codePrefix + n + (subIndex > 0 ? String.valueOf((char) ('A' + subIndex - 1)) : "");
    }

    private static String get(List<String> values, List<Role> roles, Role role) {
        int i = roles.indexOf(role);
        return i >= 0 && i < values.size() ? values.get(i) : null;
    }

    private static List<String> trimTrailingEmpty(List<String> cs) {
        List<String> out = new ArrayList<>(cs);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Removes spaces (except between two Latin letters) and markup; half-width parentheses become full-width. */
    static String compact(String s) {
        String t = s.replaceAll("</?[a-zA-Z]+[^>]*>", "").replace("\\*", "*");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\u3000' || c == '\t') {
                char p = b.length() > 0 ? b.charAt(b.length() - 1) : ' ';
                char n = i + 1 < t.length() ? t.charAt(i + 1) : ' ';
                if (Character.isLetter(p) && p < 128 && Character.isLetter(n) && n < 128) {
                    b.append(' ');
                }
                continue;
            }
            b.append(c == '(' ? '（' : c == ')' ? '）' : c);
        }
        return b.toString().strip();
    }

    static String categoryCode(String cat) {
        if (cat == null) {
            return null;
        }
        if (cat.contains("经济")) {
            return "ECONOMY";
        }
        if (cat.contains("创新") || cat.contains("科技")) {
            return "INNOVATION";
        }
        if (cat.contains("民生") || cat.contains("福祉") || cat.contains("社会") || cat.contains("共享")) {
            return "WELLBEING";
        }
        if (cat.contains("绿色") || cat.contains("生态") || cat.contains("低碳") || cat.contains("环境")) {
            return "GREEN";
        }
        if (cat.contains("安全")) {
            return "SECURITY";
        }
        return cat;
    }

    private static boolean absent(String cell) {
        if (cell == null) {
            return true;
        }
        String c = OutlineParser.norm(cell);
        return c.isEmpty() || c.matches("[—\\-－–/／]+");
    }

    record Cell(Double value, String comparator, boolean star, boolean estimate, boolean bracket, String qualitative) {
    }

    static Cell parseCell(String cell) {
        if (absent(cell)) {
            return null;
        }
        String c = cell.replaceAll("\\s+", "").replace("\\*", "*");
        boolean bracket = c.contains("[") || c.contains("【");
        boolean star = c.contains("*") || c.contains("＊");
        boolean estimate = c.contains("预计");
        String comparator = null;
        if (c.contains("以上") || c.contains("不低于") || c.contains("不少于") || c.contains("≥") || c.contains(">=")
                || c.startsWith("超") || c.startsWith(">")) {
            comparator = "AT_LEAST";
        } else if (c.contains("左右") || c.startsWith("约")) {
            comparator = "ABOUT";
        } else if (c.contains("以内") || c.contains("以下") || c.contains("不高于") || c.contains("不超过")
                || c.contains("≤") || c.contains("<=") || c.startsWith("<")) {
            comparator = "AT_MOST";
        }
        Matcher m = NUMBER.matcher(Cjk.halfWidth(c));
        if (m.find()) {
            String rest = c.replaceAll("[\\d.\\[\\]【】*＊%‰\\-]", "").replace("预计", "").replace("以上", "")
                    .replace("左右", "").replace("以内", "").replace("以下", "").replace("不低于", "")
                    .replace("不高于", "").replace("不超过", "").replace("不少于", "").replace("约", "")
                    .replace("超", "");
            Double v = Double.parseDouble(m.group());
            if (rest.length() > 2) {
                // a number inside words, e.g. "完成省下达指标" has none; "与2025年持平" keeps text
                return new Cell(null, comparator, star, estimate, bracket, c);
            }
            return new Cell(v, comparator, star, estimate, bracket, null);
        }
        return new Cell(null, comparator, star, estimate, bracket, c);
    }

    private static final Pattern DOWN_NAME = Pattern.compile(
            ".*(下降|降低|减少|排放|浓度|能耗|用水量|倍差|差距|死亡率|事故|发生率|失业率|负债率|PM2\\.5|耗).*");

    private ExtractedIndicator build(Integer number, int tableRow, String parentName, String sub, String unitCol,
                                     String categoryRaw, String categoryVerbatim, Integer categoryCount,
                                     String attrCell, String baseCell, String targetCell, String rateCell,
                                     int baseYearHeader, int starYear, int targetYearHeader, String sourceText,
                                     int start, int end, int subIndex) {
        List<String> reasons = new ArrayList<>();
        double confidence = 1.0;
        // name and unit
        String rawName = sub != null ? sub : parentName;
        String unit = unitCol != null && !absent(unitCol) ? compact(unitCol) : null;
        String nameCell = rawName;
        Matcher um = TRAILING_UNIT.matcher(nameCell);
        if (um.find() && UNIT_WORD.matcher(um.group(1)).matches() && !um.group(1).contains("含")) {
            if (unit == null) {
                unit = compact(um.group(1)).replace("（", "(").replace("）", ")");
            }
            nameCell = nameCell.substring(0, um.start());
        }
        if (unit == null && sub != null) {
            Matcher pm = TRAILING_UNIT.matcher(parentName);
            if (pm.find() && UNIT_WORD.matcher(pm.group(1)).matches()) {
                unit = compact(pm.group(1));
            }
        }
        String subItem = sub != null ? compact(nameCell) : null;
        String name;
        if (sub != null) {
            String parent = compact(TRAILING_UNIT.matcher(parentName).replaceAll(""));
            int has = parent.indexOf("拥有");
            if (has >= 0) {
                name = parent.substring(0, has + 2) + subItem;
            } else if (parent.startsWith("每")) {
                Matcher pm = Pattern.compile("^每[^\\s]{1,4}?人(口)?").matcher(parent);
                name = pm.find() ? pm.group() + subItem : parent + "：" + subItem;
            } else {
                name = parent + "：" + subItem;
            }
        } else {
            name = compact(nameCell);
        }
        if (unit == null) {
            unit = "";
        }
        // attribute
        String attribute = null;
        String attributeVerbatim = attrCell == null ? null : OutlineParser.norm(attrCell);
        if (attributeVerbatim != null) {
            if (attributeVerbatim.contains("约束")) {
                attribute = "BINDING";
            } else if (attributeVerbatim.contains("预期")) {
                attribute = "ANTICIPATORY";
            }
        }
        if (attribute == null) {
            reasons.add("attribute not stated");
            confidence -= 0.2;
        }
        Cell base = parseCell(baseCell);
        Cell target = parseCell(targetCell);
        Cell rate = parseCell(rateCell);
        List<String> markers = new ArrayList<>();
        if (base != null && base.star()) {
            markers.add("STAR");
        }
        if (base != null && base.estimate()) {
            markers.add("ESTIMATE");
        }
        if ((base != null && base.bracket()) || (rate != null && rate.bracket()) || (target != null && target.bracket())) {
            markers.add("CUMULATIVE");
        }
        // which cell holds the target?
        Cell goal;
        String horizon;
        if (target != null && (target.value() != null || rate == null)) {
            goal = target;
            horizon = target.bracket() ? "PERIOD" : "TARGET_YEAR";
        } else if (rate != null) {
            goal = rate;
            horizon = rate.bracket() ? "PERIOD" : "ANNUAL";
        } else {
            goal = null;
            horizon = "TARGET_YEAR";
        }
        String qual = goal != null && goal.qualitative() != null ? goal.qualitative()
                : base != null && base.qualitative() != null ? base.qualitative() : null;
        String kind;
        String n = name;
        boolean declineName = n.contains("下降") || n.contains("降低") || n.contains("减少");
        boolean growthName = n.contains("增长") || n.contains("增速") || n.endsWith("增幅");
        boolean increment = false;
        if (goal != null && goal.qualitative() != null && goal.value() == null) {
            String q = goal.qualitative();
            if (q.contains("同步") || q.contains("快于") || q.contains("高于经济") || q.contains("持平")) {
                kind = "RELATIONAL";
            } else if (q.contains("稳定") || q.contains("保持")) {
                kind = "STABLE";
            } else if (q.contains("下达") || q.contains("上级") || q.contains("考核")) {
                kind = "ASSIGNED";
            } else {
                kind = "QUALITATIVE";
            }
        } else if (goal == null) {
            kind = "QUALITATIVE";
            reasons.add("no target value");
            confidence -= 0.3;
        } else if (horizon.equals("PERIOD")) {
            if (declineName) {
                kind = "DECLINE";
            } else if (n.contains("新增") || n.contains("累计") || n.contains("人数") || n.contains("完成")) {
                kind = "CUMULATIVE";
            } else {
                kind = "LEVEL";
                increment = true;
            }
        } else if (horizon.equals("ANNUAL")) {
            kind = declineName ? "DECLINE" : growthName ? "GROWTH" : (n.contains("新增") ? "CUMULATIVE" : "GROWTH");
        } else {
            kind = declineName && "%".equals(unit) ? "DECLINE" : "LEVEL";
        }
        // direction
        String direction;
        Double baseValue = base != null ? base.value() : null;
        Double targetValue = goal != null ? goal.value() : null;
        if (declineName || DOWN_NAME.matcher(n).matches()) {
            direction = "DOWN";
        } else if ("LEVEL".equals(kind) && baseValue != null && targetValue != null && targetValue < baseValue
                && !(base != null && base.bracket())) {
            direction = "DOWN";
        } else {
            direction = "UP";
        }
        if ("LEVEL".equals(kind) && "BINDING".equals(attribute) && "UP".equals(direction)) {
            kind = "FLOOR";
        }
        // comparator
        String comparator = goal != null ? goal.comparator() : null;
        if (comparator == null) {
            switch (kind) {
                case "ASSIGNED" -> comparator = "DOWN".equals(direction) ? "AT_MOST" : "AT_LEAST";
                case "QUALITATIVE" -> comparator = null;
                case "STABLE", "RELATIONAL", "CUMULATIVE", "DECLINE", "FLOOR" -> comparator = "AT_LEAST";
                case "LEVEL" -> comparator = "DOWN".equals(direction) ? "AT_MOST" : "AT_LEAST";
                default -> comparator = "EXACT";
            }
        }
        Double band = null;
        if ("ABOUT".equals(comparator) && goal != null && goal.value() != null) {
            String v = goal.value().toString();
            String raw = OutlineParser.norm(goal == target ? targetCell : rateCell);
            Matcher dm = Pattern.compile("\\d+\\.(\\d+)").matcher(raw);
            int decimals = dm.find() ? dm.group(1).length() : 0;
            band = "%".equals(unit) || decimals == 0 ? 0.5 : Math.pow(10, -decimals);
            if (decimals >= 2) {
                band = Math.pow(10, -decimals);
            }
        }
        // base
        String baseStatus;
        String baseRole;
        int baseYear = base != null && base.star() ? starYear : baseYearHeader;
        if (baseValue == null) {
            baseStatus = "TO_BE_ENTERED";
        } else if (base.estimate()) {
            baseStatus = "ESTIMATE";
        } else {
            baseStatus = "GIVEN";
        }
        if (base != null && base.bracket()) {
            baseRole = "PREVIOUS_PLAN_TOTAL";
        } else {
            baseRole = switch (kind) {
                case "LEVEL", "FLOOR" -> "LEVEL";
                case "GROWTH", "DECLINE", "CUMULATIVE" -> baseValue != null ? "RATE" : "NONE";
                default -> "NONE";
            };
        }
        if (qual != null && goal != null && goal.value() == null && kind.equals("QUALITATIVE")) {
            reasons.add("qualitative target: " + qual);
            confidence -= 0.2;
        }
        if (base != null && base.qualitative() != null && base.value() == null && baseValue == null
                && !kind.equals("STABLE") && !kind.equals("RELATIONAL") && !kind.equals("ASSIGNED")) {
            reasons.add("base value not numeric: " + base.qualitative());
        }
        String path = "LEVEL".equals(kind) ? "LINEAR" : null;
        return new ExtractedIndicator(code(number, subIndex > 0 && sub != null ? subIndex : 0), number, tableRow,
                subItem, name, unit, categoryCode(categoryRaw), categoryVerbatim, categoryCount, attribute,
                attributeVerbatim, kind, path, direction, comparator, band, baseYear, baseValue, baseStatus, baseRole,
                markers, targetYearHeader, targetValue, horizon, increment, baseCell == null ? null : baseCell.strip(),
                targetCell == null ? null : targetCell.strip(), rateCell == null ? null : rateCell.strip(), null,
                sourceText, start, end, Math.max(0.1, confidence), reasons.isEmpty() ? null : String.join("; ", reasons));
    }
}
