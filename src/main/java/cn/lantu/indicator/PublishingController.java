package cn.lantu.indicator;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;

/** The plan office's publishing page (公开发布): which indicators the public sees, switched per row or in bulk. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PublishingController {

    private final IndicatorPublishing publishing;
    private final PlanLookup lookup;
    private final MessageSource messages;

    PublishingController(IndicatorPublishing publishing, PlanLookup lookup, MessageSource messages) {
        this.publishing = publishing;
        this.lookup = lookup;
        this.messages = messages;
    }

    @GetMapping("/plans/{plan}/publishing")
    String page(@PathVariable String plan, Model model) {
        return fill(model, lookup.require(plan), List.of());
    }

    @PostMapping("/plans/{plan}/publishing")
    String save(@PathVariable String plan, @RequestParam(name = "code", required = false) List<String> codes,
                @RequestParam boolean published, Authentication who, Model model, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        List<String> chosen = codes == null ? List.of() : codes;
        if (chosen.isEmpty()) {
            model.addAttribute("selectionError", text("publishing.error.none"));
            return fill(model, p, chosen);
        }
        IndicatorPublishing.Outcome outcome = publishing.set(p.id(), chosen, published, who.getName());
        if (!outcome.ok()) {
            model.addAttribute("selectionError", text("publishing.error.unknown", String.join(text("org.listSeparator"), outcome.unknown())));
            return fill(model, p, chosen);
        }
        flash.addFlashAttribute("message", outcome.changed().isEmpty() ? text("publishing.saved.none")
                : text(published ? "publishing.saved.published" : "publishing.saved.withdrawn",
                        outcome.changed().size(), String.join(text("org.listSeparator"), outcome.changed())));
        return "redirect:/plans/" + p.code() + "/publishing";
    }

    /** Body of the API's bulk switch: the indicator codes and whether they are to be public. */
    public record PublicationChange(List<String> codes, Boolean published) {}

    @GetMapping("/api/v1/plans/{plan}/publishing")
    @ResponseBody
    @Operation(summary = "Every indicator with whether it is public, and who last changed that and when")
    public List<IndicatorRepository.Publication> list(@PathVariable String plan) {
        return publishing.list(lookup.require(plan).id());
    }

    @PutMapping("/api/v1/plans/{plan}/publishing")
    @ResponseBody
    @Operation(summary = "Publish or withdraw indicators at once (plan office only; all or none when a code is unknown)")
    public ResponseEntity<Map<String, Object>> saveApi(@PathVariable String plan, @RequestBody PublicationChange body,
                                                       Authentication who) {
        Plan p = lookup.require(plan);
        List<String> codes = body.codes() == null ? List.of() : body.codes();
        if (codes.isEmpty() || body.published() == null) {
            return ResponseEntity.unprocessableEntity().body(Map.of("errors", codes.isEmpty()
                    ? Map.of("codes", text("publishing.error.none")) : Map.of("published", "请指明公开（true）或撤回（false）")));
        }
        IndicatorPublishing.Outcome outcome = publishing.set(p.id(), codes, body.published(), who.getName());
        return ResponseEntity.status(outcome.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(outcome.ok() ? Map.of("changed", outcome.changed())
                        : Map.of("errors", Map.of("codes", text("publishing.error.unknown",
                                String.join(text("org.listSeparator"), outcome.unknown())))));
    }

    private String fill(Model model, Plan p, List<String> chosen) {
        List<IndicatorRepository.Publication> rows = publishing.list(p.id());
        model.addAttribute("plan", p);
        model.addAttribute("rows", rows);
        model.addAttribute("chosen", chosen);
        model.addAttribute("publicCount", rows.stream().filter(IndicatorRepository.Publication::published).count());
        return "indicator/publishing";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
