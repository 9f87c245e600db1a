package cn.lantu.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cn.lantu.plan.Plan;

/** The font lookup names the Debian package to install; report years follow the report type. */
class CjkFontsTest {

    @Test
    void aMissingFontNamesThePackageToInstall() {
        assertThatThrownBy(() -> new CjkFonts("/nonexistent/font.ttc").file())
                .isInstanceOf(CjkFonts.MissingFontException.class).hasMessageContaining("fonts-wqy-microhei");
    }

    @Test
    void theSystemFontIsFoundWhenInstalled() {
        if (Files.exists(Path.of(CjkFonts.DEFAULT_PATH))) {
            assertThat(new CjkFonts("").file()).isEqualTo(Path.of(CjkFonts.DEFAULT_PATH));
            assertThat(new CjkFonts("").awt().canDisplay('蓝')).isTrue();
        }
    }

    @Test
    void reportYearsFollowTheType() {
        Plan plan = new Plan(1, "p", "某规划纲要", null, "r", "1", "COUNTY", null, null, 2026, 2030, 2025,
                Plan.Status.IN_FORCE, 1, null, null, null, null, null, "x", java.time.Instant.now());
        assertThat(ReportType.MIDTERM.year(plan, null, 2027)).isEqualTo(2028);
        assertThat(ReportType.FINAL.year(plan, null, 2027)).isEqualTo(2030);
        assertThat(ReportType.ANNUAL.year(plan, null, 2027)).isEqualTo(2027);
        assertThatThrownBy(() -> ReportType.ANNUAL.year(plan, 2031, 2027)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportType.MIDTERM.year(plan, 2027, 2027)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReportType.of("midterm")).isEqualTo(ReportType.MIDTERM);
        assertThat(ReportType.MIDTERM.title(plan, 2028)).isEqualTo("某规划纲要实施中期评估报告");
    }
}
