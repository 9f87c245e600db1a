package cn.lantu.ingest.review;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import cn.lantu.ingest.Extraction;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages of the plan office for reviewing an uploaded outline (issue 8): upload, source text beside the extracted
 * items, accept / edit / reject per item (htmx, or plain forms), and loading the reviewed package as a new plan.
 */
@Controller
@RequestMapping("/review/ingest")
@PreAuthorize("hasRole('ADMIN')")
class IngestReviewController {

    private final IngestReviewService service;
    private final IndicatorGridService grids;

    IngestReviewController(IngestReviewService service, IndicatorGridService grids) {
        this.service = service;
        this.grids = grids;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("reviews", service.reviews());
        model.addAttribute("maxMb", service.maxBytes() / 1048576.0);
        return "ingest/review/list";
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Principal user, Model model,
                  HttpServletResponse response) throws IOException {
        try {
            if (file == null) {
                throw new ReviewException(400, "请选择要上传的规划纲要文件");
            }
            long id = service.upload(file.getOriginalFilename(), file.getBytes(), user.getName());
            return "redirect:/review/ingest/" + id;
        } catch (ReviewException e) {
            response.setStatus(e.status());
            model.addAttribute("uploadError", e.getMessage());
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, Model model) {
        IngestReview review = service.review(id);
        Extraction x = service.extraction(id);
        List<ReviewItem.Section> sections = service.sections(id);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String d : List.of("PENDING", "ACCEPTED", "EDITED", "REJECTED")) {
            counts.put(d, sections.stream().flatMap(s -> s.items().stream()).filter(i -> i.decision().equals(d))
                    .count());
        }
        model.addAttribute("review", review);
        model.addAttribute("extraction", x);
        model.addAttribute("sections", sections);
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("warnings", ExtractionWarnings.of(x.warnings()));
        if (!model.containsAttribute("gridRows")) {
            ReviewRepository.GridState grid = grids.grid(id);
            model.addAttribute("gridRows", grid.rows());
            model.addAttribute("gridVersion", grid.version());
        }
        model.addAttribute("gridSaved", grids.saved(id));
        model.addAttribute("gridAttributes", IndicatorGrid.ATTRIBUTES);
        model.addAttribute("gridHorizons", IndicatorGrid.HORIZONS);
        if (!model.containsAttribute("planCode")) {
            model.addAttribute("planCode", "draft-" + id);
            model.addAttribute("planName", x.title());
            model.addAttribute("regionCode", "");
        }
        return "ingest/review/page";
    }

    @GetMapping(value = "/{id}/source", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> source(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(service.sourceText(id));
    }

    @PostMapping("/{id}/item")
    String decide(@PathVariable long id, @RequestParam String key, @RequestParam String decision,
                  @RequestParam Map<String, String> params, Principal user, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> fields = new LinkedHashMap<>(params);
        fields.keySet().removeAll(List.of("key", "decision", "_csrf"));
        ReviewItem item;
        try {
            item = service.decide(id, key, decision, fields, user.getName());
        } catch (ReviewException e) {
            if (htmx != null) {
                model.addAttribute("itemError", e.getMessage());
                item = service.item(id, key);
            } else {
                response.setStatus(e.status());
                redirect.addFlashAttribute("itemError", e.getMessage());
                redirect.addFlashAttribute("itemErrorKey", key);
                return "redirect:/review/ingest/" + id + "#" + anchor(key);
            }
        }
        if (htmx != null) {
            model.addAttribute("review", service.review(id));
            model.addAttribute("it", item);
            return "ingest/review/page :: item";
        }
        return "redirect:/review/ingest/" + id + "#" + anchor(key);
    }

    @PostMapping("/{id}/accept-pending")
    String acceptPending(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        int n = service.acceptPending(id, user.getName());
        redirect.addFlashAttribute("message", "已接受 " + n + " 个待审核条目");
        return "redirect:/review/ingest/" + id;
    }

    @PostMapping("/{id}/load")
    String load(@PathVariable long id, @RequestParam String planCode,
                @RequestParam(required = false) String planName, @RequestParam(required = false) String regionCode,
                Principal user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            IngestReviewService.Loaded loaded = service.load(id,
                    new ReviewPackage.PlanInfo(planCode, planName, regionCode), user.getName());
            redirect.addFlashAttribute("message", "已加载为新规划 " + loaded.planCode());
            return "redirect:/plans/" + UriUtils.encodePathSegment(loaded.planCode(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (ReviewException e) {
            response.setStatus(e.status());
            model.addAttribute("loadError", e.getMessage());
            model.addAttribute("loadErrors", e.errors());
            model.addAttribute("planCode", planCode);
            model.addAttribute("planName", planName);
            model.addAttribute("regionCode", regionCode);
            return page(id, model);
        }
    }

    static String anchor(String key) {
        return "item-" + key.replace(':', '-');
    }
}
