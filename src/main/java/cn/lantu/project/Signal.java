package cn.lantu.project;

/** Warning level shared with the indicators: green / yellow / red, or NONE when there is nothing to measure yet. */
public enum Signal {
    GREEN("正常", "success"), YELLOW("滞后", "warning"), RED("严重滞后", "danger"), NONE("无数据", "secondary");

    private final String label;
    private final String css;

    Signal(String label, String css) {
        this.label = label;
        this.css = css;
    }

    public String label() {
        return label;
    }

    /** Bootstrap colour name for badges. */
    public String css() {
        return css;
    }
}
