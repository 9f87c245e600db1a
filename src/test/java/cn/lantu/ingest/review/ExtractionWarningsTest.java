package cn.lantu.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import cn.lantu.ingest.Extraction;
import cn.lantu.ingest.OutlineExtractor;

/** Every warning the extractor gives on the development outlines has a message in both languages. */
class ExtractionWarningsTest {

    @Test
    void knownKindsHaveKeysAndArguments() throws Exception {
        Properties zh = new Properties();
        Properties en = new Properties();
        try (InputStream a = getClass().getResourceAsStream("/i18n/pages-review.properties");
             InputStream b = getClass().getResourceAsStream("/i18n/pages-review_en.properties")) {
            zh.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        ExtractionWarnings.Warning w = ExtractionWarnings.of(
                "indicator table: category 一、经济 declares 8 items but has 7 (a category split across pages is counted once)");
        assertThat(w.key()).isEqualTo("review.warn.categoryCount");
        assertThat(w.args()).containsExactly("一、经济", "8", "7");
        assertThat(ExtractionWarnings.of("no main indicator table (主要指标) found").key()).isEqualTo("review.warn.noTable");
        assertThat(ExtractionWarnings.of("something new").key()).isEqualTo("review.warn.other");

        List<String> warnings = new java.util.ArrayList<>();
        for (String name : List.of("suzhou-15th.txt", "shenzhen-15th.txt")) {
            java.nio.file.Path p = java.nio.file.Path.of("../shared/outlines", name);
            if (Files.exists(p)) {
                Extraction x = new OutlineExtractor().extract(Files.readString(p), name);
                warnings.addAll(x.warnings());
            }
        }
        warnings.add("no main indicator table (主要指标) found");
        for (ExtractionWarnings.Warning each : ExtractionWarnings.of(warnings)) {
            assertThat(zh.getProperty(each.key())).as(each.key()).isNotBlank();
            assertThat(en.getProperty(each.key())).as(each.key()).isNotBlank();
        }
        // the outlines' own warnings are of known kinds, so the page says them in Chinese
        assertThat(ExtractionWarnings.of(warnings)).extracting(ExtractionWarnings.Warning::key)
                .doesNotContain("review.warn.other");
    }
}
