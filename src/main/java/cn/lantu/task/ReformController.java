package cn.lantu.task;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;

/** The reform list (专栏9) by domain and stage: page, stage moves and JSON API. */
@Controller
public class ReformController {

    private final ReformService reforms;
    private final PlanLookup lookup;
    private final MessageSource messages;

    public ReformController(ReformService reforms, PlanLookup lookup, MessageSource messages) {
        this.reforms = reforms;
        this.lookup = lookup;
        this.messages = messages;
    }

    @GetMapping("/plans/{plan}/reforms")
    String page(@PathVariable String plan, @RequestParam(required = false) String domain,
                @RequestParam(required = false) String stage, Model model) {
        Plan p = lookup.require(plan);
        List<ReformService.Item> items = reforms.items(p.id()).stream()
                .filter(i -> domain == null || domain.isBlank() || i.reform().domainCode().equals(domain))
                .filter(i -> stage == null || stage.isBlank() || i.reform().stage().equals(stage)).toList();
        model.addAttribute("plan", p);
        model.addAttribute("items", items);
        // a move's confirmation is shown in the reform's row, or above the list when a filter now hides the row
        Object moved = model.getAttribute("movedCode");
        model.addAttribute("movedShown", moved != null && items.stream().anyMatch(i -> i.reform().code()
                .equals(moved)));
        String failed = model.getAttribute("moveForm") instanceof MoveForm f ? f.code() : null;
        model.addAttribute("failedShown", failed != null && items.stream().anyMatch(i -> i.reform().code()
                .equals(failed)));
        model.addAttribute("all", reforms.items(p.id()));
        model.addAttribute("stages", ReformService.Stage.values());
        model.addAttribute("outcomes", ReformService.Outcome.values());
        model.addAttribute("domain", domain);
        model.addAttribute("stage", stage);
        // a refused move comes back as flash attributes: which reform, what was typed, what is wrong
        if (!model.containsAttribute("moveErrors")) {
            model.addAttribute("moveErrors", Map.of());
        }
        return "task/reforms";
    }

    /** The stage move form of one reform as typed (a flash attribute when the move is refused). */
    public record MoveForm(String code, String to, String note, String outcomeKind, String outcomeText)
            implements Serializable {}

    @PostMapping("/plans/{plan}/reforms/{code}/move")
    String move(@PathVariable String plan, @PathVariable String code, @RequestParam(required = false) String to,
                @RequestParam int version, @RequestParam(required = false) String note,
                @RequestParam(required = false) String outcomeKind, @RequestParam(required = false) String outcomeText,
                @RequestParam(name = "files", required = false) List<MultipartFile> files,
                @RequestParam(required = false) String domain, @RequestParam(required = false) String stage,
                Locale locale, RedirectAttributes flash) throws IOException {
        Plan p = lookup.require(plan);
        ReformService.Item it = reforms.item(p.id(), code);
        List<ReformService.Document> docs = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    docs.add(new ReformService.Document(fileName(f), f.getContentType(), f.getBytes()));
                }
            }
        }
        MoveForm form = new MoveForm(code, to, note, blank(outcomeKind), outcomeText);
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/plans/" + p.code() + "/reforms");
        if (domain != null && !domain.isBlank()) {
            back.queryParam("domain", domain);
        }
        if (stage != null && !stage.isBlank()) {
            back.queryParam("stage", stage);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        reforms.check(it, to, note, blank(outcomeKind), blank(outcomeText), docs)
                .forEach(x -> errors.putIfAbsent(x.field(), reforms.message(x, locale)));
        String refused = errors.isEmpty() ? null : messages.getMessage("task.reforms.error.fix", null, locale);
        ReformService.Item moved = null;
        if (refused == null) {
            try {
                moved = reforms.move(p, code, to, version, blank(note), blank(outcomeKind), blank(outcomeText), docs);
            } catch (ResponseStatusException e) {
                if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                    throw e;
                }
                refused = e.getReason();
            }
        }
        if (moved == null) {
            flash.addFlashAttribute("moveForm", form);
            flash.addFlashAttribute("moveErrors", new LinkedHashMap<>(errors));
            flash.addFlashAttribute("moveError", docs.isEmpty() ? refused
                    : refused + messages.getMessage("task.reforms.error.filesAgain", null, locale));
            return "redirect:" + back.fragment("reform-" + code).build().toUriString();
        }
        flash.addFlashAttribute("message", messages.getMessage(docs.isEmpty() ? "task.reforms.moved"
                : "task.reforms.movedWithFiles", new Object[] {moved.reform().name(), moved.stageLabel(),
                    String.valueOf(docs.size())}, locale));
        flash.addFlashAttribute("movedCode", code);
        return "redirect:" + back.fragment("reform-" + code).build().toUriString();
    }

    /** The file name a browser sent, without any folder (old browsers send the whole path). */
    private static String fileName(MultipartFile f) {
        String name = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @GetMapping({"/plans/{plan}/reforms/{code}/documents/{id}", "/api/v1/plans/{plan}/reforms/{code}/documents/{id}"})
    @Operation(summary = "Download a document attached to a stage move of a reform (always as an attachment)")
    ResponseEntity<byte[]> document(@PathVariable String plan, @PathVariable String code, @PathVariable long id) {
        Plan p = lookup.require(plan);
        ReformService.Document d = reforms.document(p.id(), code, id)
                .orElseThrow(() -> new NotFoundException("附件不存在: " + id));
        HttpHeaders h = new HttpHeaders();
        h.setContentType(contentType(d));
        h.setContentDisposition(ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8)
                .build());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "sandbox; default-src 'none'");
        h.setContentLength(d.content().length);
        return ResponseEntity.ok().headers(h).body(d.content());
    }

    /** The type the browser gave at upload, else the one the file name suggests, else octet-stream. */
    private static MediaType contentType(ReformService.Document d) {
        if (d.contentType() != null && !d.contentType().isBlank()) {
            try {
                MediaType t = MediaType.parseMediaType(d.contentType());
                if (!t.isWildcardType() && !t.isWildcardSubtype()) {
                    return t;
                }
            } catch (InvalidMediaTypeException e) {
                // fall through to the file name
            }
        }
        return MediaTypeFactory.getMediaType(d.fileName()).orElse(MediaType.APPLICATION_OCTET_STREAM);
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
