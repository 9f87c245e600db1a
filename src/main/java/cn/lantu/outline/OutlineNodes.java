package cn.lantu.outline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes built so far, with the mapped text of each (extractors work on its offsets) and the rows of each table.
 * Keys stay unique (a repeated key gets a "_2" suffix) and ordinals count per parent and node type.
 */
final class OutlineNodes {
    final List<ParsedOutlineNode> nodes = new ArrayList<>();
    final Map<String, MappedText> nodeText = new LinkedHashMap<>();
    final Map<String, List<MappedText>> tableRows = new LinkedHashMap<>();
    final Map<String, Integer> ordinals = new HashMap<>();
    final Set<String> keys = new HashSet<>();
    final Set<String> projectGroups = new HashSet<>(); // groups whose items were split from a project list

    int nextOrdinal(String parent, NodeType type) {
        return ordinals.merge(parent + "|" + type, 1, Integer::sum);
    }

    String add(String key, NodeType type, String number, String title, MappedText text, int start, int end,
               String parent, int ordinal) {
        String k = key;
        int dup = 2;
        while (!keys.add(k)) {
            k = key + "_" + dup++;
        }
        nodes.add(new ParsedOutlineNode(k, type, number, title, text.toString(), start, end, parent, ordinal));
        nodeText.put(k, text);
        return k;
    }
}
