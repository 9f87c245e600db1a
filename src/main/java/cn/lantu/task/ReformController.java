package cn.lantu.task;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;

/** The reform list (专栏9) by domain and stage: page, stage moves and JSON API. */
@Controller
public class ReformController {

    private final ReformService reforms;
    private final PlanLookup lookup;

    public ReformController(ReformService reforms, PlanLookup lookup) {
        this.reforms = reforms;
        this.lookup = lookup;
    }

    @GetMapping("/plans/{plan}/reforms")
    String page(@PathVariable String plan, @RequestParam(required = false) String domain,
                @RequestParam(required = false) String stage, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("items", reforms.items(p.id()).stream()
                .filter(i -> domain == null || domain.isBlank() || i.reform().domainCode().equals(domain))
                .filter(i -> stage == null || stage.isBlank() || i.reform().stage().equals(stage)).toList());
        model.addAttribute("all", reforms.items(p.id()));
        model.addAttribute("stages", ReformService.Stage.values());
        model.addAttribute("outcomes", ReformService.Outcome.values());
        model.addAttribute("domain", domain);
        model.addAttribute("stage", stage);
        return "task/reforms";
    }

    @PostMapping("/plans/{plan}/reforms/{code}/move")
    String move(@PathVariable String plan, @PathVariable String code, @RequestParam String to,
                @RequestParam int version, @RequestParam(required = false) String note,
                @RequestParam(required = false) String outcomeKind, @RequestParam(required = false) String outcomeText,
                @RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
        Plan p = lookup.require(plan);
        List<ReformService.Document> docs = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    docs.add(new ReformService.Document(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                }
            }
        }
        reforms.move(p, code, to, version, note, blank(outcomeKind), blank(outcomeText), docs);
        return "redirect:/plans/" + p.code() + "/reforms";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @GetMapping("/api/v1/plans/{plan}/reforms")
    @ResponseBody
    @Operation(summary = "The reform items (专栏9 and added ones) with domain, stage, departments and stage history")
    public List<ReformService.Item> api(@PathVariable String plan) {
        return reforms.items(lookup.require(plan).id());
    }

    /** Body of a stage move. */
    public record Move(String to, int version, String note, String outcomeKind, String outcomeText) {}

    @PostMapping("/api/v1/plans/{plan}/reforms/{code}/move")
    @ResponseBody
    @Operation(summary = "Move a reform to its next stage (征集申报 → 评估立项 → 过程管理 → 成果转化)")
    public ReformService.Item moveApi(@PathVariable String plan, @PathVariable String code, @RequestBody Move m) {
        return reforms.move(lookup.require(plan), code, m.to(), m.version(), m.note(), m.outcomeKind(),
                m.outcomeText(), List.of());
    }
}
