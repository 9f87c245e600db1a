package cn.lantu.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts outline prose into sentences and clauses. A target is read clause by clause: the metric name, the verb and
 * the value of one target rarely cross a comma, while the target year is usually stated once for the sentence.
 */
final class ProseSegmenter {

    /** A half-open character range [start, end) of the text being segmented. */
    record Span(int start, int end) {
    }

    private ProseSegmenter() {
    }

    /** Sentence spans [start, end) split at 。！？； and line breaks. */
    static List<Span> sentences(String s) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '\n' || c == '!' || c == '?' || c == ';') {
                if (i + 1 < s.length() && (s.charAt(i + 1) == '”' || s.charAt(i + 1) == '’')) {
                    i++;
                }
                if (i + 1 > start) {
                    out.add(new Span(start, i + 1));
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(new Span(start, s.length()));
        }
        return out;
    }

    /** Clause spans [start, end) inside a sentence, split at ，：, and (outside quotes). */
    static List<Span> clauses(String s, int from, int to) {
        List<Span> out = new ArrayList<>();
        int start = from;
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '“' || c == '《' || c == '（' || c == '(') {
                depth++;
            } else if ((c == '”' || c == '》' || c == '）' || c == ')') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == '，' || c == '：' || c == ',' || c == ':')) {
                if (i > start) {
                    out.add(new Span(start, i));
                }
                start = i + 1;
            }
        }
        if (start < to) {
            out.add(new Span(start, to));
        }
        return out;
    }

    /** Whether {@code pos} lies inside “…”, 「…」 or 《…》 opened at or after {@code from}: quoted numbers are names. */
    static boolean insideQuotes(String s, int pos, int from) {
        int depth = 0;
        for (int i = from; i < pos; i++) {
            char c = s.charAt(i);
            if (c == '“' || c == '「' || c == '《') {
                depth++;
            } else if ((c == '”' || c == '」' || c == '》') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }
}
