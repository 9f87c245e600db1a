package cn.lantu.assessment;

/** What a feasibility/consistency finding compares. */
public enum FindingKind {
    /** A compound goal (e.g. GDP 3000亿元 by 2030) against the planned growth rate. */
    COMPOUND_GOAL,
    /** Component targets summed against their total. */
    COMPONENT_SUM,
    /** A portfolio's rows (e.g. 专栏 domains) summed against its stated totals. */
    PORTFOLIO_SUM,
    /** A target already met at the base. */
    TARGET_MET_AT_BASE
}
