package cn.lantu.assessment;

/**
 * One indicator row going into a roll-up. Rows with the same {@code tableNumber} form one numbered item (row 12 of
 * the Zhuji table has two indicators); a row without a table number is listed but not counted among the items.
 * {@code assessment} should carry the effective status (apply a {@link StatusOverride} first).
 */
public record RolledItem(String code, Integer tableNumber, String category, Attribute attribute, String department,
                         Assessment assessment, String name) {

    public RolledItem(String code, Integer tableNumber, String category, Attribute attribute, String department,
                      Assessment assessment) {
        this(code, tableNumber, category, attribute, department, assessment, null);
    }

    public RolledItem {
        if (attribute == null) {
            attribute = Attribute.ANTICIPATORY;
        }
    }

    public Status status() {
        return assessment == null ? Status.NO_DATA : assessment.status();
    }

    public Warning warning() {
        return assessment == null ? null : Warning.of(assessment.status(), attribute);
    }

    /** Name for text: the name when given, else the code. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : code;
    }
}
