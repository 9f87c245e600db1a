package cn.lantu.planpackage;

import java.util.List;

/** A plan package that cannot be loaded. Each error names the file, the item and what is wrong. */
public class PackageException extends RuntimeException {

    private final List<String> errors;

    public PackageException(List<String> errors) {
        super("计划包无效 (invalid plan package), " + errors.size() + " error(s):\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
