package cn.lantu.report;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;

/**
 * The demo watermark as Word writes its own (设计 → 水印): a VML WordArt shape in the header, centred on the page
 * margins, turned 315°, light grey at half opacity and behind the text (negative z-index), so that Word, WPS and
 * LibreOffice all show a faint diagonal mark instead of text over the body.
 */
final class DocxWatermark {

    /** Word's own shape id for a text watermark; Word and WPS offer to remove it under this name. */
    static final String SHAPE_ID = "PowerPlusWaterMarkObject";
    static final String COLOR = "silver";

    private DocxWatermark() {
    }

    static void add(XWPFParagraph header, String text) {
        String xml = """
                <xml-fragment xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                    xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
                    xmlns:w10="urn:schemas-microsoft-com:office:word">
                  <w:rPr><w:noProof/></w:rPr>
                  <w:pict>
                    <v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
                        path="m@7,l@8,m@5,21600l@6,21600e">
                      <v:path textpathok="t" o:connecttype="custom"/>
                      <v:textpath on="t" fitshape="t"/>
                      <o:lock v:ext="edit" text="t" shapetype="t"/>
                    </v:shapetype>
                    <v:shape id="%s" o:spid="_x0000_s2049" type="#_x0000_t136"
                        style="position:absolute;margin-left:0;margin-top:0;width:415pt;height:138pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
                        o:allowincell="f" fillcolor="%s" stroked="f">
                      <v:fill opacity=".5"/>
                      <v:textpath style="font-family:&quot;%s&quot;;font-size:1pt" string="%s"/>
                      <w10:wrap anchorx="margin" anchory="margin"/>
                    </v:shape>
                  </w:pict>
                </xml-fragment>""".formatted(SHAPE_ID, COLOR, DocxWriter.PAGE_FONT, text);
        try {
            header.getCTP().addNewR().set(CTR.Factory.parse(xml));
        } catch (XmlException e) {
            throw new IllegalStateException("watermark shape does not parse", e);
        }
    }
}
