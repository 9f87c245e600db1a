package cn.lantu.outline;

/** Structural kinds of an outline node. */
public enum NodeType {
    CHAPTER, SECTION, MEASURE, COLUMN, COLUMN_GROUP, COLUMN_ITEM, PARAGRAPH, TABLE, FIGURE_CAPTION
}
