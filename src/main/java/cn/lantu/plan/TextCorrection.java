package cn.lantu.plan;

/** A correction of a conversion artefact in the outline text, recorded with the plan. */
public record TextCorrection(String code, String kind, String find, String replace, String note) {}
