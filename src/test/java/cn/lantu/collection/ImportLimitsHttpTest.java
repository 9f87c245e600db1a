package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * Memory exhaustion by a reporter (security issue, item 1): a workbook of many sheets of thousands of numbers is
 * refused with a clear Chinese 413 after reading only the template's sheet, at a cost in allocated memory that does
 * not depend on the other sheets; and imports over the per-instance limit are refused with 429.
 */
@LantuTest
class ImportLimitsHttpTest {

    static final String API = "/api/v1/plans/zhuji-15th";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired ImportGate gate;

    @Test
    void aWorkbookOfManyBigSheetsIsRefusedCheaplyWithAClearMessage() throws Exception {
        ReportingFixture fx = new ReportingFixture(port, jdbc, users);
        String reporter = fx.user("mem", Role.REPORTER, fx.leadOf("ZJ13"));
        // the report's file: sheets of 4,950 × 20 numbers, 填报 first; 17 of them stay under the 5 MB upload limit
        byte[] bytes = BigWorkbooks.attack(17, ExcelTemplate.SHEET);
        assertThat((long) bytes.length).isLessThan(5L << 20);
        String before = fx.checksum();
        fx.upload(reporter, "warm-up.xlsx", bytes);
        long allocated = BigWorkbooks.allocatedByAllThreads();
        HttpResponse<String> r = fx.upload(reporter, "big.xlsx", bytes);
        allocated = BigWorkbooks.allocatedByAllThreads() - allocated;
        System.out.printf("refused upload of %d bytes: %d MB allocated by the server%n", bytes.length, allocated >> 20);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        String error = String.valueOf(ReportingFixture.json(r).get("error"));
        assertThat(error).contains("文件过大", "单元格超过" + ExcelImport.MAX_CELLS);
        assertThat(r.body()).doesNotContain("Exception", "poi", "java.");
        // reading all 17 sheets (1.7 million cells) allocates gigabytes; 60,000 cells of one sheet some tens of MB
        assertThat(allocated).as("bytes allocated by the server for the request").isLessThan(200L << 20);
        assertThat(fx.checksum()).isEqualTo(before);
    }

    @Test
    void importsOverTheConcurrencyLimitAreRefusedWith429() throws Exception {
        ReportingFixture fx = new ReportingFixture(port, jdbc, users);
        String reporter = fx.user("busy", Role.REPORTER, fx.leadOf("ZJ13"));
        byte[] template = fx.as(reporter).getBytes(API + "/reporting/template.xlsx?year=2026&period=Y").body();
        fx.openPeriod(2026, "Y");
        assertThat(gate.max()).isEqualTo(2);
        CountDownLatch holding = new CountDownLatch(gate.max());
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(gate.max());
        try {
            // two imports in progress (held inside the gate, as a slow upload would be)
            for (int i = 0; i < gate.max(); i++) {
                pool.submit(() -> gate.run(() -> {
                    holding.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
            }
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> refused = fx.upload(reporter, "third.xlsx", template);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(String.valueOf(ReportingFixture.json(refused).get("error"))).contains("已达上限", "请稍后再试");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> bulk = Http.admin(port).postMultipart(BulkFigureImportTest.URL, "file", "b.xlsx",
                    BulkFigureImportTest.XLSX, BulkFigureImportTest.workbook(List.of(), null));
            assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(429);
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        HttpResponse<String> after = fx.upload(reporter, "after.xlsx", template);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    }
}
