package cn.lantu.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK TrueType font used for PDF text and chart labels. PDFBox needs glyf outlines, which Noto CJK .ttc files
 * lack, so the WenQuanYi Micro Hei collection (Debian package fonts-wqy-microhei) is used; {@code lantu.report.cjk-font}
 * names another .ttc/.ttf.
 */
@Component
public class CjkFonts {

    public static final String DEFAULT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    static final List<String> CANDIDATES = List.of(DEFAULT_PATH, "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private final String configured;
    private volatile Font awt;

    public CjkFonts(@Value("${lantu.report.cjk-font:}") String configured) {
        this.configured = configured;
    }

    /** The font file, or an exception saying which package to install. */
    public Path file() {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isReadable(p)) {
                throw new MissingFontException("配置的中文字体文件不存在: " + configured
                        + "（lantu.report.cjk-font）。请安装 Debian 软件包 fonts-wqy-microhei（apt-get install fonts-wqy-microhei）。");
            }
            return p;
        }
        for (String c : CANDIDATES) {
            Path p = Path.of(c);
            if (Files.isReadable(p)) {
                return p;
            }
        }
        throw new MissingFontException("未找到可嵌入 PDF 的中文 TrueType 字体 " + DEFAULT_PATH
                + "。请安装 Debian 软件包 fonts-wqy-microhei（apt-get install fonts-wqy-microhei），"
                + "或以 lantu.report.cjk-font 指定含 glyf 轮廓的 .ttf/.ttc 文件（Noto CJK .ttc 不可用）。");
    }

    /** The AWT font for chart labels (first font of the collection), size 1 — derive the size needed. */
    public Font awt() {
        Font f = awt;
        if (f == null) {
            synchronized (this) {
                if (awt == null) {
                    try {
                        Font[] fonts = Font.createFonts(new File(file().toString()));
                        awt = fonts[0];
                    } catch (FontFormatException | IOException e) {
                        throw new MissingFontException("中文字体无法读取: " + file() + ": " + e.getMessage());
                    }
                }
                f = awt;
            }
        }
        return f;
    }

    /** No usable CJK font: the message names the package to install. */
    public static class MissingFontException extends IllegalStateException {
        public MissingFontException(String message) {
            super(message);
        }
    }
}
