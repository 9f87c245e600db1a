package cn.lantu.collection;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Refusals on the reporting pages: an error page with the status (403, 404, 409, 422). */
@ControllerAdvice(assignableTypes = {ReportingController.class, ResponsibilityAdminController.class,
        FigureCheckController.class})
class ReportingPageAdvice {

    @ExceptionHandler(ReportingException.class)
    ModelAndView refused(ReportingException e, Model model) {
        ModelAndView mv = new ModelAndView("collection/refused");
        mv.addObject("message", e.getMessage());
        mv.setStatus(HttpStatus.valueOf(e.status()));
        return mv;
    }
}
