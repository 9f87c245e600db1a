package cn.lantu.ingest;

import cn.lantu.outline.OutlineParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an outline into plain text with blank-line separated paragraphs, the input of {@link OutlineParser}:
 * Markdown / plain text as is (UTF-8, falling back to GB18030), .docx through POI (Word tables become
 * tab-separated rows), text PDFs through PDFBox (lines re-flowed into paragraphs).
 */
public final class DocumentReader {
    private DocumentReader() {
    }

    public static String read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".docx")) {
            try (InputStream in = Files.newInputStream(file)) {
                return DocxReader.read(in);
            }
        }
        if (name.endsWith(".pdf")) {
            return PdfReader.read(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        return decode(bytes); // layout (hard wraps, footers, tables without borders) is handled by OutlineText
    }

    static String decode(byte[] bytes) {
        int off = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, off, bytes.length - off)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
