package cn.lantu.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import cn.lantu.LantuApplication;
import cn.lantu.security.UserService;

/**
 * Issue 9 benchmark 3: the Excel upload path against POI's streaming reader ({@link XSSFReader} + SAX, counting
 * cells and resolving shared strings) merely reading the same bytes. Two measurements, side by side in one JVM:
 * <ol>
 * <li>the real upload ({@code POST /api/v1/plans/{plan}/reporting/upload}, Bearer token) of the filled template of
 * the org unit that leads the most indicators (the largest file the importer accepts: one row per indicator the
 * unit leads, each at most once), alternating two value sets so that every upload changes every row;</li>
 * <li>the importer's parser ({@code cn.lantu.collection.ExcelImport.read}, package-private, called by reflection)
 * on a synthetic 5,000-row sheet, the template importer's row limit ({@code MAX_ROWS});</li>
 * <li>the plan office's bulk import of 100,000 figures ({@code …/reporting/bulk-upload}), see {@link #bulk}.</li>
 * </ol>
 * Arguments: {@code [plan] [year] [iterations]}. Not a test; run through {@code bench/xlsx.sh}.
 */
public final class XlsxBench {

    private XlsxBench() {}

    /** The bare streaming read: every sheet through SAX, shared strings resolved; returns the cell count. */
    static long rawRead(byte[] bytes) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = reader.getSharedStringsTable();
            long[] cells = {0};
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new DefaultHandler() {
                        boolean shared;
                        boolean inV;
                        StringBuilder text = new StringBuilder();

                        @Override
                        public void startElement(String u, String l, String q, Attributes a) {
                            if (l.equals("c")) {
                                shared = "s".equals(a.getValue("t"));
                                cells[0]++;
                            } else if (l.equals("v")) {
                                inV = true;
                                text.setLength(0);
                            }
                        }

                        @Override
                        public void characters(char[] ch, int s, int n) {
                            if (inV) {
                                text.append(ch, s, n);
                            }
                        }

                        @Override
                        public void endElement(String u, String l, String q) {
                            if (l.equals("v")) {
                                inV = false;
                                if (shared) {
                                    strings.getItemAt(Integer.parseInt(text.toString())).getString();
                                }
                            }
                        }
                    });
                    xml.parse(new InputSource(in));
                }
            }
            return cells[0];
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /** Fills the value column (F) of a downloaded template: last year's value (D) × factor, or 完成 for verdicts. */
    static byte[] fill(byte[] template, double factor) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheet("填报");
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                if (row == null) {
                    continue;
                }
                Cell last = row.getCell(3);
                Cell value = row.getCell(5) == null ? row.createCell(5) : row.getCell(5);
                String target = row.getCell(4) == null ? "" : row.getCell(4).toString();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?").matcher(target);
                Double base = last != null && last.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? Double.valueOf(last.getNumericCellValue()) : m.find() ? Double.valueOf(m.group()) : null;
                if (base != null) {
                    double v = base * factor;
                    if ("%".equals(String.valueOf(row.getCell(2))) && v > 100) {
                        v = Math.min(base, 100) * (factor - 1) * 10;
                    }
                    value.setCellValue(Math.round(v * 100) / 100.0);
                } else {
                    value.setBlank(); // no number to start from (qualitative or verdict row): left empty, skipped
                }
            }
            s.protectSheet(null);
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] bigSheet(int rows) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("填报");
            String[] h = {"指标代码", "指标名称", "单位", "上年数值", "目标值", "本期数值", "是否预计", "说明", "数据来源"};
            Row hr = s.createRow(0);
            for (int c = 0; c < h.length; c++) {
                hr.createCell(c).setCellValue(h[c]);
            }
            for (int r = 1; r < rows; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("I" + r);
                row.createCell(1).setCellValue("合成指标" + r);
                row.createCell(2).setCellValue("亿元");
                row.createCell(3).setCellValue(r * 1.5);
                row.createCell(4).setCellValue(String.valueOf(r * 2));
                row.createCell(5).setCellValue(r * 1.7);
                row.createCell(6).setCellValue("否");
                row.createCell(7).setCellValue("");
                row.createCell(8).setCellValue("统计局");
            }
            Sheet m = wb.createSheet("信息");
            m.createRow(0).createCell(1).setCellValue("zhuji-15th");
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    public static void main(String[] args) throws Exception {
        String plan = args.length > 0 ? args[0] : "zhuji-15th";
        int year = args.length > 1 ? Integer.parseInt(args[1]) : 2029;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        SpringApplication app = new SpringApplication(LantuApplication.class);
        app.setDefaultProperties(Map.of("server.port", "0"));
        try (ConfigurableApplicationContext ctx = app.run("--server.port=0")) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            String token = ctx.getBean(UserService.class).createToken("admin", "xlsx-bench-" + System.nanoTime());
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            String unit = jdbc.sql("""
                    SELECT o.code FROM responsibility r JOIN org_unit o ON o.id = r.org_unit_id
                      JOIN plan p ON p.id = o.plan_id
                     WHERE p.code = ? AND r.role = 'LEAD' AND r.frequency = 'ANNUAL'
                     GROUP BY o.code ORDER BY COUNT(*) DESC, o.code""").param(plan).query(String.class).list().get(0);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port + "/api/v1/plans/" + plan + "/reporting/";
            HttpResponse<byte[]> t = http.send(HttpRequest.newBuilder(URI.create(base + "template.xlsx?unit=" + unit
                    + "&year=" + year + "&period=Y")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (t.statusCode() != 200) {
                throw new IllegalStateException("template: " + t.statusCode() + " " + new String(t.body(), StandardCharsets.UTF_8));
            }
            byte[][] files = {fill(t.body(), 1.05), fill(t.body(), 1.07)};
            System.out.printf("BENCH unit %s, template %d bytes, filled %d bytes, %d cells%n", unit, t.body().length,
                    files[0].length, rawRead(files[0]));
            List<Double> up = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            String answer = "";
            for (int i = -3; i < iterations; i++) { // 3 warm-up rounds
                byte[] f = files[(i + 3) % 2];
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(multipart(base + "upload", token, f), HttpResponse.BodyHandlers.ofString());
                double u = (System.nanoTime() - t0) / 1e6;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
                }
                answer = r.body();
                t0 = System.nanoTime();
                for (int k = 0; k < 10; k++) {
                    rawRead(f);
                }
                double rr = (System.nanoTime() - t0) / 1e7;
                if (i >= 0) {
                    up.add(u);
                    raw.add(rr);
                }
            }
            System.out.printf("BENCH upload answer: %s%n", answer);
            System.out.printf("BENCH uploads (ms): %s; raw reads (ms): %s%n", up, raw);
            System.out.printf("BENCH template upload: median %.1f ms per upload vs raw XSSFReader %.2f ms per read;"
                    + " import speed = %.1f%% of raw read speed%n", median(up), median(raw), 100 * median(raw) / median(up));

            Method read = Class.forName("cn.lantu.collection.ExcelImport").getDeclaredMethod("read", byte[].class, long.class);
            read.setAccessible(true);
            byte[] big = bigSheet(5000);
            List<Double> parse = new ArrayList<>();
            List<Double> raw2 = new ArrayList<>();
            for (int i = -3; i < iterations; i++) {
                long t0 = System.nanoTime();
                Map<?, ?> sheets = (Map<?, ?>) read.invoke(null, big, 50L << 20);
                double p = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                long cells = rawRead(big);
                double rr = (System.nanoTime() - t0) / 1e6;
                if (i == -3) {
                    System.out.printf("BENCH 5000-row sheet: %d bytes, %d cells, %d sheets parsed by ExcelImport%n",
                            big.length, cells, sheets.size());
                }
                if (i >= 0) {
                    parse.add(p);
                    raw2.add(rr);
                }
            }
            System.out.printf("BENCH 5000-row parse: ExcelImport.read median %.1f ms vs raw XSSFReader %.1f ms;"
                    + " parser speed = %.1f%% of raw read speed%n", median(parse), median(raw2),
                    100 * median(raw2) / median(parse));
            bulk(http, base, token, jdbc, plan, Math.max(Integer.getInteger("bulk.rounds", 3), iterations / 4));
        }
        System.exit(0);
    }

    /**
     * The plan office's bulk import of 100,000 figures ({@code POST …/reporting/bulk-upload}): every indicator of the
     * plan × every org unit × monthly periods, as many as make 100,000 rows. The first upload inserts them all; later
     * uploads alternate two value sets, so every row is updated (with a revision) each time. Each upload is timed
     * against POI's streaming reader merely reading the same bytes.
     */
    static void bulk(HttpClient http, String base, String token, JdbcClient jdbc, String plan, int rounds)
            throws Exception {
        List<String> indicators = jdbc.sql("SELECT i.code FROM indicator i JOIN plan p ON p.id = i.plan_id "
                + "WHERE p.code = ? ORDER BY i.code").param(plan).query(String.class).list();
        List<String> units = jdbc.sql("SELECT o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id "
                + "WHERE p.code = ? ORDER BY o.code").param(plan).query(String.class).list();
        byte[][] files = {bulkSheet(indicators, units, 100_000, 0), bulkSheet(indicators, units, 100_000, 1)};
        System.out.printf("BENCH bulk file: 100000 rows (%d indicators x %d units x monthly periods), %d bytes, %d cells%n",
                indicators.size(), units.size(), files[0].length, rawRead(files[0]));
        for (int i = 0; i < 3; i++) { // warm-up of the raw reader
            rawRead(files[i % 2]);
        }
        List<Double> up = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int i = 0; i <= rounds; i++) {
            byte[] f = files[i % 2];
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(multipart(base + "bulk-upload", token, f), HttpResponse.BodyHandlers.ofString());
            double u = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("bulk upload: " + r.statusCode() + " " + r.body());
            }
            t0 = System.nanoTime();
            rawRead(f);
            double rr = (System.nanoTime() - t0) / 1e6;
            System.out.printf("BENCH bulk upload %d: %.0f ms (%s) vs raw XSSFReader %.0f ms = %.1f%% of raw read speed%n",
                    i, u, r.body(), rr, 100 * rr / u);
            if (i > 0) {
                up.add(u);
                raw.add(rr);
            }
        }
        System.out.printf("BENCH bulk 100000-figure upload (updates, median of %d): %.0f ms vs raw XSSFReader %.0f ms;"
                + " import speed = %.1f%% of raw read speed%n", up.size(), median(up), median(raw),
                100 * median(raw) / median(up));
    }

    static byte[] bulkSheet(List<String> indicators, List<String> units, int rows, int variant) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("批量导入");
            String[] h = {"指标代码", "单位代码", "年份", "期间", "数值", "说明"};
            Row hr = s.createRow(0);
            for (int c = 0; c < h.length; c++) {
                hr.createCell(c).setCellValue(h[c]);
            }
            int r = 0;
            outer:
            for (int year = 2016; year <= 2030; year++) {
                for (int m = 1; m <= 12; m++) {
                    for (String u : units) {
                        for (String ind : indicators) {
                            if (r == rows) {
                                break outer;
                            }
                            Row row = s.createRow(++r);
                            row.createCell(0).setCellValue(ind);
                            row.createCell(1).setCellValue(u);
                            row.createCell(2).setCellValue(year);
                            row.createCell(3).setCellValue(String.format("M%02d", m));
                            row.createCell(4).setCellValue(Math.round((r % 997) * 1.37 * 100 + variant) / 100.0);
                            row.createCell(5).setCellValue("基准测试数据（合成）");
                        }
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    static HttpRequest multipart(String url, String token, byte[] file) {
        String boundary = "----lantubench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
