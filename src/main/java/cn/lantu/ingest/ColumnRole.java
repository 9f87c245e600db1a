package cn.lantu.ingest;

/** What a column of the indicator table holds, as told by its header cell. */
enum ColumnRole { CATEGORY, NUMBER, NAME, SUBNAME, UNIT, BASE, TARGET, RATE, ATTRIBUTE, OTHER }
