package cn.lantu.ingest.review;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.ingest.Extraction;

/**
 * The plan office's corrections of the extracted indicator table (issue 18): the grid as shown, saving it with
 * validation and optimistic version, replacing it by an imported table, and the extraction that loading uses.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class IndicatorGridService {

    private final ReviewRepository reviews;
    private final IngestReviewService review;
    private final AuditLog audit;

    public IndicatorGridService(ReviewRepository reviews, IngestReviewService review, AuditLog audit) {
        this.reviews = reviews;
        this.review = review;
        this.audit = audit;
    }

    /** The grid as it is: the saved one, or the extracted rows (version 0) when none is saved. */
    public ReviewRepository.GridState grid(long id) {
        review.review(id);
        return reviews.grid(id).orElseGet(() -> new ReviewRepository.GridState(
                IndicatorGrid.fromExtraction(review.extraction(id), reviews.decisions(id)), 0));
    }

    public boolean saved(long id) {
        return reviews.grid(id).isPresent();
    }

    /** Refused grid: the rows as submitted and the problems by cell. */
    public static final class InvalidGrid extends ReviewException {
        private final transient Map<String, String> cells;

        InvalidGrid(Map<String, String> cells) {
            super(422, "指标表有 " + cells.size() + " 处需要修改，未保存", List.copyOf(cells.values()));
            this.cells = cells;
        }

        public Map<String, String> cells() {
            return cells;
        }
    }

    /**
     * Applies one operation ({@code add}, {@code delete:i}, {@code merge:i}, {@code split:i}) to the rows on the
     * page without saving: a row just added or split off is empty until the office fills it and saves.
     */
    public List<IndicatorGrid.Row> operate(long id, List<IndicatorGrid.Row> rows, String op) {
        return operate(rows, op, review.extraction(id));
    }

    /** Saves the rows if every cell is valid and nobody saved in between; audited with before and after. */
    @Transactional
    public ReviewRepository.GridState save(long id, List<IndicatorGrid.Row> rows, int version, String user) {
        return saveAudited(id, rows, version, user, "REVIEW_GRID_SAVE", "修改");
    }

    /** Replaces the grid by an imported table (already checked whole by {@link TableImport}). */
    @Transactional
    public ReviewRepository.GridState replace(long id, List<IndicatorGrid.Row> rows, int version, String source,
                                             String user) {
        return saveAudited(id, rows, version, user, "REVIEW_GRID_IMPORT", "由" + source + "导入");
    }

    private ReviewRepository.GridState saveAudited(long id, List<IndicatorGrid.Row> rows, int version, String user,
                                                   String action, String what) {
        IngestReview r = review.review(id);
        if (r.loaded()) {
            throw new ReviewException(409, "该纲要已加载为规划 " + r.planCode() + "，不能再修改指标表");
        }
        Map<String, String> errors = IndicatorGrid.validate(rows);
        if (!errors.isEmpty()) {
            throw new InvalidGrid(errors);
        }
        ReviewRepository.GridState before = grid(id);
        if (!reviews.saveGrid(id, rows, version, user)) {
            throw new ReviewException(409, "指标表已被他人修改（您看到的是第 " + version + " 版），请刷新后再改");
        }
        audit.record(user, action, "review:" + id, "纲要“" + r.fileName() + "”指标表" + what + "：修改前 "
                + before.rows().size() + " 行 " + summary(before.rows()) + "；修改后 " + rows.size() + " 行 "
                + summary(rows));
        return reviews.grid(id).orElseThrow();
    }

    private static List<IndicatorGrid.Row> operate(List<IndicatorGrid.Row> rows, String op, Extraction x) {
        if (op == null || op.isBlank()) {
            return rows;
        }
        String[] p = op.split(":", 2);
        int i = p.length > 1 && p[1].matches("\\d{1,4}") ? Integer.parseInt(p[1]) : -1;
        return switch (p[0]) {
            case "add" -> IndicatorGrid.add(rows, String.valueOf(x.planEnd() == null ? 2030 : x.planEnd()));
            case "delete" -> IndicatorGrid.delete(rows, i);
            case "merge" -> IndicatorGrid.merge(rows, i);
            case "split" -> IndicatorGrid.split(rows, i);
            default -> throw new ReviewException(400, "未知的表格操作：" + op);
        };
    }

    /** Names and values of the rows, cut to fit the audit detail. */
    private static String summary(List<IndicatorGrid.Row> rows) {
        StringBuilder b = new StringBuilder("[");
        for (IndicatorGrid.Row r : rows) {
            if (b.length() > 1700) {
                b.append("…");
                break;
            }
            b.append(b.length() > 1 ? "；" : "").append(r.name()).append(' ').append(IndicatorGrid.s(r.baseValue()))
                    .append("→").append(IndicatorGrid.s(r.targetValue())).append(IndicatorGrid.s(r.unit()));
        }
        return b.append("]").toString();
    }
}
