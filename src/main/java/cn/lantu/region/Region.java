package cn.lantu.region;

/** A node of the region hierarchy: COUNTRY → PROVINCE → CITY → COUNTY. */
public record Region(String code, String name, String level, String parentCode, boolean synthetic) {}
