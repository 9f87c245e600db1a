package cn.lantu.web;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What every error page and error body says: a message the user can read in their language, never an exception
 * class or a framework phrase, and for a server fault an incident id that is also in the log, so a user can quote
 * it to the IT office and the IT office can find the stack trace.
 */
@Component
public class ErrorPageAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageAttributes.class);

    private final MessageSource messages;

    public ErrorPageAttributes(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attrs = super.getErrorAttributes(request,
                options.including(ErrorAttributeOptions.Include.MESSAGE));
        int status = attrs.get("status") instanceof Integer s ? s : 500;
        String own = attrs.get("message") instanceof String m ? m : null;
        String known = status == 400 || status == 403 || status == 404 || status == 405 || status == 409
                || status == 413 || status == 415 || status == 422 || status == 429 ? String.valueOf(status) : "other";
        String generic = messages.getMessage("error.message." + known, null, LocaleContextHolder.getLocale());
        attrs.put("title", messages.getMessage("error.title." + known, null, LocaleContextHolder.getLocale()));
        if (status >= 500) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            Throwable error = getError(request);
            log.error("incident {}: {} {}", incident, status, attrs.get("path"), error);
            attrs.put("incident", incident);
            attrs.put("message", generic);
        } else {
            // a reason written for users (ours are Chinese) is kept; a framework phrase is replaced
            attrs.put("message", own != null && readable(own) ? own : generic);
        }
        attrs.remove("exception");
        attrs.remove("trace");
        attrs.remove("errors");
        return attrs;
    }

    /** Text we wrote for users contains Chinese; framework messages ("No static resource …") do not. */
    static boolean readable(String message) {
        return message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && !message.contains("Exception") && !message.contains("java.");
    }
}
