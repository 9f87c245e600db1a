package cn.lantu.planpackage;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A plan package as read from its folder (format described in docs/plan-package.md).
 * Field names follow the YAML files one to one; every list item is validated before anything is written.
 */
public record PlanPackage(
        String folder,
        PlanDef plan,
        String outline,
        List<CorrectionDef> corrections,
        List<IndicatorDef> indicators,
        OrgDef org,
        List<ResponsibilityDef> responsibilities,
        ProjectsDef projects,
        ReformsDef reforms,
        String checksum) {

    public record Region(String name, String code, String level, String parentCode, String parentName) {}

    public record PlanDef(Integer formatVersion, String code, String name, String shortName, Region region,
                          Integer periodStart, Integer periodEnd, Integer baseYear, String status, Integer version,
                          String issuer, String documentNumber, LocalDate issuedOn, String outline,
                          List<Map<String, Object>> feasibilityChecks, Map<String, Object> portfolioTotals,
                          Map<String, Double> thresholds) {}

    public record CorrectionDef(String id, String kind, String find, String replace, Boolean all, String note) {}

    public record IndicatorDef(String code, Integer tableNumber, Integer tableRow, String subItem, String name,
                               String unit, String category, String attribute, String kind, String path,
                               String direction, String comparator, Double band, Integer baseYear, Double baseValue,
                               String baseStatus, String baseRole, List<String> markers, Integer targetYear,
                               Double targetValue, String targetHorizon, Boolean targetIsIncrement,
                               String baseVerbatim, String targetVerbatim, String rateVerbatim,
                               String attributeVerbatim, String relatedIndicator, String sourceText,
                               String sourceQuote, List<String> notes) {}

    public record UnitDef(String code, String name, String shortName, String type, String positioning, String kind,
                          Integer column, String text, List<String> towns, String sourceQuote,
                          @JsonProperty("default") Boolean isDefault) {}

    public record OrgDef(UnitDef city, List<UnitDef> departments, List<UnitDef> towns, List<UnitDef> areas,
                         String note) {}

    public record ResponsibilityDef(String indicator, String lead, List<String> cooperating, String frequency,
                                    String townBreakdown,
                                    @JsonProperty("default") Boolean isDefault) {}

    public record DomainDef(String code, String name, Integer plannedCount, Double totalInvestment,
                            Double periodInvestment, String sourceQuote) {}

    public record ProjectDef(String code, String name, String domain, String stageLabel, String stage,
                             Boolean confirmed, String note, String sourceQuote) {}

    public record ProjectsDef(List<DomainDef> domains, List<ProjectDef> projects) {}

    public record ReformDomainDef(String code, String name, Integer order) {}

    public record ReformDef(String code, String domain, String number, String name, String text,
                            String sourceQuote) {}

    public record ReformsDef(List<ReformDomainDef> domains, List<ReformDef> items) {}
}
