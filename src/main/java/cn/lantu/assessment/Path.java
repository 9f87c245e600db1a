package cn.lantu.assessment;

/** Expected path of a {@link Kind#LEVEL} indicator between base and target. */
public enum Path {
    /** X_b + τ(X_T − X_b): shares, per-capita ratios, stocks built up by additions. */
    LINEAR,
    /** X_b·(X_T/X_b)^τ: compounding aggregates such as GDP or output. */
    GEOMETRIC
}
