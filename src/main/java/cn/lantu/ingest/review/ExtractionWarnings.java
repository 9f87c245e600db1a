package cn.lantu.ingest.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extractor's warnings (English, as in the JSON output and the API) as message keys with arguments, so the
 * review page says them in the reader's language. A warning of an unknown kind is shown as written.
 */
public final class ExtractionWarnings {

    /** A warning for the page: message key {@code review.warn.<kind>} and its arguments. */
    public record Warning(String key, Object[] args) {}

    private record Kind(String key, Pattern pattern) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("fewCells", Pattern.compile("indicator table row with too few cells: (.*)", Pattern.DOTALL)),
            new Kind("noName", Pattern.compile("indicator table row without a name: (.*)", Pattern.DOTALL)),
            new Kind("noNumber", Pattern.compile("indicator table row without number: (.*)", Pattern.DOTALL)),
            new Kind("completionTable", Pattern.compile("table “(.*)” reports the previous plan's results.*",
                    Pattern.DOTALL)),
            new Kind("categoryCount", Pattern.compile(
                    "indicator table: category (.*) declares (\\d+) items but has (\\d+).*", Pattern.DOTALL)),
            new Kind("noNameColumn", Pattern.compile("indicator table (.*): no 指标名称 column in header")),
            new Kind("noTable", Pattern.compile("no main indicator table \\(主要指标\\) found")),
            new Kind("noteWithoutTable", Pattern.compile("a note on table values .* is there but the table is not.*",
                    Pattern.DOTALL)));

    private ExtractionWarnings() {}

    static List<Warning> of(List<String> warnings) {
        List<Warning> out = new ArrayList<>();
        for (String w : warnings) {
            out.add(of(w));
        }
        return out;
    }

    static Warning of(String w) {
        for (Kind k : KINDS) {
            Matcher m = k.pattern().matcher(w);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int g = 1; g <= m.groupCount(); g++) {
                    args[g - 1] = m.group(g);
                }
                return new Warning("review.warn." + k.key(), args);
            }
        }
        return new Warning("review.warn.other", new Object[] {w});
    }
}
