package cn.lantu.ingest.review;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON mirror of the indicator grid of a review (issue 18), for the plan office. */
@RestController
@RequestMapping("/api/v1/reviews/{id}/indicator-grid")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "ingest-review", description = "纲要导入审核")
class IndicatorGridApiController {

    /** The grid to save: the version read (0 when none was saved) and all rows. */
    record GridBody(int version, List<IndicatorGrid.Row> rows) {}

    /** A table pasted as tab-separated text; {@code preview} reads it without replacing the grid. */
    record ImportBody(int version, String text, boolean preview) {}

    private final IndicatorGridService grids;
    private final IngestReviewService reviews;

    IndicatorGridApiController(IndicatorGridService grids, IngestReviewService reviews) {
        this.grids = grids;
        this.reviews = reviews;
    }

    @GetMapping
    @Operation(summary = "The indicator grid: the saved one, or the extracted rows with version 0")
    Map<String, Object> get(@PathVariable long id) {
        return body(grids.grid(id), grids.saved(id));
    }

    @PutMapping
    @Operation(summary = "Save all rows of the grid (corrected, added, merged, split, deleted) with the version read; "
            + "422 with problems by cell (rowIndex.field), 409 when saved by someone else since")
    ResponseEntity<Map<String, Object>> save(@PathVariable long id, @RequestBody GridBody body, Principal user) {
        try {
            return ResponseEntity.ok(body(grids.save(id, body.rows() == null ? List.of() : body.rows(),
                    body.version(), user.getName()), true));
        } catch (ReviewException e) {
            return refused(e);
        }
    }

    @PostMapping("/import")
    @Operation(summary = "Read a pasted indicator table (tab-separated, header row first, columns by header words); "
            + "with preview=false replace the grid by it (all or nothing)")
    ResponseEntity<Map<String, Object>> importTable(@PathVariable long id, @RequestBody ImportBody body,
                                                    Principal user) {
        ReviewRepository.GridState current = grids.grid(id);
        Integer planEnd = reviews.extraction(id).planEnd();
        TableImport.Result r = TableImport.fromText(body.text(), current.rows(), planEnd == null ? 2030 : planEnd);
        if (!r.ok()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message", "表格未导入");
            m.put("errors", r.errors());
            return ResponseEntity.status(422).body(m);
        }
        if (body.preview()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("preview", true);
            m.put("rows", r.rows());
            return ResponseEntity.ok(m);
        }
        try {
            return ResponseEntity.ok(body(grids.replace(id, r.rows(), body.version(), "接口", user.getName()),
                    true));
        } catch (ReviewException e) {
            return refused(e);
        }
    }

    private static ResponseEntity<Map<String, Object>> refused(ReviewException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", e.getMessage());
        m.put("errors", e instanceof IndicatorGridService.InvalidGrid g ? g.cells() : e.errors());
        return ResponseEntity.status(e.status()).body(m);
    }

    private static Map<String, Object> body(ReviewRepository.GridState g, boolean saved) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", g.version());
        m.put("saved", saved);
        m.put("rows", g.rows());
        return m;
    }
}
