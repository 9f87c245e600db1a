package cn.lantu.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/** Uploads that are not outlines are refused with a clear message, and nothing is stored. */
@LantuTest
class IngestUploadRejectTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xde};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Value("${lantu.review.max-upload-bytes:8388608}") long maxBytes;

    @Test
    void aPngIsRefused() {
        ReviewHttp admin = new ReviewHttp(port, "admin", TestUsers.adminPassword());
        long before = stored();
        HttpResponse<String> png = admin.upload("scan.png", PNG);
        assertThat(png.statusCode()).isEqualTo(415);
        assertThat(png.body()).contains("id=\"upload-error\"").contains("不支持的文件类型“.png”")
                .contains(".md、.txt、.docx 或 .pdf");
        HttpResponse<String> renamed = admin.upload("outline.md", PNG);
        assertThat(renamed.statusCode()).isEqualTo(415);
        assertThat(renamed.body()).contains("id=\"upload-error\"").contains("这是一张图片，不是文本");
        HttpResponse<String> fakePdf = admin.upload("outline.pdf", "第一章 总体要求".getBytes(StandardCharsets.UTF_8));
        assertThat(fakePdf.statusCode()).isEqualTo(415);
        assertThat(fakePdf.body()).contains("不是 PDF 文件");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anOversizedFileIsRefused() {
        ReviewHttp admin = new ReviewHttp(port, "admin", TestUsers.adminPassword());
        long before = stored();
        byte[] big = new byte[(int) maxBytes + 1];
        Arrays.fill(big, (byte) 'a');
        HttpResponse<String> r = admin.upload("outline.txt", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("id=\"upload-error\"").contains("文件过大");
        HttpResponse<String> empty = admin.upload("outline.md", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("文件是空的");
        assertThat(stored()).isEqualTo(before);
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM ingest_review").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM ingest_review_item").query(Long.class).single();
    }
}
