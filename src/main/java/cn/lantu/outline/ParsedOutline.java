package cn.lantu.outline;

import java.util.List;
import java.util.Optional;

/**
 * Result of {@link OutlineParser#parse}: nodes in document order.
 *
 * @param title              the plan's title (e.g. 诸暨市国民经济和社会发展第十五个五年规划纲要), null if not found
 * @param nodes              every node in document order (parents before children)
 * @param appliedCorrections one line per correction applied, per automatic page-break join and per table join
 * @param warnings           things the parser noticed but could not repair
 */
public record ParsedOutline(String title, List<ParsedOutlineNode> nodes, List<String> appliedCorrections,
                            List<String> warnings) {

    public ParsedOutline {
        nodes = List.copyOf(nodes);
        appliedCorrections = List.copyOf(appliedCorrections);
        warnings = List.copyOf(warnings);
    }

    public List<ParsedOutlineNode> ofType(NodeType type) {
        return nodes.stream().filter(n -> n.type() == type).toList();
    }

    public List<ParsedOutlineNode> chapters() {
        return ofType(NodeType.CHAPTER);
    }

    public List<ParsedOutlineNode> sections() {
        return ofType(NodeType.SECTION);
    }

    public List<ParsedOutlineNode> columns() {
        return ofType(NodeType.COLUMN);
    }

    public List<ParsedOutlineNode> tables() {
        return ofType(NodeType.TABLE);
    }

    /** Direct children of {@code key}, in document order. */
    public List<ParsedOutlineNode> children(String key) {
        return nodes.stream().filter(n -> key.equals(n.parentKey())).toList();
    }

    /** All descendants of {@code key}, in document order. */
    public List<ParsedOutlineNode> descendants(String key) {
        java.util.Set<String> inside = new java.util.HashSet<>();
        inside.add(key);
        java.util.List<ParsedOutlineNode> out = new java.util.ArrayList<>();
        for (ParsedOutlineNode n : nodes) {
            if (n.parentKey() != null && inside.contains(n.parentKey())) {
                inside.add(n.key());
                out.add(n);
            }
        }
        return out;
    }

    /** Items of a column (in all its groups), in document order. */
    public List<ParsedOutlineNode> columnItems(String columnKey) {
        return descendants(columnKey).stream().filter(n -> n.type() == NodeType.COLUMN_ITEM).toList();
    }

    public Optional<ParsedOutlineNode> find(String key) {
        return nodes.stream().filter(n -> n.key().equals(key)).findFirst();
    }

    public ParsedOutlineNode get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no node " + key));
    }

    /** The column numbered {@code n} (专栏 n). */
    public Optional<ParsedOutlineNode> column(int n) {
        return columns().stream().filter(c -> String.valueOf(n).equals(c.number())).findFirst();
    }
}
