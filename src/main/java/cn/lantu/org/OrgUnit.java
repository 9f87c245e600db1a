package cn.lantu.org;

import java.util.List;

/**
 * An org unit: the city (市), a department (部门), a town or street (镇街), or an area (片区 / 未来产业社区 / 共富片区).
 * {@code isDefault} marks items not taken from the outline (the default department list) that the plan office edits.
 */
public record OrgUnit(long id, long planId, String code, String name, String shortName, Type type, String subtype,
                      Integer column, String description, String sourceQuote, boolean isDefault, int ordinal,
                      List<String> townCodes) {

    public enum Type {
        CITY("市"), DEPARTMENT("部门"), TOWN("镇街"), AREA("片区");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String subtypeLabel() {
        if (subtype == null) {
            return type.label();
        }
        return switch (subtype) {
            case "DISTRICT" -> "片区（专栏3）";
            case "FUTURE_COMMUNITY" -> "未来产业社区（专栏4）";
            case "COMMON_PROSPERITY" -> "共富片区（专栏13）";
            default -> subtype;
        };
    }
}
