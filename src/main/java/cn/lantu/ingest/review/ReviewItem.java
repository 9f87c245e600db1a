package cn.lantu.ingest.review;

import java.util.List;

/**
 * One extracted item as shown for review: its effective values (edits applied), the span of the source text it
 * came from ({@code start}/{@code end} into the text as read, end exclusive), and the plan office's decision.
 *
 * @param key      stable key within the review: type and code (or position for baseline facts), e.g. {@code IND:03}
 * @param quote    the item's own quote of its source (the phrase of a prose target, the row of a table indicator)
 * @param decision PENDING, ACCEPTED, EDITED or REJECTED
 */
public record ReviewItem(String key, String type, String code, String title, String summary, String quote,
                         int start, int end, double confidence, String reason, List<Field> fields,
                         String decision) {

    /** An editable field: its name (a record component, or {@code category} of a prose target) and value. */
    public record Field(String name, String value, List<String> options, boolean edited) {}

    public boolean pending() {
        return "PENDING".equals(decision);
    }

    public boolean included() {
        return "ACCEPTED".equals(decision) || "EDITED".equals(decision);
    }

    public boolean uncertain() {
        return confidence < 0.8 || reason != null;
    }

    /** A group of items of one type, e.g. the indicator table rows. */
    public record Section(String type, List<ReviewItem> items) {
        public long pending() {
            return items.stream().filter(ReviewItem::pending).count();
        }
    }
}
