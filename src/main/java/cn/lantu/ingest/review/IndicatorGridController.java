package cn.lantu.ingest.review;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The indicator grid on the review page (issue 18): correct cells, add, delete, merge and split rows (applied on
 * the page, kept when saved), and replace the rows by a table pasted from Word/Excel or uploaded as .xlsx after a
 * preview.
 */
@Controller
@RequestMapping("/review/ingest/{id}/grid")
@PreAuthorize("hasRole('ADMIN')")
class IndicatorGridController {

    private final IndicatorGridService grids;
    private final IngestReviewService reviews;
    private final IngestReviewController page;

    IndicatorGridController(IndicatorGridService grids, IngestReviewService reviews, IngestReviewController page) {
        this.grids = grids;
        this.reviews = reviews;
        this.page = page;
    }

    @PostMapping
    String edit(@PathVariable long id, @RequestParam(defaultValue = "save") String op,
                @RequestParam(defaultValue = "0") int version, @RequestParam Map<String, String> params,
                Principal user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<IndicatorGrid.Row> rows = rows(params);
        try {
            if (!"save".equals(op)) {
                model.addAttribute("gridRows", grids.operate(id, rows, op));
                model.addAttribute("gridVersion", version);
                model.addAttribute("gridUnsaved", true);
                return page.page(id, model);
            }
            ReviewRepository.GridState saved = grids.save(id, rows, version, user.getName());
            redirect.addFlashAttribute("message", "指标表已保存（" + saved.rows().size() + " 行，第 " + saved.version()
                    + " 版）");
            return "redirect:/review/ingest/" + id + "#section-IND";
        } catch (IndicatorGridService.InvalidGrid e) {
            response.setStatus(e.status());
            model.addAttribute("gridCellErrors", e.cells());
            return unsaved(id, rows, version, e, model);
        } catch (ReviewException e) {
            response.setStatus(e.status());
            return unsaved(id, rows, version, e, model);
        }
    }

    @PostMapping("/import")
    String preview(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String text, Model model, HttpServletResponse response)
            throws IOException {
        ReviewRepository.GridState current = grids.grid(id);
        int planEnd = reviews.extraction(id).planEnd() == null ? 2030 : reviews.extraction(id).planEnd();
        boolean xlsx = file != null && !file.isEmpty();
        TableImport.Result r = xlsx ? TableImport.fromXlsx(file.getBytes(), current.rows(), planEnd)
                : TableImport.fromText(text, current.rows(), planEnd);
        model.addAttribute("importText", text);
        model.addAttribute("importSource", xlsx ? "xlsx" : "paste");
        if (!r.ok()) {
            response.setStatus(422);
            model.addAttribute("importErrors", r.errors());
        } else {
            model.addAttribute("importRows", r.rows());
            model.addAttribute("importVersion", current.version());
        }
        return page.page(id, model) ;
    }

    @PostMapping("/replace")
    String replace(@PathVariable long id, @RequestParam(defaultValue = "0") int version,
                   @RequestParam(defaultValue = "paste") String source, @RequestParam Map<String, String> params,
                   Principal user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<IndicatorGrid.Row> rows = rows(params);
        try {
            ReviewRepository.GridState saved = grids.replace(id, rows, version,
                    "xlsx".equals(source) ? "Excel 文件" : "粘贴的表格", user.getName());
            redirect.addFlashAttribute("message", "已用导入的表格替换指标表（" + saved.rows().size() + " 行）");
            return "redirect:/review/ingest/" + id + "#section-IND";
        } catch (ReviewException e) {
            response.setStatus(e.status());
            model.addAttribute("importErrors", e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors());
            return page.page(id, model);
        }
    }

    private String unsaved(long id, List<IndicatorGrid.Row> rows, int version, ReviewException e, Model model) {
        model.addAttribute("gridRows", rows);
        model.addAttribute("gridVersion", version);
        model.addAttribute("gridUnsaved", true);
        model.addAttribute("gridError", e.getMessage());
        return page.page(id, model);
    }

    /** The rows of the form, fields named {@code r<index>.<field>}, in index order. */
    static List<IndicatorGrid.Row> rows(Map<String, String> params) {
        TreeMap<Integer, Map<String, String>> byRow = new TreeMap<>();
        params.forEach((k, v) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("r(\\d{1,4})\\.(\\w+)").matcher(k);
            if (m.matches()) {
                byRow.computeIfAbsent(Integer.valueOf(m.group(1)), i -> new TreeMap<>()).put(m.group(2), v);
            }
        });
        if (byRow.size() > IndicatorGrid.MAX_ROWS) {
            throw new ReviewException(413, "指标表最多 " + IndicatorGrid.MAX_ROWS + " 行");
        }
        List<IndicatorGrid.Row> rows = new ArrayList<>();
        for (Map<String, String> f : byRow.values()) {
            rows.add(new IndicatorGrid.Row(f.getOrDefault("code", ""), f.get("name"), f.get("unit"),
                    f.get("attribute"), f.get("baseValue"), f.get("targetValue"), f.get("horizon"),
                    f.get("targetYear"), integer(f.get("start")), integer(f.get("end"))));
        }
        return rows;
    }

    private static int integer(String v) {
        return v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : 0;
    }
}
