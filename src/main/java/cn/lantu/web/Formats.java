package cn.lantu.web;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/** Number formatting for templates ({@code ${@fmt.num(x)}}): no trailing zeros, Chinese-style units. */
@Component("fmt")
public class Formats {

    public String num(Number n) {
        if (n == null) {
            return "—";
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    /** A fraction (0.548) as a percentage with one decimal (54.8%). */
    public String pct(Number fraction) {
        if (fraction == null) {
            return "—";
        }
        return String.format("%.1f%%", fraction.doubleValue() * 100);
    }

    public String fixed(Number n, int decimals) {
        if (n == null) {
            return "—";
        }
        return String.format("%." + decimals + "f", n.doubleValue());
    }
}
