package cn.lantu.report;

import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * word/styles.xml of the reports: 正文 (Normal) and 正文文本 in 仿宋_GB2312 三号, 标题 1–3 (the built-in heading
 * styles, so that Word, WPS and LibreOffice show them in the navigation pane and build a 目录 from them) in
 * 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold 三号 after GB/T 9704, the title, captions, table text, 目录 levels and one
 * table style. Paragraphs name a style and carry no fonts of their own, so an officer restyles the whole report by
 * changing a style.
 */
final class DocxStyles {

    static final String BODY = "BodyText";
    static final String TITLE = "Title";
    static final String SUBTITLE = "Subtitle";
    static final String CAPTION = "Caption";
    static final String TABLE = "LantuTable";
    static final String TABLE_TEXT = "TableText";
    static final String TABLE_HEADER = "TableHeader";
    static final String TOC_HEADING = "TOCHeading";
    static final List<String> HEADINGS = List.of("Heading1", "Heading2", "Heading3");

    /** Half-points of 三号 (16 pt); a fixed 28 pt line; two characters of first-line indent. */
    private static final int SZ = DocxWriter.BODY_PT * 2;
    private static final String LINE = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/>";
    private static final String INDENT = "<w:ind w:firstLine=\"" + DocxWriter.BODY_PT * 20 * 2 + "\"/>";

    private DocxStyles() {
    }

    static void install(XWPFDocument doc) {
        try {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(xml()).getStyles());
        } catch (XmlException e) {
            throw new IllegalStateException("styles.xml of the reports does not parse", e);
        }
    }

    private static String fonts(String font) {
        return "<w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\" w:eastAsia=\"" + font + "\" w:cs=\""
                + font + "\"/>";
    }

    private static String run(String font, int halfPoints, boolean bold) {
        return "<w:rPr>" + fonts(font) + (bold ? "<w:b/><w:bCs/>" : "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>")
                + "<w:sz w:val=\"" + halfPoints + "\"/><w:szCs w:val=\"" + halfPoints + "\"/></w:rPr>";
    }

    private static String paragraph(String id, String name, String basedOn, String next, String pPr, String rPr,
                                    boolean quick) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
                + (basedOn == null ? "" : "<w:basedOn w:val=\"" + basedOn + "\"/>")
                + (next == null ? "" : "<w:next w:val=\"" + next + "\"/>")
                + (quick ? "<w:qFormat/>" : "") + "<w:pPr>" + pPr + "</w:pPr>" + rPr + "</w:style>";
    }

    private static String heading(int level, String font, boolean bold) {
        return paragraph(HEADINGS.get(level - 1), "heading " + level, "Normal", BODY,
                "<w:keepNext/><w:keepLines/>" + LINE + INDENT + "<w:jc w:val=\"both\"/><w:outlineLvl w:val=\""
                        + (level - 1) + "\"/>", run(font, SZ, bold), true);
    }

    private static String toc(int level) {
        return paragraph("TOC" + level, "toc " + level, "Normal", "Normal",
                "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"480\" w:lineRule=\"exact\"/><w:ind w:left=\""
                        + (level - 1) * 640 + "\"/>", "", false);
    }

    static String xml() {
        String w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return "<w:styles xmlns:w=\"" + w + "\">"
                + "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts(DocxWriter.BODY_FONT) + "<w:sz w:val=\"" + SZ
                + "\"/><w:szCs w:val=\"" + SZ + "\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr>"
                + "</w:rPrDefault><w:pPrDefault><w:pPr>" + LINE + "</w:pPr></w:pPrDefault></w:docDefaults>"
                + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
                + "<w:qFormat/><w:pPr>" + LINE + "</w:pPr>" + run(DocxWriter.BODY_FONT, SZ, false) + "</w:style>"
                + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
                + "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
                + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
                + "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
                + "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
                + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
                + "</w:style>"
                + paragraph(BODY, "Body Text", "Normal", BODY, LINE + INDENT + "<w:jc w:val=\"both\"/>", "", true)
                + heading(1, DocxWriter.H1_FONT, false)
                + heading(2, DocxWriter.H2_FONT, false)
                + heading(3, DocxWriter.BODY_FONT, true)
                + paragraph(TITLE, "Title", "Normal", "Normal", "<w:spacing w:before=\"0\" w:after=\"240\" "
                        + "w:line=\"800\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"9\"/>",
                        run(DocxWriter.TITLE_FONT, 44, false), true)
                + paragraph(SUBTITLE, "Subtitle", "Normal", "Normal", "<w:jc w:val=\"center\"/>",
                        run(DocxWriter.H2_FONT, SZ, false), true)
                + paragraph(CAPTION, "caption", "Normal", "Normal", "<w:keepNext/><w:spacing w:before=\"120\" "
                        + "w:after=\"120\" w:line=\"400\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
                        run(DocxWriter.H1_FONT, 28, false), true)
                + paragraph(TABLE_TEXT, "Table Text", "Normal", TABLE_TEXT, "<w:spacing w:before=\"0\" w:after=\"0\" "
                        + "w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
                        run(DocxWriter.BODY_FONT, DocxWriter.TABLE_PT * 2, false), false)
                + paragraph(TABLE_HEADER, "Table Heading", TABLE_TEXT, TABLE_TEXT, "<w:keepNext/>",
                        run(DocxWriter.H1_FONT, DocxWriter.TABLE_PT * 2, false), false)
                + paragraph(TOC_HEADING, "TOC Heading", "Heading1", "Normal", "<w:ind w:firstLine=\"0\"/>"
                        + "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"9\"/>", "", true)
                + toc(1) + toc(2) + toc(3)
                + "<w:style w:type=\"table\" w:styleId=\"" + TABLE + "\"><w:name w:val=\"Lantu Table\"/>"
                + "<w:basedOn w:val=\"TableNormal\"/><w:qFormat/><w:tblPr><w:jc w:val=\"center\"/><w:tblBorders>"
                + border("top") + border("left") + border("bottom") + border("right") + border("insideH")
                + border("insideV") + "</w:tblBorders><w:tblCellMar><w:top w:w=\"30\" w:type=\"dxa\"/>"
                + "<w:left w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"30\" w:type=\"dxa\"/>"
                + "<w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
                + "<w:tcPr><w:vAlign w:val=\"center\"/></w:tcPr>"
                + "<w:tblStylePr w:type=\"firstRow\"><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
                + "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF6\"/></w:tcPr></w:tblStylePr>"
                + "</w:style></w:styles>";
    }

    private static String border(String side) {
        return "<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
    }
}
