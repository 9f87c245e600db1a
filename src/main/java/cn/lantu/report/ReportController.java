package cn.lantu.report;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;

/** The report preview page: choose a report, read it, edit the narrative per section, save and publish versions. */
@Controller
public class ReportController {

    private final ReportService reports;
    private final PlanLookup lookup;

    public ReportController(ReportService reports, PlanLookup lookup) {
        this.reports = reports;
        this.lookup = lookup;
    }

    @GetMapping("/plans/{plan}/reports")
    String preview(@PathVariable String plan, @RequestParam(defaultValue = "midterm") String type,
                   @RequestParam(required = false) Integer year, Model model) {
        Plan p = lookup.require(plan);
        ReportType t;
        int y;
        try {
            t = ReportType.of(type);
            y = reports.year(p, t, year);
        } catch (IllegalArgumentException e) {
            t = ReportType.of(type.equals("annual") || type.equals("final") ? type : "midterm");
            y = reports.year(p, t, null);
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("plan", p);
        model.addAttribute("type", t);
        model.addAttribute("types", ReportType.values());
        model.addAttribute("year", y);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(p.periodStart(), p.periodEnd()).boxed().toList());
        model.addAttribute("d", reports.document(p, t, y));
        model.addAttribute("versions", reports.versions(p, t, y));
        return "report/preview";
    }

    @PostMapping("/plans/{plan}/reports/narrative")
    @PreAuthorize("hasRole('ADMIN')")
    String saveNarrative(@PathVariable String plan, @RequestParam String type, @RequestParam int year,
                         @RequestParam String section, @RequestParam(required = false) String text,
                         Authentication who, RedirectAttributes redirect) {
        Plan p = lookup.require(plan);
        reports.saveNarrative(p, ReportType.of(type), year, section, text, who.getName());
        redirect.addFlashAttribute("message", "已保存：" + reports.sections().get(section));
        return "redirect:/plans/" + p.code() + "/reports?type=" + ReportType.of(type).slug() + "&year=" + year
                + "#n-" + section;
    }

    @PostMapping("/plans/{plan}/reports/versions")
    @PreAuthorize("hasRole('ADMIN')")
    String saveVersion(@PathVariable String plan, @RequestParam String type, @RequestParam int year,
                       Authentication who, RedirectAttributes redirect) {
        Plan p = lookup.require(plan);
        ReportRepository.Version v = reports.saveVersion(p, ReportType.of(type), year, who.getName());
        redirect.addFlashAttribute("message", "已保存第" + v.versionNo() + "版");
        return "redirect:/plans/" + p.code() + "/reports?type=" + v.type().slug() + "&year=" + v.year();
    }

    /** Before publishing: the version exactly as the public will read it (only published indicators). */
    @GetMapping("/plans/{plan}/reports/versions/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    String publishPreview(@PathVariable String plan, @PathVariable long id, Model model) {
        Plan p = lookup.require(plan);
        ReportService.PublicPreview preview = reports.publicPreview(id);
        if (preview.version().planId() != p.id()) {
            throw new cn.lantu.web.NotFoundException("报告版本不存在: " + id);
        }
        model.addAttribute("plan", p);
        model.addAttribute("preview", preview);
        model.addAttribute("v", preview.version());
        model.addAttribute("d", preview.document());
        return "report/publish";
    }

    @PostMapping("/plans/{plan}/reports/versions/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    String publish(@PathVariable String plan, @PathVariable long id, Authentication who,
                   RedirectAttributes redirect) {
        Plan p = lookup.require(plan);
        if (reports.version(id).planId() != p.id()) {
            throw new cn.lantu.web.NotFoundException("报告版本不存在: " + id);
        }
        reports.publish(id, who.getName());
        ReportRepository.Version v = reports.version(id);
        redirect.addFlashAttribute("message", "第" + v.versionNo() + "版已发布到公众门户");
        return "redirect:/plans/" + p.code() + "/reports?type=" + v.type().slug() + "&year=" + v.year();
    }
}
