package cn.lantu.ingest.review;

import java.util.Map;

/** The plan office's decision on one item: ACCEPTED, EDITED (with the edited field values) or REJECTED. */
public record Decision(String decision, Map<String, String> edits) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String EDITED = "EDITED";
    public static final String REJECTED = "REJECTED";

    public boolean included() {
        return ACCEPTED.equals(decision) || EDITED.equals(decision);
    }

    public Map<String, String> editsOrEmpty() {
        return EDITED.equals(decision) && edits != null ? edits : Map.of();
    }
}
