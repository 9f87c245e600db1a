package cn.lantu.notify;

import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The user's own in-app notifications (page and JSON). */
@Controller
class NotificationController {

    private final Notifier notifier;

    NotificationController(Notifier notifier) {
        this.notifier = notifier;
    }

    @GetMapping("/notifications")
    String page(Principal principal, Model model) {
        model.addAttribute("notifications", notifier.forUser(principal.getName(), 200));
        return "notify/notifications";
    }

    @GetMapping("/api/v1/notifications")
    @ResponseBody
    List<Notifier.Notification> list(Principal principal) {
        return notifier.forUser(principal.getName(), 200);
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, Principal principal) {
        notifier.markRead(principal.getName(), id);
        return "redirect:/notifications";
    }
}
