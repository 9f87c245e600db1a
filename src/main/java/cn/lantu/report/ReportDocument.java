package cn.lantu.report;

import java.time.Instant;
import java.util.List;

/**
 * A generated report as a list of blocks that the Word, PDF and HTML writers lay out the same way. Numbers are in
 * the generated blocks; the office's own text is in {@link Narrative} blocks, kept across regeneration.
 */
public record ReportDocument(String planCode, ReportType type, int year, String title, String subtitle,
                             List<String> coverLines, Instant asOf, boolean demo, List<Block> blocks) {

    public static final String WATERMARK = "演示数据";

    /** One element of the report body. {@link #kind()} is used by the HTML template. */
    public sealed interface Block permits Heading, Para, Narrative, Table, Image, PageBreak {
        String kind();
    }

    /** A numbered heading; {@code level} 1 一、 2 （一） 3 1.; the number is part of the text. */
    public record Heading(int level, String text, String anchor) implements Block {
        public String kind() {
            return "heading";
        }
    }

    /** A generated paragraph. {@code emphasis}: the verdict sentence and similar; {@code note}: small print. */
    public record Para(String text, boolean emphasis, boolean note) implements Block {
        public static Para of(String text) {
            return new Para(text, false, false);
        }

        public String kind() {
            return "para";
        }
    }

    /** The office's text for a section (or the pre-filled default when none was saved). */
    public record Narrative(String section, String sectionTitle, String text, boolean edited) implements Block {
        public String kind() {
            return "narrative";
        }

        public List<String> paragraphs() {
            return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    /** A table with its caption ("表1 …"); {@code widths} relative column widths. */
    public record Table(String caption, List<String> header, List<List<String>> rows, List<Double> widths)
            implements Block {
        public String kind() {
            return "table";
        }
    }

    /** A chart as PNG, drawn {@code widthMm} wide keeping its aspect ratio. */
    public record Image(String caption, byte[] png, int pixelWidth, int pixelHeight, double widthMm) implements Block {
        public String kind() {
            return "image";
        }

        public String dataUri() {
            return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
        }
    }

    public record PageBreak() implements Block {
        public String kind() {
            return "pagebreak";
        }
    }
}
