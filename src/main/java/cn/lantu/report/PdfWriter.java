package cn.lantu.report;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Heading;
import cn.lantu.report.ReportDocument.Image;
import cn.lantu.report.ReportDocument.Narrative;
import cn.lantu.report.ReportDocument.Para;
import cn.lantu.report.ReportDocument.Table;

/**
 * The PDF, laid out like the Word document (A4, margins 37/35/28/26 mm, body 16 pt on 28 pt lines, tables 10 pt)
 * with the CJK TrueType font embedded as a subset (loaded from the .ttc through fontbox). Bold is drawn as
 * fill-and-stroke since the font has one weight. Demo reports get a 演示数据 overlay on every page.
 */
final class PdfWriter {

    static final float MM = 72f / 25.4f;
    static final float TOP = 37 * MM;
    static final float BOTTOM = 35 * MM;
    static final float LEFT = 28 * MM;
    static final float RIGHT = 26 * MM;
    static final PDRectangle A4 = PDRectangle.A4;
    static final float WIDTH = A4.getWidth() - LEFT - RIGHT;
    static final float BODY = 16f;
    static final float LINE = 28f;
    static final float CELL = 10f;
    static final float CELL_LINE = 13.5f;
    static final float PAD = 3f;

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;

    private PdfWriter(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
    }

    static byte[] write(ReportDocument d, Path fontFile) {
        try (PDDocument doc = new PDDocument();
             TrueTypeCollection ttc = new TrueTypeCollection(new File(fontFile.toString()))) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            ttc.processAllFonts(ttf -> {
                if (first[0] == null) {
                    first[0] = ttf;
                }
            });
            PDType0Font font = PDType0Font.load(doc, first[0], true);
            PdfWriter w = new PdfWriter(doc, font);
            w.render(d);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(d.title());
            info.setCreator("蓝图 Lantu");
            info.setSubject(d.type().label() + (d.demo() ? "（" + ReportDocument.WATERMARK + "）" : ""));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void render(ReportDocument d) throws IOException {
        // cover
        newPage();
        y -= 150;
        for (String l : wrap(d.title(), 22, WIDTH - 40)) {
            centered(l, 22, y, false);
            y -= 40;
        }
        y -= 10;
        centered(d.subtitle(), BODY, y, false);
        y = BOTTOM + 200;
        for (String l : d.coverLines()) {
            centered(l, BODY, y, false);
            y -= LINE;
        }
        // body
        newPage();
        for (String l : wrap(d.title(), 22, WIDTH)) {
            centered(l, 22, y - 22, false);
            y -= 36;
        }
        y -= 14;
        for (Block b : d.blocks()) {
            if (b instanceof Heading h) {
                heading(h);
            } else if (b instanceof Para p) {
                paragraph(p.text(), p.note() ? 12 : BODY, p.note() ? 20 : LINE, p.emphasis());
            } else if (b instanceof Narrative n) {
                for (String t : n.paragraphs()) {
                    paragraph(t, BODY, LINE, false);
                }
            } else if (b instanceof Table t) {
                table(t);
            } else if (b instanceof Image i) {
                image(i);
            } else {
                newPage();
            }
        }
        cs.close();
        decorate(d.demo());
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(A4);
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = A4.getHeight() - TOP;
    }

    private void ensure(float h) throws IOException {
        if (y - h < BOTTOM) {
            newPage();
        }
    }

    private void heading(Heading h) throws IOException {
        ensure(LINE * 3);
        boolean appendix = h.level() == 1 && h.text().startsWith("附件");
        List<String> lines = wrap(h.text(), BODY, WIDTH - (appendix ? 0 : 2 * BODY));
        for (String l : lines) {
            text(l, BODY, LEFT + (appendix ? 0 : 2 * BODY), y - BODY, h.level() != 2);
            y -= LINE;
        }
    }

    private void paragraph(String text, float size, float line, boolean bold) throws IOException {
        List<String> lines = wrapIndented(text, size, WIDTH, 2 * size);
        for (int k = 0; k < lines.size(); k++) {
            ensure(line);
            text(lines.get(k), size, LEFT + (k == 0 ? 2 * size : 0), y - size - (line - size) / 2 + 2, bold);
            y -= line;
        }
    }

    private void table(Table t) throws IOException {
        ensure(CELL_LINE * 6);
        y -= 6;
        for (String l : wrap(t.caption(), 13, WIDTH)) {
            centered(l, 13, y - 13, true);
            y -= 20;
        }
        double sum = t.widths().stream().mapToDouble(Double::doubleValue).sum();
        float[] w = new float[t.header().size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = (float) (WIDTH * t.widths().get(c) / sum);
        }
        row(t.header(), w, true);
        for (List<String> r : t.rows()) {
            float h = rowHeight(r, w);
            if (y - h < BOTTOM) {
                newPage();
                row(t.header(), w, true);
            }
            row(r, w, false);
        }
        y -= 14;
    }

    private float rowHeight(List<String> cells, float[] w) {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            lines = Math.max(lines, wrap(cells.get(c), CELL, w[c] - 2 * PAD).size());
        }
        return lines * CELL_LINE + 2 * PAD;
    }

    private void row(List<String> cells, float[] w, boolean header) throws IOException {
        float h = rowHeight(cells, w);
        float x = LEFT;
        if (header) {
            cs.setNonStrokingColor(0.91f, 0.93f, 0.96f);
            cs.addRect(LEFT, y - h, WIDTH, h);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
        }
        cs.setLineWidth(0.5f);
        for (int c = 0; c < cells.size(); c++) {
            cs.addRect(x, y - h, w[c], h);
            cs.stroke();
            List<String> lines = wrap(cells.get(c), CELL, w[c] - 2 * PAD);
            float ty = y - PAD - CELL;
            for (String l : lines) {
                float tx = c == 1 && !header ? x + PAD : x + (w[c] - width(l, CELL)) / 2;
                text(l, CELL, tx, ty, header);
                ty -= CELL_LINE;
            }
            x += w[c];
        }
        y -= h;
    }

    private void image(Image i) throws IOException {
        float wPt = (float) (i.widthMm() * MM);
        float hPt = wPt * i.pixelHeight() / i.pixelWidth();
        ensure(hPt + 30);
        PDImageXObject img = PDImageXObject.createFromByteArray(doc, i.png(), "chart");
        cs.drawImage(img, LEFT + (WIDTH - wPt) / 2, y - hPt, wPt, hPt);
        y -= hPt + 6;
        for (String l : wrap(i.caption(), 13, WIDTH)) {
            centered(l, 13, y - 13, true);
            y -= 20;
        }
        y -= 8;
    }

    /** Page numbers "— N —" from the first body page; in demo mode the 演示数据 overlay on every page. */
    private void decorate(boolean demo) throws IOException {
        for (int k = 0; k < pages.size(); k++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(k),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = s;
                if (k > 0) {
                    String n = "— " + k + " —";
                    text(n, 14, (A4.getWidth() - width(n, 14)) / 2, BOTTOM - 40, false);
                }
                if (demo) {
                    PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
                    gs.setNonStrokingAlphaConstant(0.16f);
                    s.saveGraphicsState();
                    s.setGraphicsStateParameters(gs);
                    s.setNonStrokingColor(0.75f, 0.1f, 0.1f);
                    s.beginText();
                    s.setFont(font, 96);
                    s.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(35), 130, 250));
                    s.showText(ReportDocument.WATERMARK);
                    s.endText();
                    s.restoreGraphicsState();
                    s.setNonStrokingColor(0.75f, 0f, 0f);
                    String head = ReportDocument.WATERMARK + " · 非正式统计数据";
                    text(head, 11, A4.getWidth() - RIGHT - width(head, 11), A4.getHeight() - 20 * MM, false);
                    s.setNonStrokingColor(0f, 0f, 0f);
                }
            }
        }
    }

    private void centered(String s, float size, float baseline, boolean bold) throws IOException {
        text(s, size, LEFT + (WIDTH - width(s, size)) / 2, baseline, bold);
    }

    private void text(String s, float size, float x, float baseline, boolean bold) throws IOException {
        String t = safe(s);
        if (t.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        if (bold) {
            cs.setRenderingMode(RenderingMode.FILL_STROKE);
            cs.setLineWidth(size / 30f);
        }
        cs.newLineAtOffset(x, baseline);
        cs.showText(t);
        if (bold) {
            cs.setRenderingMode(RenderingMode.FILL);
        }
        cs.endText();
    }

    private float width(String s, float size) {
        try {
            return font.getStringWidth(safe(s)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces characters the font has no glyph for (and control characters). */
    private String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                sb.append(' ');
            } else if (!Character.isISOControl(cp)) {
                boolean ok = glyphs.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IllegalArgumentException | IOException e) {
                        return false;
                    }
                });
                sb.appendCodePoint(ok ? cp : '?');
            }
        });
        return sb.toString();
    }

    private static final String NO_LINE_START = "，。、；：？！）】》」』”’%％·…—";

    private List<String> wrap(String s, float size, float width) {
        return wrapIndented(s, size, width, 0);
    }

    /** Breaks text into lines of at most {@code width}, the first line indented; CJK breaks anywhere. */
    private List<String> wrapIndented(String s, float size, float width, float indent) {
        List<String> out = new ArrayList<>();
        String text = safe(s == null ? "" : s);
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        float limit = width - indent;
        int[] cps = text.codePoints().toArray();
        for (int k = 0; k < cps.length; k++) {
            String ch = new String(Character.toChars(cps[k]));
            float cw = width(ch, size);
            boolean punct = NO_LINE_START.indexOf(cps[k]) >= 0;
            if (lineWidth + cw > limit && line.length() > 0 && !(punct && lineWidth + cw <= limit + size)) {
                // keep a Latin word or number together when possible
                int cut = line.length();
                if (isWordChar(cps[k])) {
                    int j = cut;
                    while (j > 0 && isWordChar(line.charAt(j - 1))) {
                        j--;
                    }
                    if (j > 0 && cut - j < 16) {
                        cut = j;
                    }
                }
                String rest = line.substring(cut);
                out.add(line.substring(0, cut));
                line = new StringBuilder(rest);
                lineWidth = width(rest, size);
                limit = width;
            }
            line.append(ch);
            lineWidth += cw;
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_');
    }
}
