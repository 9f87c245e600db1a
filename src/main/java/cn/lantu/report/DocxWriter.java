package cn.lantu.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLook;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Heading;
import cn.lantu.report.ReportDocument.Image;
import cn.lantu.report.ReportDocument.Narrative;
import cn.lantu.report.ReportDocument.Para;
import cn.lantu.report.ReportDocument.Table;

/**
 * The Word document, laid out after GB/T 9704 as far as a report allows: A4 with margins 37/35/28/26 mm (top,
 * bottom, left, right), title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 (16 pt) on a 28 pt line, headings
 * 一、 in 黑体, （一） in 楷体_GB2312, 1. in bold 仿宋_GB2312, page numbers "— 1 —" in 宋体 四号. A font table gives
 * Word and WPS the fallbacks 宋体 / 仿宋 / 楷体 where the GB2312 fonts are not installed. Text is set through the
 * styles of {@link DocxStyles}; the only direct run formatting left is the footer and a note's smaller size.
 */
final class DocxWriter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String H1_FONT = "黑体";
    static final String H2_FONT = "楷体_GB2312";
    static final String PAGE_FONT = "宋体";
    static final int BODY_PT = 16;
    static final int TABLE_PT = 10;
    /** A4 width minus the left and right margins (156 mm) in twips. */
    static final int TEXT_WIDTH_TWIPS = mmToTwips(210 - 28 - 26);

    private DocxWriter() {}

    static byte[] write(ReportDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DocxStyles.install(doc);
            page(doc);
            headerFooter(doc, d.demo());
            cover(doc, d);
            for (Block b : d.blocks()) {
                if (b instanceof Heading h) {
                    heading(doc, h);
                } else if (b instanceof Para p) {
                    body(doc, p.text(), p.emphasis(), p.note());
                } else if (b instanceof Narrative n) {
                    n.paragraphs().forEach(t -> body(doc, t, false, false));
                } else if (b instanceof Table t) {
                    table(doc, t);
                } else if (b instanceof Image i) {
                    image(doc, i);
                } else {
                    doc.createParagraph().createRun().addBreak(BreakType.PAGE);
                }
            }
            fontTable(doc);
            doc.getProperties().getCoreProperties().setTitle(d.title());
            doc.getProperties().getCoreProperties().setCreator("蓝图 Lantu");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static int mmToTwips(double mm) {
        return (int) Math.round(mm / 25.4 * 1440);
    }

    private static void page(XWPFDocument doc) {
        CTSectPr s = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz sz = s.isSetPgSz() ? s.getPgSz() : s.addNewPgSz();
        sz.setW(BigInteger.valueOf(11906));
        sz.setH(BigInteger.valueOf(16838));
        CTPageMar m = s.isSetPgMar() ? s.getPgMar() : s.addNewPgMar();
        m.setTop(BigInteger.valueOf(mmToTwips(37)));
        m.setBottom(BigInteger.valueOf(mmToTwips(35)));
        m.setLeft(BigInteger.valueOf(mmToTwips(28)));
        m.setRight(BigInteger.valueOf(mmToTwips(26)));
        m.setHeader(BigInteger.valueOf(mmToTwips(15)));
        m.setFooter(BigInteger.valueOf(mmToTwips(20)));
    }

    /** Page number "— N —" in the footer; in demo mode a 演示数据 watermark and header line on every page. */
    private static void headerFooter(XWPFDocument doc, boolean demo) {
        doc.createHeaderFooterPolicy();
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        fonts(p.createRun(), PAGE_FONT, 14, false).setText("— ");
        XWPFRun begin = fonts(p.createRun(), PAGE_FONT, 14, false);
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = fonts(p.createRun(), PAGE_FONT, 14, false);
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        XWPFRun sep = fonts(p.createRun(), PAGE_FONT, 14, false);
        sep.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        fonts(p.createRun(), PAGE_FONT, 14, false).setText("1");
        XWPFRun end = fonts(p.createRun(), PAGE_FONT, 14, false);
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        fonts(p.createRun(), PAGE_FONT, 14, false).setText(" —");
        if (demo) {
            XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
            XWPFParagraph hp = header.getParagraphs().isEmpty() ? header.createParagraph()
                    : header.getParagraphs().get(0);
            hp.setAlignment(ParagraphAlignment.RIGHT);
            DocxWatermark.add(hp, ReportDocument.WATERMARK);
            XWPFRun r = fonts(hp.createRun(), H1_FONT, 12, true);
            r.setColor("C00000");
            r.setText(ReportDocument.WATERMARK + " · 非正式统计数据");
        }
    }

    /** Cover page, 目录 page (a TOC field over 标题 1–3), then the title above the text. */
    private static void cover(XWPFDocument doc, ReportDocument d) {
        for (int k = 0; k < 4; k++) {
            doc.createParagraph();
        }
        styled(doc, DocxStyles.TITLE).createRun().setText(d.title());
        styled(doc, DocxStyles.SUBTITLE).createRun().setText(d.subtitle());
        for (int k = 0; k < 6; k++) {
            doc.createParagraph();
        }
        for (String line : d.coverLines()) {
            XWPFParagraph c = doc.createParagraph();
            c.setAlignment(ParagraphAlignment.CENTER);
            c.createRun().setText(line);
        }
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
        DocxToc.write(doc, d.blocks().stream().filter(Heading.class::isInstance).map(Heading.class::cast).toList());
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
        styled(doc, DocxStyles.TITLE).createRun().setText(d.title());
    }

    static XWPFParagraph styled(XWPFDocument doc, String style) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        return p;
    }

    /** 标题 1–3 by level; the runs carry no fonts, the heading style does. */
    private static void heading(XWPFDocument doc, Heading h) {
        XWPFParagraph p = styled(doc, DocxStyles.HEADINGS.get(Math.min(Math.max(h.level(), 1), 3) - 1));
        if (h.level() == 1 && h.text().startsWith("附件")) {
            p.setIndentationFirstLine(0);
        }
        p.createRun().setText(h.text());
    }

    private static void body(XWPFDocument doc, String text, boolean emphasis, boolean note) {
        XWPFRun r = styled(doc, DocxStyles.BODY).createRun();
        if (note) {
            r.setFontSize(12);
        }
        if (emphasis) {
            r.setBold(true);
        }
        r.setText(text);
    }

    private static void caption(XWPFDocument doc, String text) {
        styled(doc, DocxStyles.CAPTION).createRun().setText(text);
    }

    private static void table(XWPFDocument doc, Table t) {
        caption(doc, t.caption());
        int cols = t.header().size();
        XWPFTable table = doc.createTable(t.rows().size() + 1, cols);
        // borders, cell margins and the header fill come from the table style, not from each table
        table.setStyleID(DocxStyles.TABLE);
        if (table.getCTTbl().getTblPr().isSetTblBorders()) {
            table.getCTTbl().getTblPr().unsetTblBorders();
        }
        CTTblLook look = table.getCTTbl().getTblPr().isSetTblLook() ? table.getCTTbl().getTblPr().getTblLook()
                : table.getCTTbl().getTblPr().addNewTblLook();
        look.setFirstRow(true);
        look.setNoVBand(true);
        table.setTableAlignment(TableRowAlign.CENTER);
        CTTblWidth w = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
                : table.getCTTbl().getTblPr().addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS));
        double sum = t.widths().stream().mapToDouble(Double::doubleValue).sum();
        int[] widths = new int[cols];
        for (int c = 0; c < cols; c++) {
            widths[c] = (int) Math.round(TEXT_WIDTH_TWIPS * t.widths().get(c) / sum);
        }
        fill(table.getRow(0), t.header(), widths, true);
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < t.rows().size(); r++) {
            fill(table.getRow(r + 1), t.rows().get(r), widths, false);
            table.getRow(r + 1).setCantSplitRow(true);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, int[] widths, boolean header) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(String.valueOf(widths[c]));
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(header ? DocxStyles.TABLE_HEADER : DocxStyles.TABLE_TEXT);
            if (c == 1 && !header) {
                p.setAlignment(ParagraphAlignment.LEFT);
            }
            p.createRun().setText(cells.get(c));
        }
    }

    private static void image(XWPFDocument doc, Image i) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        double widthPt = i.widthMm() / 25.4 * 72;
        double heightPt = widthPt * i.pixelHeight() / i.pixelWidth();
        p.createRun().addPicture(new ByteArrayInputStream(i.png()), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                "chart.png", Units.toEMU(widthPt), Units.toEMU(heightPt));
        caption(doc, i.caption());
    }

    static XWPFRun fonts(XWPFRun r, String font, int pt, boolean bold) {
        CTRPr pr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        CTFonts f = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
        f.setAscii(font);
        f.setHAnsi(font);
        f.setEastAsia(font);
        f.setCs(font);
        r.setFontSize(pt);
        r.setBold(bold);
        return r;
    }

    /** word/fontTable.xml naming the official-document fonts with the fallbacks Word and WPS have. */
    private static void fontTable(XWPFDocument doc) throws org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                %s</w:fonts>
                """.formatted(font(TITLE_FONT, "宋体", "roman") + font(BODY_FONT, "仿宋", "modern")
                + font(H2_FONT, "楷体", "modern") + font(H1_FONT, "SimHei", "modern")
                + font("仿宋", "FangSong", "modern") + font("楷体", "KaiTi", "modern")
                + font(PAGE_FONT, "SimSun", "auto"));
        PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
        if (doc.getPackage().containPart(name)) {
            return;
        }
        PackagePart part = doc.getPackage().createPart(name,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
        try (OutputStream os = part.getOutputStream()) {
            os.write(xml.strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
    }

    private static String font(String name, String alt, String family) {
        return "<w:font w:name=\"" + name + "\"><w:altName w:val=\"" + alt + "\"/><w:charset w:val=\"86\"/>"
                + "<w:family w:val=\"" + family + "\"/><w:pitch w:val=\"" + ("roman".equals(family) ? "variable" : "fixed")
                + "\"/></w:font>\n";
    }
}
