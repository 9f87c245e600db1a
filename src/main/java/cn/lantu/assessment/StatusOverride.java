package cn.lantu.assessment;

/**
 * The plan office's replacement of a computed status. A reason is required; the computed status is kept beside it.
 *
 * @param computed the status the engine computed
 * @param override the status the plan office decided
 * @param reason   why (required, non-blank)
 * @param by       who decided
 */
public record StatusOverride(Status computed, Status override, String reason, String by) {

    public StatusOverride {
        if (computed == null || override == null) {
            throw new IllegalArgumentException("computed and override status are required");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
    }

    /** The status in force: the override. */
    public Status effective() {
        return override;
    }

    public static StatusOverride of(Assessment computed, Status override, String reason, String by) {
        return new StatusOverride(computed.status(), override, reason, by);
    }
}
