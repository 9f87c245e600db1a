package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.lantu.assessment.Attribute;
import cn.lantu.assessment.Status;
import cn.lantu.security.Role;

/**
 * {@link Labels}: every labelled enum shown on the pages has its English label, and the Chinese copy in the labels
 * bundle says what the enum itself says (the enum is the source of the Chinese wording).
 */
class LabelsTest {

    static final List<Class<? extends Enum<?>>> ENUMS = List.of(Role.class, cn.lantu.plan.Plan.Status.class,
            cn.lantu.indicator.Category.class, cn.lantu.org.Responsibility.Role.class, cn.lantu.org.OrgUnit.Type.class,
            cn.lantu.collection.FigureState.class, cn.lantu.project.ReportState.class, cn.lantu.project.Signal.class,
            cn.lantu.project.Project.Stage.class, cn.lantu.project.ProjectDetail.MilestoneKind.class,
            cn.lantu.project.ProjectDetail.Factor.class, cn.lantu.task.TaskService.State.class,
            cn.lantu.task.ReformService.Stage.class, cn.lantu.task.ReformService.Outcome.class,
            cn.lantu.report.ReportType.class);

    private final Labels labels = new Labels(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/labels");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyLabelledEnumHasEnglishAndTheSameChinese() throws IOException {
        Properties zh = new Properties();
        try (var in = LabelsTest.class.getResourceAsStream("/i18n/labels.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (Class<? extends Enum<?>> type : ENUMS) {
            for (Enum<?> e : type.getEnumConstants()) {
                assertThat(zh.getProperty(Labels.key(e))).as("%s in labels.properties", Labels.key(e))
                        .isEqualTo(Labels.chinese(e));
                String en = labels.of(e, Locale.ENGLISH);
                assertThat(en).as("English of %s", Labels.key(e)).isNotEqualTo(Labels.chinese(e));
                assertThat(EnglishPagesDemoTest.CJK.matcher(en).find()).as("%s = %s", Labels.key(e), en).isFalse();
                assertThat(labels.of(e, Locale.SIMPLIFIED_CHINESE)).isEqualTo(Labels.chinese(e));
            }
        }
    }

    @Test
    void engineTypesUseTheirOwnEnglish() {
        assertThat(labels.of(Status.LAGGING, Locale.ENGLISH)).isEqualTo(Status.LAGGING.labelEn());
        assertThat(labels.of(Status.LAGGING, Locale.CHINA)).isEqualTo("滞后于预期");
        assertThat(labels.of(Attribute.BINDING, Locale.UK)).isEqualTo("Binding");
        assertThat(labels.of(null)).isEmpty();
    }

    @Test
    void requestLocaleAndCodes() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.english()).isTrue();
        assertThat(labels.of(Role.ADMIN)).isEqualTo("Plan administrator");
        assertThat(labels.code("frequency", "QUARTERLY", "季报")).isEqualTo("quarterly");
        assertThat(labels.code("frequency", "UNKNOWN", "年报")).isEqualTo("年报");
        assertThat(labels.translate("未分工")).isEqualTo("Not assigned");
        assertThat(labels.translate("某部门")).isEqualTo("某部门");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(labels.of(Role.ADMIN)).isEqualTo("规划管理员");
        assertThat(labels.code("frequency", "QUARTERLY", "季报")).isEqualTo("季报");
        assertThat(labels.translate("未分工")).isEqualTo("未分工");
    }
}
