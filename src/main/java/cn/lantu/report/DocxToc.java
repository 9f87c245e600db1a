package cn.lantu.report;

import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

import cn.lantu.report.ReportDocument.Heading;

/**
 * The 目录: a TOC field over the heading styles 标题 1–3 (see {@link #INSTRUCTION}). Its result is filled with
 * the headings (no page numbers: only a layout engine knows them) so that the page reads right before anyone updates
 * it; the field is marked dirty so that Word refreshes it with page numbers on opening, and WPS and LibreOffice update
 * it on request (更新域 / 更新目录).
 */
final class DocxToc {

    static final String INSTRUCTION = " TOC \\o \"1-3\" \\h \\z \\u ";
    static final String TITLE = "目  录";

    private DocxToc() {
    }

    static void write(XWPFDocument doc, List<Heading> headings) {
        DocxWriter.styled(doc, DocxStyles.TOC_HEADING).createRun().setText(TITLE);
        XWPFParagraph first = DocxWriter.styled(doc, "TOC1");
        CTFldChar begin = first.createRun().getCTR().addNewFldChar();
        begin.setFldCharType(STFldCharType.BEGIN);
        begin.setDirty(true);
        first.createRun().getCTR().addNewInstrText().setStringValue(INSTRUCTION);
        first.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        XWPFParagraph last = first;
        if (headings.isEmpty()) {
            first.createRun().setText("（在 Word 或 WPS 中右键单击此处选择“更新域”生成目录）");
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            XWPFParagraph p = i == 0 ? first : DocxWriter.styled(doc, "TOC" + Math.min(Math.max(h.level(), 1), 3));
            if (i == 0 && h.level() > 1) {
                p.setStyle("TOC" + Math.min(h.level(), 3));
            }
            XWPFRun r = p.createRun();
            r.setText(h.text());
            last = p;
        }
        last.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }
}
