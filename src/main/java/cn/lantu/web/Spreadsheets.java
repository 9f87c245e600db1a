package cn.lantu.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What an uploaded spreadsheet is, told by its first bytes and never by its name: an .xlsx is a zip ({@code PK}),
 * an .xls (Excel 97–2003) an OLE2 compound file ({@code D0 CF 11 E0}). A WPS .et, a CSV or anything else is
 * refused with a message that says how to save it.
 */
public final class Spreadsheets {

    /** The kinds of file an upload can be. */
    public enum Format { XLSX, XLS, OTHER }

    /** Shown for every file that is neither .xlsx nor .xls (WPS .et, CSV, a renamed document …). */
    public static final String WRONG_FORMAT = "文件不是Excel工作簿：请在 Excel 或 WPS 中“另存为” .xlsx 或 .xls"
            + "（Excel 97–2003 工作簿）格式后再上传（WPS 的 .et 格式不能直接上传）";

    private Spreadsheets() {
    }

    public static Format format(byte[] bytes) {
        if (bytes != null && bytes.length >= 8) {
            if (bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
                return Format.XLSX;
            }
            if ((bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                    && (bytes[3] & 0xFF) == 0xE0) {
                return Format.XLS;
            }
        }
        return Format.OTHER;
    }

    /** The bytes of an upload of at most {@code max} bytes; a larger one is refused before it is parsed. */
    public static byte[] readAtMost(java.io.InputStream in, int max) throws IOException, Unreadable {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new Unreadable("文件过大，已拒绝（上限 " + max / 1024 / 1024 + " MB）");
        }
        return bytes;
    }

    /** An .xls workbook in memory; callers bound the file's size first. */
    public static HSSFWorkbook openXls(byte[] bytes) throws Unreadable {
        try {
            POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes));
            // a compound file without Excel's "Workbook" stream is a WPS .et, a Word .doc or the like
            if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK")
                    && !fs.getRoot().hasEntry("Book")) {
                throw new Unreadable(WRONG_FORMAT);
            }
            return new HSSFWorkbook(fs.getRoot(), true);
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new Unreadable(m.toLowerCase(java.util.Locale.ROOT).contains("password") || m.contains("encrypt")
                    ? "文件已加密，请去掉密码后再上传" : WRONG_FORMAT);
        }
    }

    /** An .xlsx or .xls workbook in memory, told apart by content; callers bound the file's size first. */
    public static Workbook open(byte[] bytes) throws Unreadable {
        return switch (format(bytes)) {
            case XLS -> openXls(bytes);
            case XLSX -> {
                try {
                    yield new XSSFWorkbook(new ByteArrayInputStream(bytes));
                } catch (IOException | RuntimeException e) {
                    throw new Unreadable(WRONG_FORMAT);
                }
            }
            case OTHER -> throw new Unreadable(WRONG_FORMAT);
        };
    }

    /** A file that is not a workbook this platform reads; the message is for the user. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }
}
