package cn.lantu.plan;

/**
 * One node of the outline tree: chapter (一、), section (（一）), measure (a paragraph led by its lead phrase),
 * column (专栏 N), column group, column item, plain paragraph, table or figure caption.
 * {@code start}/{@code end} are character offsets into the outline source as received.
 */
public record OutlineNode(long id, String key, String type, String number, String title, String body,
                          int start, int end, String parentKey, int ordinal, int seq) {

    public boolean isColumn() {
        return "COLUMN".equals(type);
    }

    public String typeLabel() {
        return switch (type) {
            case "CHAPTER" -> "章";
            case "SECTION" -> "节";
            case "MEASURE" -> "举措";
            case "COLUMN" -> "专栏";
            case "COLUMN_GROUP" -> "专栏分组";
            case "COLUMN_ITEM" -> "专栏条目";
            case "TABLE" -> "表";
            case "FIGURE_CAPTION" -> "图";
            default -> "段落";
        };
    }
}
