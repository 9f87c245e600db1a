package cn.lantu.outline;

/**
 * One node of a parsed outline.
 *
 * @param key       stable key, e.g. {@code c2}, {@code c2.s1}, {@code c2.s1.m3}, {@code col1}, {@code col1.g1.i4}
 * @param type      structural kind
 * @param number    the number as written ({@code 一}, {@code 十二}, {@code 3}); null when unnumbered
 * @param title     heading text, lead phrase of a measure/item, or project name; null when none
 * @param text      cleaned text (markdown stripped, corrections and page-break joins applied); for
 *                  chapters, sections and columns the heading line only
 * @param start     offset into the source string (inclusive)
 * @param end       offset into the source string (exclusive); containers span all their descendants
 * @param parentKey key of the parent node, null at top level
 * @param ordinal   1-based position among siblings of the same type
 */
public record ParsedOutlineNode(String key, NodeType type, String number, String title, String text,
                          int start, int end, String parentKey, int ordinal) {

    ParsedOutlineNode withEnd(int newEnd) {
        return new ParsedOutlineNode(key, type, number, title, text, start, newEnd, parentKey, ordinal);
    }
}
