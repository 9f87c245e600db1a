package cn.lantu.outline;

import java.util.ArrayList;
import java.util.List;

/** A logical paragraph (or table) after cleaning: the unit passed from segmentation to repair to the tree builder. */
final class OutlineParagraph {

    enum Kind { TEXT, TABLE, HR, DROPPED }

    Kind kind;
    MappedText text;                 // cleaned text (tables: rows joined with \n)
    List<MappedText> rows = new ArrayList<>(); // tables only: raw-ish rows
    boolean hash;                    // had a markdown heading marker
    boolean bullet;                  // was a list item line
    int srcStart;
    int srcEnd;

    String str() {
        return text.toString();
    }
}
