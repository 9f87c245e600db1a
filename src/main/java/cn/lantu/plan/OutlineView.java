package cn.lantu.plan;

import java.util.ArrayList;
import java.util.List;

/** The outline as the page shows it: each node with its lead phrase separated from the rest of its text. */
public record OutlineView(OutlineNode node, String lead, String rest, int depth) {

    static List<OutlineView> of(List<OutlineNode> nodes) {
        List<OutlineView> out = new ArrayList<>();
        for (OutlineNode n : nodes) {
            String body = n.body() == null ? "" : n.body();
            String lead = null;
            String rest = body;
            if (n.title() != null && body.startsWith(n.title())
                    && ("MEASURE".equals(n.type()) || "COLUMN_ITEM".equals(n.type()))) {
                lead = n.title();
                rest = body.substring(n.title().length());
            }
            int depth = (int) n.key().chars().filter(c -> c == '.').count();
            out.add(new OutlineView(n, lead, rest, depth));
        }
        return out;
    }
}
