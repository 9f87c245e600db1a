package cn.lantu.ingest.review;

import java.util.List;

/** A refused review action: an unusable upload, an invalid edit, or a package the loader rejected. */
public class ReviewException extends RuntimeException {

    private final int status;
    private final List<String> errors;

    public ReviewException(int status, String message) {
        this(status, message, List.of());
    }

    public ReviewException(int status, String message, List<String> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }
}
