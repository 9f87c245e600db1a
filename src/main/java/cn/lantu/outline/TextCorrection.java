package cn.lantu.outline;

/**
 * A known repair to apply to (or record for) an outline's text.
 *
 * <p>Kinds: {@code JOIN_PARAGRAPH} (the paragraph ending with {@code find} is joined with the next
 * paragraph), {@code REPLACE} ({@code find} is replaced by {@code replace} inside node text, once or,
 * with {@code all}, everywhere). Other kinds ({@code LOST_TEXT}, {@code MISSING_FIGURE},
 * {@code TABLE_PAGE_BREAK}, ...) are recorded only.
 */
public record TextCorrection(String id, String kind, String find, String replace, boolean all, String note) {

    public static final String JOIN_PARAGRAPH = "JOIN_PARAGRAPH";
    public static final String REPLACE = "REPLACE";

    public static TextCorrection join(String id, String find) {
        return new TextCorrection(id, JOIN_PARAGRAPH, find, null, false, null);
    }

    public static TextCorrection replace(String id, String find, String replace, boolean all) {
        return new TextCorrection(id, REPLACE, find, replace, all, null);
    }
}
