package cn.lantu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall and precision of prose-target extraction on the test outlines (recorded in docs/benchmarks.md,
 * "Plan ingestion"). qingxi and jiangchuan were written while developing the rules; heyuan-holdout was written
 * afterwards and not tuned on.
 */
class BenchmarkTest {

    @Test
    void recallAndPrecision(@TempDir Path dir) throws Exception {
        Extraction qingxi = new OutlineExtractor().extract(IngestTestSupport.testResource("qingxi-15th.md"));
        Extraction docx = new OutlineExtractor().extract(OtherLayoutsTest.writeDocx(dir));
        Extraction holdout = new OutlineExtractor().extract(IngestTestSupport.testResource("heyuan-holdout.md"));
        Benchmark.Score a = Benchmark.score(qingxi, Gold.QINGXI_TARGETS, Gold.QINGXI_FACTS);
        Benchmark.Score b = Benchmark.score(docx, Gold.DOCX_TARGETS, Gold.DOCX_FACTS);
        Benchmark.Score c = Benchmark.score(holdout, HoldoutGold.TARGETS, HoldoutGold.FACTS);
        for (var e : new Object[][] {{"qingxi-15th.md", a}, {"jiangchuan.docx", b}, {"heyuan-holdout.md", c}}) {
            Benchmark.Score s = (Benchmark.Score) e[1];
            System.out.printf(Locale.ROOT, "BENCH %s gold=%d predicted=%d tp=%d recall=%.2f precision=%.2f "
                    + "facts=%d/%d missed=%s fp=%s%n", e[0], s.gold(), s.predicted(), s.truePositives(), s.recall(),
                    s.precision(), s.factTruePositives(), s.factGold(), s.missed(), s.falsePositives());
        }
        assertThat(a.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(a.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(b.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.recall()).isGreaterThanOrEqualTo(0.6);
        assertThat(c.precision()).isGreaterThanOrEqualTo(0.6);
    }
}
