package cn.lantu.assessment;

/** Which way is better: UP (higher is better) or DOWN (lower is better). */
public enum Direction {
    UP, DOWN;

    /** 越高越好 / 越低越好. */
    public String label() {
        return this == UP ? "越高越好" : "越低越好";
    }

    /** +1 for UP, −1 for DOWN. */
    public int sign() {
        return this == UP ? 1 : -1;
    }

    public Direction opposite() {
        return this == UP ? DOWN : UP;
    }
}
