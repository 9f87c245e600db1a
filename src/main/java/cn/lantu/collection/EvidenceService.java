package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;

/**
 * Evidence files (佐证材料) of a figure: PDF, PNG or JPEG only, recognised by their magic bytes (never by the name
 * or the declared content type), stored in {@code figure_evidence}. Uploading is scoped exactly like editing the
 * figure; listing and downloading like reading it. Every upload is audited.
 */
@Service
public class EvidenceService {

    /** One stored file, without its bytes. */
    public record Evidence(long id, long figureId, String fileName, String contentType, long sizeBytes,
                           String uploadedBy, Instant uploadedAt) {

        public String sizeLabel() {
            return sizeBytes >= 1024 * 1024 ? String.format("%.1f MB", sizeBytes / 1048576.0)
                    : sizeBytes >= 1024 ? String.format("%.0f KB", sizeBytes / 1024.0) : sizeBytes + " B";
        }
    }

    /** A file to send back: the stored name, the content type decided at upload time, and the bytes. */
    public record Content(Evidence evidence, byte[] bytes) {}

    /** The statements that write and read the bytes (shared with the PostgreSQL check). */
    static final String INSERT = """
            INSERT INTO figure_evidence (figure_id, file_name, content_type, size_bytes, content, uploaded_by,
              uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    static final String CONTENT = "SELECT content FROM figure_evidence WHERE id = ?";

    /** At most this many files per figure. */
    static final int MAX_FILES = 20;

    private final FigureRepository figures;
    private final ReportingAccess access;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final long maxBytes;

    EvidenceService(FigureRepository figures, ReportingAccess access, AuditLog audit, JdbcClient jdbc,
                    @Value("${lantu.reporting.evidence-max-bytes:5242880}") long maxBytes) {
        this.figures = figures;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The type a file's first bytes show (application/pdf, image/png, image/jpeg), or null for anything else. */
    static String sniff(byte[] b) {
        if (b == null) {
            return null;
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    static boolean extensionMatches(String fileName, String type) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return true;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/pdf" -> ext.equals("pdf");
            case "image/png" -> ext.equals("png");
            default -> ext.equals("jpg") || ext.equals("jpeg");
        };
    }

    /** A safe display name: no path, no control characters, at most 200 characters. */
    static String cleanName(String raw, String type) {
        String s = raw == null ? "" : raw.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:*?|]", "_").trim();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            s = "佐证材料";
        }
        if (s.length() > 200) {
            s = s.substring(s.length() - 200);
        }
        if (s.lastIndexOf('.') < 0) {
            s += switch (type) {
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                default -> ".jpg";
            };
        }
        return s;
    }

    /** Stores an evidence file for a figure; refuses wrong types, empty and oversized files with a clear message. */
    @Transactional
    public Evidence upload(Actor a, long figureId, String fileName, byte[] bytes) {
        Figure f = figures.find(figureId).orElseThrow(() -> new ReportingException(404, "没有该数据"));
        access.requireWrite(a, f.indicatorId(), f.orgUnitId());
        if (f.state() == FigureState.SUBMITTED || f.state() == FigureState.SIGNED_OFF) {
            throw ReportingException.conflict("该数据正在审核中（" + f.state().label() + "），不能添加佐证材料；如需补充请审核人退回");
        }
        if (bytes == null || bytes.length == 0) {
            throw ReportingException.invalid("文件为空，请选择要上传的佐证材料", List.of("文件为空"));
        }
        if (bytes.length > maxBytes) {
            throw new ReportingException(413, "文件过大（" + mb(bytes.length) + "），佐证材料不能超过 " + mb(maxBytes),
                    List.of("文件过大"));
        }
        String type = sniff(bytes);
        if (type == null) {
            throw ReportingException.invalid("文件类型不支持：佐证材料只能是 PDF、PNG 或 JPEG 文件（按文件内容识别，改扩展名无效）",
                    List.of("文件类型不支持"));
        }
        String name = cleanName(fileName, type);
        if (!extensionMatches(name, type)) {
            throw ReportingException.invalid("文件扩展名与内容不符：“" + name + "”的内容是 " + typeLabel(type) + " 文件",
                    List.of("扩展名与内容不符"));
        }
        long count = jdbc.sql("SELECT COUNT(*) FROM figure_evidence WHERE figure_id = ?").param(figureId)
                .query(Long.class).single();
        if (count >= MAX_FILES) {
            throw ReportingException.invalid("每条数据最多上传 " + MAX_FILES + " 个佐证材料", List.of("文件数量超限"));
        }
        Instant now = Instant.now();
        jdbc.sql(INSERT).params(figureId, name, type, (long) bytes.length, bytes, a.username(), Timestamp.from(now))
                .update();
        Evidence e = list(figureId).stream().reduce((x, y) -> y).orElseThrow();
        audit.record(a.username(), "EVIDENCE_UPLOAD", FigureService.subject(f, jdbc),
                "佐证材料 " + e.id() + "：" + name + "（" + typeLabel(type) + "，" + bytes.length + " 字节，校验值 "
                        + sha256(bytes) + "）");
        return e;
    }

    /** The evidence files of a figure the actor may read. */
    public List<Evidence> list(Actor a, long figureId) {
        Figure f = figures.find(figureId).orElseThrow(() -> new ReportingException(404, "没有该数据"));
        access.requireRead(a, f);
        return list(figureId);
    }

    List<Evidence> list(long figureId) {
        return jdbc.sql("""
                SELECT id, figure_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                FROM figure_evidence WHERE figure_id = ? ORDER BY id""").param(figureId)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** One file with its bytes, if the actor may read its figure. */
    public Content download(Actor a, long evidenceId) {
        Long figureId = jdbc.sql("SELECT figure_id FROM figure_evidence WHERE id = ?").param(evidenceId)
                .query(Long.class).optional().orElseThrow(() -> new ReportingException(404, "没有该佐证材料"));
        Figure f = figures.find(figureId).orElseThrow(() -> new ReportingException(404, "没有该数据"));
        access.requireRead(a, f);
        Evidence e = list(figureId).stream().filter(x -> x.id() == evidenceId).findFirst().orElseThrow();
        byte[] bytes = jdbc.sql(CONTENT).param(evidenceId)
                .query((rs, n) -> rs.getBytes(1)).single();
        return new Content(e, bytes);
    }

    static String typeLabel(String type) {
        return switch (type) {
            case "application/pdf" -> "PDF";
            case "image/png" -> "PNG";
            default -> "JPEG";
        };
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
