package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lantu.audit.AuditLog;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanChanges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * 批量导入: the plan office loads many verified figures at once (a statistical yearbook, a bureau's monthly series,
 * the history before Lantu), up to {@value #MAX_ROWS} rows in one .xlsx: 指标代码 | 单位代码 | 年份 | 期间 | 数值 | 说明.
 * The sheet is read row by row with POI's streaming reader (no cell map, no workbook in memory); every row is
 * checked (known indicator and unit of the plan, no formula, no duplicate key, and the checks of the form:
 * {@link FigureValidator#check}: year in range, period Y/Q1–Q4/M01–M12, the city or a town where the indicator has a
 * town breakdown, a plain number within the indicator's bounds) and any problem refuses the whole file with every
 * problem listed by row and column. A valid file is
 * written in one transaction: new figures inserted, changed ones updated (the figure's version raised), each with a
 * revision row that names the file and the importer (所有修改留痕); rows equal to the stored approved value are
 * skipped, so the same file imported twice changes nothing. Figures are APPROVED on import: only the plan office
 * (ADMIN) may import, and it is the approver.
 *
 * <p>The steps live apart: {@link BulkFigureSheetReader} streams the sheet, {@link BulkFigureRowCheck} checks the
 * rows, {@link BulkFigureWriter} writes them; this class guards, times and puts the write in its transaction.
 */
@Service
class BulkFigureImport {

    static final int MAX_ROWS = 200_000;
    static final String SHEET = "批量导入";
    static final List<String> HEADERS = List.of("指标代码", "单位代码", "年份", "期间", "数值", "说明");
    static final int MAX_LISTED = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BulkFigureWriter writer;
    private final long maxBytes;
    private final Timer timer;
    private final IndicatorRepository indicatorRepository;
    private final MessageSource messages;
    private static final java.util.Locale CHINESE = java.util.Locale.SIMPLIFIED_CHINESE;
    private final FigureChecks checks;

    BulkFigureImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, AuditLog audit, PlanChanges changes,
                     MeterRegistry meters, IndicatorRepository indicatorRepository, MessageSource messages,
                     FigureChecks checks, @Value("${lantu.reporting.bulk-max-bytes:10485760}") long maxBytes) {
        this.messages = messages;
        this.checks = checks;
        this.indicatorRepository = indicatorRepository;
        this.jdbc = jdbc;
        this.tx = tx;
        this.writer = new BulkFigureWriter(jdbc, batch, audit, changes);
        this.maxBytes = maxBytes;
        this.timer = Timer.builder("lantu.import.duration").description("Duration of data imports")
                .tag("source", "bulk-xlsx").register(meters);
    }

    /** One parsed row. */
    record Row(int line, long indicatorId, long unitId, int year, String period, double value, String note) {}

    /**
     * What an import reports while it runs (the import page's progress bar): each data row as it is checked, with
     * the rows the sheet declares (-1 when it does not say), and the start of the write.
     */
    interface Progress {
        Progress NONE = new Progress() {};

        default void rows(int read, int declared) {
        }

        default void writing(int rows) {
        }
    }

    /** What an import did, with the time spent reading the file and writing the database. */
    record Result(String file, int rows, int inserted, int updated, int unchanged, long parseMillis, long writeMillis) {}

    long maxBytes() {
        return maxBytes;
    }

    /**
     * An empty workbook with the header row and an instruction sheet: the rules, then every column with what goes
     * in it and an example (the same words as the import page, from the message bundle, in Chinese).
     */
    byte[] template(Plan plan) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet(SHEET);
            var header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                sheet.setColumnWidth(c, 16 * 256);
            }
            var help = wb.createSheet("说明");
            help.setColumnWidth(2, 70 * 256);
            help.setColumnWidth(3, 24 * 256);
            List<String> lines = List.of(plan.name() + " — 批量导入（规划办）",
                "在工作表“" + SHEET + "”中每行填一个数据，第一行为表头，请勿改动；最多 " + MAX_ROWS + " 行。",
                "数值只填数字，不要使用公式；同一指标、单位、年份、期间只能出现一次。",
                "文件中任何一处错误都会使整个文件被拒绝，不写入任何数据；导入的数据直接为“已审核”，并留有修改记录。", "");
            int r = 0;
            for (String line : lines) {
                help.createRow(r++).createCell(0).setCellValue(line);
            }
            var columns = help.createRow(r++);
            String[] titles = {"列", "表头", "填写内容", "示例"};
            for (int c = 0; c < titles.length; c++) {
                columns.createCell(c).setCellValue(titles[c]);
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                var row = help.createRow(r++);
                row.createCell(0).setCellValue(org.apache.poi.ss.util.CellReference.convertNumToColString(c));
                row.createCell(1).setCellValue(HEADERS.get(c));
                row.createCell(2).setCellValue(messages.getMessage("bulk.col.meaning." + c, null, CHINESE));
                row.createCell(3).setCellValue(messages.getMessage("bulk.col.example." + c, null, CHINESE));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    Result importFile(Plan plan, Actor actor, String fileName, byte[] bytes) {
        return importFile(plan, actor, fileName, bytes, Progress.NONE);
    }

    Result importFile(Plan plan, Actor actor, String fileName, byte[] bytes, Progress progress) {
        if (actor.role() != cn.lantu.security.Role.ADMIN) {
            throw ReportingException.forbidden("批量导入仅限规划办（管理员）");
        }
        long t0 = System.nanoTime();
        List<Row> rows = parse(plan, bytes, progress);
        long t1 = System.nanoTime();
        progress.writing(rows.size());
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName;
        int[] counts = tx.execute(s -> writer.write(plan, actor, name, rows));
        long t2 = System.nanoTime();
        timer.record(java.time.Duration.ofNanos(t2 - t0));
        return new Result(name, rows.size(), counts[0], counts[1], counts[2], (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
    }

    private static OrgUnit.Type type(String s) {
        try {
            return OrgUnit.Type.valueOf(s);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** Reads and checks every row; throws with the problems when any row is wrong. */
    private List<Row> parse(Plan plan, byte[] bytes, Progress progress) {
        if (bytes.length > maxBytes) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（" + bytes.length / 1024 + " KB，上限 "
                    + maxBytes / 1024 + " KB）");
        }
        if (cn.lantu.web.Spreadsheets.format(bytes) == cn.lantu.web.Spreadsheets.Format.OTHER) {
            throw ReportingException.invalid(ExcelImport.NOT_XLSX, List.of());
        }
        Map<String, Indicator> indicators = new HashMap<>();
        indicatorRepository.findByPlan(plan.id()).forEach(i -> indicators.put(i.code(), i));
        Map<String, BulkFigureRowCheck.Unit> units = new HashMap<>();
        jdbc.sql("SELECT code, id, unit_type FROM org_unit WHERE plan_id = ?").param(plan.id())
                .query((rs, n) -> units.put(rs.getString(1), new BulkFigureRowCheck.Unit(rs.getLong(2),
                        type(rs.getString(3))))).list();
        Set<Long> townBreakdown = new HashSet<>(jdbc.sql("""
                SELECT r.indicator_id FROM responsibility r JOIN indicator i ON i.id = r.indicator_id
                 WHERE i.plan_id = ? AND r.role = 'LEAD' AND r.town_breakdown <> 'NONE'""").param(plan.id())
                .query(Long.class).list());
        BulkFigureRowCheck checker = new BulkFigureRowCheck(plan, indicators, units, townBreakdown, progress);
        BulkFigureSheetReader.read(bytes, checker);
        checker.storedChecks(checks);
        return checker.rowsOrThrow();
    }
}
