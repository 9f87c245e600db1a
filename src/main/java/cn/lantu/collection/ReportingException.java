package cn.lantu.collection;

import java.util.List;

/** A refused reporting action: forbidden (403), conflict (409) or invalid input (422), with a clear message. */
public class ReportingException extends RuntimeException {

    private final int status;
    private final List<?> problems;

    public ReportingException(int status, String message) {
        this(status, message, List.of());
    }

    public ReportingException(int status, String message, List<?> problems) {
        super(message);
        this.status = status;
        this.problems = problems;
    }

    public static ReportingException forbidden(String message) {
        return new ReportingException(403, message);
    }

    public static ReportingException conflict(String message) {
        return new ReportingException(409, message);
    }

    public static ReportingException invalid(String message, List<?> problems) {
        return new ReportingException(422, message, problems);
    }

    public int status() {
        return status;
    }

    public List<?> problems() {
        return problems;
    }
}
