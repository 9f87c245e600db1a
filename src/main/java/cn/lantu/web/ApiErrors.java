package cn.lantu.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Clear JSON errors for the API: what was wrong with the request, field by field where possible. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrors {

    /**
     * A body that is not the JSON expected: a Chinese message naming the field where the parser knows it, never the
     * parser's own message (which names Java and Jackson classes); a body over the size limit is 413.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiBodyLimit.TooLarge tooLarge) {
                return body(HttpStatus.CONTENT_TOO_LARGE, ApiBodyLimit.message(tooLarge.max()), List.of());
            }
        }
        String field = null;
        String problem = "不是有效的JSON";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException j) {
                String path = path(j);
                if (path != null) {
                    field = path;
                }
                problem = describe(j);
                break;
            }
        }
        String message = field == null ? "请求内容无法解析：" + problem
                : "请求内容无法解析：字段“" + field + "”" + problem;
        return body(HttpStatus.BAD_REQUEST, message, field == null ? List.of() : List.of(field + ": " + problem));
    }

    /** The JSON path of the offending value, such as {@code observations[3].year}; null when unknown. */
    static String path(tools.jackson.core.JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(cut(r.getPropertyName()));
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String describe(tools.jackson.core.JacksonException e) {
        if (e instanceof tools.jackson.core.exc.InputCoercionException) {
            return "的数值超出范围";
        }
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
            return "不是可识别的字段";
        }
        if (e instanceof tools.jackson.databind.exc.InvalidNullException) {
            return "不能为空";
        }
        if (e instanceof tools.jackson.databind.exc.InvalidFormatException f) {
            String value = "“" + cut(String.valueOf(f.getValue())) + "”";
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return "的值" + value + "不是有效取值（可选：" + java.util.Arrays.stream(target.getEnumConstants())
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining("、")) + "）";
            }
            return "的值" + value + "格式不正确";
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException) {
            return "的类型或格式不正确";
        }
        if (e instanceof tools.jackson.core.exc.StreamReadException) {
            return "处的JSON格式不正确（如 NaN、Infinity 不是有效数值）";
        }
        return "的值无效";
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** A query or path parameter of the wrong type (year=abc, year=2147483648): named, without Java class names. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "" : switch (e.getRequiredType().getSimpleName()) {
            case "int", "Integer", "long", "Long" -> "：应为整数";
            case "double", "Double" -> "：应为数字";
            case "boolean", "Boolean" -> "：应为 true 或 false";
            default -> "";
        };
        return body(HttpStatus.BAD_REQUEST, "参数“" + cut(e.getName()) + "”格式不正确" + expected, List.of());
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "缺少参数“" + cut(e.getParameterName()) + "”", List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).toList();
        return body(HttpStatus.BAD_REQUEST, "请求参数无效 (invalid request)", errors);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
        return body(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason(), List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, List<String> errors) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", status.value());
        b.put("error", status.getReasonPhrase());
        b.put("message", message);
        if (!errors.isEmpty()) {
            b.put("errors", errors);
        }
        return ResponseEntity.status(status).body(b);
    }
}
