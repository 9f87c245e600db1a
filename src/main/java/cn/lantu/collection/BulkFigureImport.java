package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import cn.lantu.audit.AuditLog;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanChanges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * 批量导入: the plan office loads many verified figures at once (a statistical yearbook, a bureau's monthly series,
 * the history before Lantu), up to {@value #MAX_ROWS} rows in one .xlsx: 指标代码 | 单位代码 | 年份 | 期间 | 数值 | 说明.
 * The sheet is read row by row with POI's streaming reader (no cell map, no workbook in memory); every row is
 * checked (known indicator and unit of the plan, year in range, period Y/Q1–Q4/M01–M12, a number, no formula, no
 * duplicate key) and any problem refuses the whole file with the problems listed by row and column. A valid file is
 * written in one transaction: new figures inserted, changed ones updated (the figure's version raised), each with a
 * revision row that names the file and the importer (所有修改留痕); rows equal to the stored approved value are
 * skipped, so the same file imported twice changes nothing. Figures are APPROVED on import: only the plan office
 * (ADMIN) may import, and it is the approver.
 */
@Service
class BulkFigureImport {

    static final int MAX_ROWS = 200_000;
    static final String SHEET = "批量导入";
    static final List<String> HEADERS = List.of("指标代码", "单位代码", "年份", "期间", "数值", "说明");
    static final int MAX_LISTED = 200;
    private static final Pattern PERIOD = Pattern.compile("Y|Q[1-4]|M(0[1-9]|1[0-2])");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final PlanChanges changes;
    private final long maxBytes;
    private final Timer timer;

    BulkFigureImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, AuditLog audit, PlanChanges changes,
                     MeterRegistry meters, @Value("${lantu.reporting.bulk-max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.audit = audit;
        this.changes = changes;
        this.maxBytes = maxBytes;
        this.timer = Timer.builder("lantu.import.duration").description("Duration of data imports")
                .tag("source", "bulk-xlsx").register(meters);
    }

    /** One parsed row. */
    record Row(int line, long indicatorId, long unitId, int year, String period, double value, String note) {}

    /** What an import did, with the time spent reading the file and writing the database. */
    record Result(String file, int rows, int inserted, int updated, int unchanged, long parseMillis, long writeMillis) {}

    long maxBytes() {
        return maxBytes;
    }

    /** An empty workbook with the header row and an instruction sheet. */
    byte[] template(Plan plan) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet(SHEET);
            var header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            var help = wb.createSheet("说明");
            String[] lines = {plan.name() + " — 批量导入（规划办）",
                "每行一个数据：指标代码与单位代码取自系统（指标页、组织页），期间为 Y（年度）、Q1–Q4 或 M01–M12。",
                "数值只填数字，不要使用公式；同一指标、单位、年份、期间只能出现一次；最多 " + MAX_ROWS + " 行。",
                "文件中任何一处错误都会使整个文件被拒绝，不写入任何数据；导入的数据直接为“已审核”，并留有修改记录。"};
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    Result importFile(Plan plan, Actor actor, String fileName, byte[] bytes) {
        if (actor.role() != cn.lantu.security.Role.ADMIN) {
            throw ReportingException.forbidden("批量导入仅限规划办（管理员）");
        }
        long t0 = System.nanoTime();
        List<Row> rows = parse(plan, bytes);
        long t1 = System.nanoTime();
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName;
        int[] counts = tx.execute(s -> write(plan, actor, name, rows));
        long t2 = System.nanoTime();
        timer.record(java.time.Duration.ofNanos(t2 - t0));
        return new Result(name, rows.size(), counts[0], counts[1], counts[2], (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
    }

    /** Reads and checks every row; throws with the problems when any row is wrong. */
    List<Row> parse(Plan plan, byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（" + bytes.length / 1024 + " KB，上限 "
                    + maxBytes / 1024 + " KB）");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw ReportingException.invalid(ExcelImport.NOT_XLSX, List.of());
        }
        Map<String, Long> indicators = new HashMap<>();
        jdbc.sql("SELECT code, id FROM indicator WHERE plan_id = ?").param(plan.id())
                .query((rs, n) -> indicators.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> units = new HashMap<>();
        jdbc.sql("SELECT code, id FROM org_unit WHERE plan_id = ?").param(plan.id())
                .query((rs, n) -> units.put(rs.getString(1), rs.getLong(2))).list();
        RowChecker checker = new RowChecker(plan, indicators, units);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lantu-bulk", ".xlsx");
            Files.write(tmp, bytes);
            try (OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                SharedStrings strings = reader.getSharedStringsTable();
                XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
                boolean found = false;
                while (it.hasNext()) {
                    try (InputStream in = it.next()) {
                        if (SHEET.equals(it.getSheetName())) {
                            found = true;
                            XMLReader xml = XMLHelper.newXMLReader();
                            xml.setContentHandler(new RowHandler(strings, checker));
                            xml.parse(new InputSource(in));
                        }
                    }
                }
                if (!found) {
                    throw ReportingException.invalid("找不到工作表“" + SHEET + "”，请使用系统下载的批量导入模板", List.of());
                }
            }
        } catch (ReportingException e) {
            throw e;
        } catch (TooManyRows e) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（超过" + MAX_ROWS + "行）");
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw ReportingException.invalid(ExcelImport.NOT_XLSX, List.of(String.valueOf(e.getMessage())));
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("inflate ratio")) {
                    throw ReportingException.invalid(ExcelImport.ZIP_BOMB, List.of());
                }
            }
            throw ReportingException.invalid(ExcelImport.NOT_XLSX + "（无法读取：" + e.getClass().getSimpleName() + "）",
                    List.of());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp file cleanup is best effort
                }
            }
        }
        if (!checker.headerSeen) {
            checker.problem(1, null, "缺少表头行");
        }
        if (checker.problemCount > 0) {
            List<String> listed = new ArrayList<>(checker.problems);
            if (checker.problemCount > listed.size()) {
                listed.add("……另有 " + (checker.problemCount - listed.size()) + " 处问题未列出");
            }
            throw ReportingException.invalid("文件有 " + checker.problemCount + " 处问题，整个文件未导入（未写入任何数据）",
                    listed);
        }
        if (checker.rows.isEmpty()) {
            throw ReportingException.invalid("文件中没有数据行", List.of());
        }
        return checker.rows;
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Checks each completed row and keeps the good ones compactly; records problems by row and column. */
    private static final class RowChecker {
        final Plan plan;
        final Map<String, Long> indicators;
        final Map<String, Long> units;
        final List<Row> rows = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        int problemCount;
        boolean headerSeen;

        RowChecker(Plan plan, Map<String, Long> indicators, Map<String, Long> units) {
            this.plan = plan;
            this.indicators = indicators;
            this.units = units;
        }

        void problem(int line, Integer col, String reason) {
            problemCount++;
            if (problems.size() < MAX_LISTED) {
                problems.add("工作表“" + SHEET + "” 第" + line + "行" + (col == null ? "" : " "
                        + CellReference.convertNumToColString(col) + "列") + "：" + reason);
            }
        }

        void row(int line, String[] cells, boolean[] formula) {
            if (line == 1) {
                headerSeen = true;
                for (int c = 0; c < HEADERS.size(); c++) {
                    String actual = cells[c] == null ? "" : cells[c].trim();
                    if (!actual.equals(HEADERS.get(c))) {
                        problem(1, c, "表头应为“" + HEADERS.get(c) + "”，实际为“" + actual + "”");
                    }
                }
                return;
            }
            boolean blank = true;
            for (int c = 0; c < 5; c++) {
                if (cells[c] != null && !cells[c].isBlank()) {
                    blank = false;
                }
            }
            if (blank) {
                return;
            }
            if (rows.size() + problemCount >= MAX_ROWS) {
                throw new TooManyRows();
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                if (formula[c]) {
                    problem(line, c, ExcelImport.FORMULA);
                    return;
                }
            }
            Long indicator = indicators.get(trim(cells[0]));
            if (indicator == null) {
                problem(line, 0, "未知指标代码“" + trim(cells[0]) + "”");
                return;
            }
            Long unit = units.get(trim(cells[1]));
            if (unit == null) {
                problem(line, 1, "未知单位代码“" + trim(cells[1]) + "”");
                return;
            }
            int year;
            try {
                year = (int) Double.parseDouble(trim(cells[2]));
            } catch (NumberFormatException e) {
                problem(line, 2, "年份应为数字，实际为“" + trim(cells[2]) + "”");
                return;
            }
            if (year < plan.baseYear() - 10 || year > plan.periodEnd()) {
                problem(line, 2, "年份 " + year + " 不在 " + (plan.baseYear() - 10) + "–" + plan.periodEnd() + " 之内");
                return;
            }
            String period = trim(cells[3]).toUpperCase(java.util.Locale.ROOT);
            if (!PERIOD.matcher(period).matches()) {
                problem(line, 3, "期间应为 Y、Q1–Q4 或 M01–M12，实际为“" + trim(cells[3]) + "”");
                return;
            }
            double value;
            try {
                value = Double.parseDouble(trim(cells[4]));
            } catch (NumberFormatException e) {
                problem(line, 4, "数值应为数字，实际为“" + trim(cells[4]) + "”");
                return;
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                problem(line, 4, "数值无效");
                return;
            }
            if (!keys.add(indicator + "|" + unit + "|" + year + "|" + period)) {
                problem(line, null, "与前面的行重复（同一指标、单位、年份、期间）");
                return;
            }
            String note = cells[5] == null || cells[5].isBlank() ? null : cells[5].strip();
            if (note != null && note.length() > 2000) {
                problem(line, 5, "说明超过2000字");
                return;
            }
            rows.add(new Row(line, indicator, unit, year, period, value, note));
        }

        private static String trim(String s) {
            return s == null ? "" : s.trim();
        }
    }

    /** SAX handler that hands each completed row (columns A–F) to the checker, keeping no cells behind it. */
    private static final class RowHandler extends DefaultHandler {
        private final SharedStrings strings;
        private final RowChecker checker;
        private final String[] cells = new String[HEADERS.size()];
        private final boolean[] formula = new boolean[HEADERS.size()];
        private final StringBuilder text = new StringBuilder();
        private int line;
        private int col = -1;
        private String type;
        private boolean inValue;

        RowHandler(SharedStrings strings, RowChecker checker) {
            this.strings = strings;
            this.checker = checker;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    java.util.Arrays.fill(cells, null);
                    java.util.Arrays.fill(formula, false);
                    String r = atts.getValue("r");
                    line = r == null ? line + 1 : Integer.parseInt(r);
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    col = ref == null ? col + 1 : columnOf(ref);
                    type = atts.getValue("t");
                    text.setLength(0);
                }
                case "f" -> {
                    if (col >= 0 && col < cells.length) {
                        formula[col] = true;
                    }
                }
                case "v", "t" -> inValue = true;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (col >= 0 && col < cells.length) {
                        String v = text.toString();
                        if ("s".equals(type) && !v.isEmpty()) {
                            v = strings.getItemAt(Integer.parseInt(v.trim())).getString();
                        }
                        cells[col] = v;
                    }
                }
                case "row" -> {
                    checker.row(line, cells, formula);
                    col = -1;
                }
                default -> { }
            }
        }

        /** The 0-based column of a cell reference such as "C17" (letters only, no allocation). */
        private static int columnOf(String ref) {
            int c = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                c = c * 26 + (ch - 'A' + 1);
            }
            return c - 1;
        }
    }

    /** Inserts new figures, updates changed ones, each with a revision; returns {inserted, updated, unchanged}. */
    private int[] write(Plan plan, Actor actor, String fileName, List<Row> rows) {
        record Stored(long id, Double value, int version, String state) {}
        Map<String, Stored> existing = new HashMap<>();
        jdbc.sql("""
                SELECT f.id, f.indicator_id, f.org_unit_id, f.report_year, f.period, f.num_value, f.version, f.state
                  FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE i.plan_id = ? AND f.demo = FALSE""")
                .param(plan.id()).query((rs, n) -> {
                    double v = rs.getDouble(6);
                    existing.put(rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getInt(4) + "|" + rs.getString(5),
                            new Stored(rs.getLong(1), rs.wasNull() ? null : v, rs.getInt(7), rs.getString(8)));
                    return 0;
                }).list();
        // milliseconds: every database stores them exactly, so the set-based revision insert below finds the rows
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String by = actor.username();
        String reason = "批量导入：" + fileName;
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> updateRevisions = new ArrayList<>();
        int unchanged = 0;
        for (Row r : rows) {
            Stored s = existing.get(r.indicatorId() + "|" + r.unitId() + "|" + r.year() + "|" + r.period());
            if (s == null) {
                inserts.add(new Object[] {r.indicatorId(), r.unitId(), r.year(), r.period(), r.value(), r.note(), by, now});
            } else if (s.value() != null && s.value() == r.value() && "APPROVED".equals(s.state())) {
                unchanged++;
            } else {
                updates.add(new Object[] {r.value(), r.note(), by, now, s.id(), s.version()});
                updateRevisions.add(new Object[] {s.id(), s.version() + 1, r.value(), reason, by, now, r.note()});
            }
        }
        long maxBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM figure").query(Long.class).single();
        batch.batchUpdate("""
                INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, verdict, estimate, state,
                                    demo, note, source, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, NULL, FALSE, 'APPROVED', FALSE, ?, '批量导入', 1, ?, ?)""", inserts);
        if (!inserts.isEmpty()) {
            // The first revision of every figure just inserted, in one statement: identities only grow, so they
            // are the rows above the highest id seen before, written by this import (same user and timestamp).
            int n = jdbc.sql("""
                    INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason,
                                                 changed_by, changed_at, note, source)
                    SELECT f.id, 1, f.num_value, NULL, FALSE, 'APPROVED', ?, f.updated_by, f.updated_at, f.note, f.source
                      FROM figure f
                     WHERE f.id > ? AND f.version = 1 AND f.source = '批量导入' AND f.updated_by = ? AND f.updated_at = ?""")
                    .params(reason, maxBefore, by, now).update();
            if (n != inserts.size()) {
                throw ReportingException.conflict("导入时有他人同时导入（" + n + " ≠ " + inserts.size()
                        + "），整个文件未导入，请重试");
            }
        }
        int[] done = batch.batchUpdate("""
                UPDATE figure SET num_value = ?, verdict = NULL, estimate = FALSE, state = 'APPROVED', note = ?,
                  source = '批量导入', return_comment = NULL, version = version + 1, updated_by = ?, updated_at = ?
                 WHERE id = ? AND version = ?""", updates);
        for (int d : done) {
            if (d == 0) {
                throw ReportingException.conflict("导入期间有数据被他人修改（版本冲突），整个文件未导入，请重试");
            }
        }
        batch.batchUpdate("""
                INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason, changed_by,
                                             changed_at, note, source)
                VALUES (?, ?, ?, NULL, FALSE, 'APPROVED', ?, ?, ?, ?, '批量导入')""", updateRevisions);
        if (!inserts.isEmpty() || !updates.isEmpty()) {
            changes.touch(plan.id());
        }
        audit.record(by, "FIGURE_BULK_IMPORT", "plan:" + plan.code(), fileName + ": " + rows.size() + " rows, "
                + inserts.size() + " new, " + updates.size() + " changed, " + unchanged + " unchanged");
        return new int[] {inserts.size(), updates.size(), unchanged};
    }
}
