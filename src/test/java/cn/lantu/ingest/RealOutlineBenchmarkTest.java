package cn.lantu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Extraction of the real development outlines (../shared/outlines) against the hand-written gold lists; prints the
 * figures recorded in docs/benchmarks.md, "Extraction of real outlines".
 */
class RealOutlineBenchmarkTest {

    static Extraction extract(String file) throws Exception {
        Path p = RealOutlineGold.outlinesDir().resolve(file);
        assumeTrue(Files.isRegularFile(p), "real outlines not present at " + p);
        return new OutlineExtractor().extract(p);
    }

    @Test
    void suzhouPdfText() throws Exception {
        Extraction x = extract("suzhou-15th.txt");
        RealOutlineGold.TableScore t = RealOutlineGold.scoreTable(x, RealOutlineGold.table("suzhou-table.tsv"));
        RealOutlineGold.ProseScore p = RealOutlineGold.scoreProse(x, RealOutlineGold.prose("suzhou-prose.tsv"));
        print("suzhou-15th.txt (PDF text)", t, p);
        // floors under the figures in docs/benchmarks.md, so that a regression fails
        assertThat(t.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(t.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(p.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(p.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(p.factsLeaked()).isZero();
    }

    @Test
    void shenzhenWebPage() throws Exception {
        Extraction x = extract("shenzhen-15th.txt");
        RealOutlineGold.ProseScore p = RealOutlineGold.scoreProse(x, RealOutlineGold.prose("shenzhen-prose.tsv"));
        print("shenzhen-15th.txt (web page)", null, p);
        // the web page lost its indicator table (an image): never an empty result without saying so
        assertThat(x.indicators()).isEmpty();
        assertThat(x.warnings()).anyMatch(w -> w.contains("no main indicator table"))
                .anyMatch(w -> w.contains("may have been an image"));
        assertThat(p.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(p.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(p.factsLeaked()).isZero();
    }

    static void print(String name, RealOutlineGold.TableScore t, RealOutlineGold.ProseScore p) {
        if (t != null) {
            System.out.printf(Locale.ROOT, "REAL %s table: gold=%d extracted=%d exact=%d recall=%.2f precision=%.2f "
                    + "wrong=%s%n", name, t.gold(), t.extracted(), t.exact(), t.recall(), t.precision(), t.wrong());
        }
        System.out.printf(Locale.ROOT, "REAL %s prose: gold=%d scored=%d tp=%d recall=%.2f precision=%.2f "
                        + "factsLeaked=%d factsFound=%d/%d%n  missed=%s%n  fp=%s%n", name, p.gold(), p.scored(),
                p.truePositives(), p.recall(), p.precision(), p.factsLeaked(), p.factsFound(), p.facts(), p.missed(),
                p.falsePositives());
    }
}
