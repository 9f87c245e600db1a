package cn.lantu.ingest.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.lantu.ingest.DocumentReader;
import cn.lantu.ingest.Extraction;
import cn.lantu.ingest.OutlineExtractor;
import cn.lantu.planpackage.PackageException;
import cn.lantu.planpackage.PlanPackageLoader;
import cn.lantu.plan.PlanRepository;
import cn.lantu.web.NotFoundException;

/**
 * Review of an uploaded outline by the plan office: checks and reads the upload, extracts its items, records a
 * decision per item, and loads the accepted and edited items as a new plan (all or nothing).
 * Every method is for administrators only (checked here, not only in the pages).
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class IngestReviewService {

    private static final Logger log = LoggerFactory.getLogger(IngestReviewService.class);
    static final List<String> TYPES = List.of("md", "markdown", "txt", "docx", "pdf");
    private static final java.util.regex.Pattern PLAN_CODE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final ReviewRepository reviews;
    private final PlanPackageLoader loader;
    private final PlanRepository plans;
    private final long maxBytes;
    private final Map<Long, Extraction> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Extraction> eldest) {
            return size() > 8;
        }
    };

    public IngestReviewService(ReviewRepository reviews, PlanPackageLoader loader, PlanRepository plans,
                               @Value("${lantu.review.max-upload-bytes:8388608}") long maxBytes) {
        this.reviews = reviews;
        this.loader = loader;
        this.plans = plans;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Checks the upload (type, size, content), reads its text and stores a new review; nothing is stored if refused. */
    public long upload(String originalName, byte[] bytes, String user) {
        String name = originalName == null || originalName.isBlank() ? "outline" : Path.of(originalName.replace('\\', '/'))
                .getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!TYPES.contains(ext)) {
            throw new ReviewException(415, "不支持的文件类型“" + (ext.isEmpty() ? name : "." + ext)
                    + "”：请上传规划纲要文本（.md、.txt、.docx 或 .pdf）");
        }
        if (bytes == null || bytes.length == 0) {
            throw new ReviewException(400, "文件是空的：" + name);
        }
        if (bytes.length > maxBytes) {
            throw new ReviewException(413, String.format("文件过大（%.1f MB）：上限为 %.1f MB", bytes.length / 1048576.0,
                    maxBytes / 1048576.0));
        }
        String problem = contentProblem(ext, bytes);
        if (problem != null) {
            throw new ReviewException(415, "文件内容与类型 ." + ext + " 不符：" + problem);
        }
        String text;
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lantu-upload-", "." + ext);
            Files.write(tmp, bytes);
            text = DocumentReader.read(tmp);
        } catch (IOException | RuntimeException e) {
            throw new ReviewException(422, "无法读取文件 " + name + "：" + e.getMessage());
        } finally {
            deleteQuietly(tmp);
        }
        if (text == null || text.isBlank()) {
            throw new ReviewException(422, "文件中没有读出文字（是否为扫描版 PDF？）：" + name);
        }
        Extraction x = new OutlineExtractor().extract(text, name);
        if (x.indicators().isEmpty() && x.targets().isEmpty() && x.outline().nodes().size() < 3) {
            throw new ReviewException(422, "文件中没有找到规划纲要的结构、指标表或量化目标：" + name);
        }
        long id = reviews.insert(name, ext, bytes.length, text, x.title(), user);
        synchronized (cache) {
            cache.put(id, x);
        }
        log.info("outline {} uploaded by {} for review {}: {} indicators, {} targets", name, user, id,
                x.indicators().size(), x.targets().size());
        return id;
    }

    /** Why the bytes are not what the extension says, or null. */
    static String contentProblem(String ext, byte[] b) {
        boolean zip = b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean pdf = b.length >= 5 && new String(b, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
        boolean png = b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
        switch (ext) {
            case "docx":
                return zip ? null : "不是 Word（.docx）文件";
            case "pdf":
                return pdf ? null : "不是 PDF 文件";
            default:
                if (png || jpeg) {
                    return "这是一张图片，不是文本";
                }
                if (zip || pdf) {
                    return "这是二进制文件（Word 或 PDF），请使用正确的扩展名";
                }
                for (int i = 0; i < Math.min(b.length, 65536); i++) {
                    if (b[i] == 0) {
                        return "含有二进制内容，不是文本";
                    }
                }
                return null;
        }
    }

    public List<IngestReview> reviews() {
        return reviews.findAll();
    }

    public IngestReview review(long id) {
        return reviews.find(id).orElseThrow(() -> new NotFoundException("审核记录不存在: " + id));
    }

    /** The text as the extractor read it (page footers and hard wraps mended): the items' offsets point into it. */
    public String sourceText(long id) {
        review(id);
        String text = extraction(id).text();
        return text == null ? reviews.sourceText(id) : text;
    }

    public Extraction extraction(long id) {
        synchronized (cache) {
            Extraction x = cache.get(id);
            if (x != null) {
                return x;
            }
        }
        IngestReview r = review(id);
        Extraction x = new OutlineExtractor().extract(reviews.sourceText(id), r.fileName());
        synchronized (cache) {
            cache.put(id, x);
        }
        return x;
    }

    public List<ReviewItem.Section> sections(long id) {
        return ReviewItems.sections(extraction(id), reviews.decisions(id));
    }

    public ReviewItem item(long id, String key) {
        Extraction x = extraction(id);
        Record raw = ReviewItems.raw(x).get(key);
        if (raw == null) {
            throw new NotFoundException("条目不存在: " + key);
        }
        return ReviewItems.item(x, key, raw, reviews.decisions(id).get(key));
    }

    /** Records ACCEPTED, REJECTED or EDITED (with the submitted field values) for one item. */
    public ReviewItem decide(long id, String key, String decision, Map<String, String> fields, String user) {
        IngestReview r = review(id);
        if (r.loaded()) {
            throw new ReviewException(409, "该纲要已加载为规划 " + r.planCode() + "，不能再修改审核结果");
        }
        Record raw = ReviewItems.raw(extraction(id)).get(key);
        if (raw == null) {
            throw new NotFoundException("条目不存在: " + key);
        }
        String type = key.substring(0, key.indexOf(':'));
        Decision d;
        switch (decision == null ? "" : decision) {
            case Decision.ACCEPTED, Decision.REJECTED -> d = new Decision(decision, Map.of());
            case Decision.EDITED -> {
                Map<String, String> edits;
                try {
                    edits = ReviewItems.validEdits(type, raw, fields);
                } catch (IllegalArgumentException e) {
                    throw new ReviewException(422, "修改无效：" + e.getMessage());
                }
                d = edits.isEmpty() ? new Decision(Decision.ACCEPTED, Map.of()) : new Decision(Decision.EDITED, edits);
            }
            default -> throw new ReviewException(400, "未知的审核结果：" + decision);
        }
        reviews.decide(id, key, d, user);
        return item(id, key);
    }

    /** Accepts every item that has no decision yet; answers how many. */
    public int acceptPending(long id, String user) {
        IngestReview r = review(id);
        if (r.loaded()) {
            throw new ReviewException(409, "该纲要已加载为规划 " + r.planCode());
        }
        Map<String, Decision> decided = reviews.decisions(id);
        int n = 0;
        for (String key : ReviewItems.raw(extraction(id)).keySet()) {
            if (!decided.containsKey(key)) {
                reviews.decide(id, key, new Decision(Decision.ACCEPTED, Map.of()), user);
                n++;
            }
        }
        return n;
    }

    /** The result of loading: the new plan's code and the loader's non-fatal findings. */
    public record Loaded(String planCode, List<String> findings) {}

    /**
     * Writes the accepted and edited items as a plan package into a temporary folder and loads it as a new plan.
     * The loader writes all or nothing; its errors are passed on in the {@link ReviewException}.
     */
    public Loaded load(long id, ReviewPackage.PlanInfo info, String user) {
        IngestReview r = review(id);
        if (r.loaded()) {
            throw new ReviewException(409, "该纲要已加载为规划 " + r.planCode());
        }
        String code = info.code() == null ? "" : info.code().strip();
        if (!PLAN_CODE.matcher(code).matches()) {
            throw new ReviewException(422, "规划代码须为 2—63 位小写字母、数字或连字符：" + code);
        }
        if (info.regionCode() != null && !info.regionCode().isBlank() && !info.regionCode().strip().matches("\\d{6}")) {
            throw new ReviewException(422, "行政区划代码须为 6 位数字：" + info.regionCode());
        }
        if (plans.findByCode(code).isPresent()) {
            throw new ReviewException(409, "规划代码 " + code + " 已被使用，请换一个");
        }
        // a saved indicator grid replaces the extracted table and the per-row decisions on it
        java.util.Optional<ReviewRepository.GridState> grid = reviews.grid(id);
        Map<String, Decision> decisions = grid.map(g -> IndicatorGrid.acceptRows(reviews.decisions(id), g.rows()))
                .orElseGet(() -> reviews.decisions(id));
        if (decisions.values().stream().noneMatch(Decision::included)) {
            throw new ReviewException(422, "还没有接受任何条目");
        }
        Extraction x = grid.map(g -> IndicatorGrid.apply(extraction(id), g.rows())).orElseGet(() -> extraction(id));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lantu-review-" + id + "-");
            new ReviewPackage().write(ReviewItems.reviewed(x, decisions), ReviewItems.targetCategories(x, decisions),
                    new ReviewPackage.PlanInfo(code, info.name(), info.regionCode()), dir);
            PlanPackageLoader.LoadResult result = loader.load(dir.toString());
            if (!result.created()) {
                throw new ReviewException(409, "规划代码 " + code + " 已被使用，请换一个");
            }
            reviews.markLoaded(id, code);
            log.info("review {} loaded by {} as plan {}", id, user, code);
            return new Loaded(code, result.findings());
        } catch (PackageException e) {
            throw new ReviewException(422, "规划包未通过校验，未写入任何数据（共 " + e.errors().size() + " 处错误）",
                    e.errors());
        } catch (IOException e) {
            throw new ReviewException(500, "无法写出规划包：" + e.getMessage());
        } catch (ReviewException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("loading review {} failed", id, e);
            throw new ReviewException(422, "规划包加载失败，未写入任何数据：" + e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(IngestReviewService::deleteQuietly);
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
