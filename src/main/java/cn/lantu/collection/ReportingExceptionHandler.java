package cn.lantu.collection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Refused reporting actions as JSON: {error, problems}, with 403, 404, 409, 413 or 422. */
@RestControllerAdvice(assignableTypes = {FigureApiController.class, ExcelController.class, EvidenceController.class,
        FigureCheckApiController.class, ReminderController.class,
        TownBreakdownController.class})
class ReportingExceptionHandler {

    @ExceptionHandler(ReportingException.class)
    ResponseEntity<Map<String, Object>> refused(ReportingException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("problems", e.problems());
        if (e.status() == 429) {
            return ResponseEntity.status(429).header("Retry-After", "10").body(body);
        }
        return ResponseEntity.status(e.status()).body(body);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(413).body(Map.of("error", ExcelImport.TOO_LARGE, "problems", java.util.List.of()));
    }
}
