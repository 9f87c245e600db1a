package cn.lantu.outline;

/** Small helpers for Chinese text. */
public final class Cjk {
    private Cjk() {
    }

    /** True for Han characters and CJK / full-width punctuation (including “”‘’—…·). */
    public static boolean isCjk(char c) {
        if (c >= 0x3000 && c <= 0x303F) {
            return true;
        }
        if (c >= 0xFF00 && c <= 0xFFEF) {
            return true;
        }
        if (c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '…' || c == '·' || c == '‰') {
            return true;
        }
        Character.UnicodeScript s;
        try {
            s = Character.UnicodeScript.of(c);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return s == Character.UnicodeScript.HAN;
    }

    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /**
     * Parses a Chinese numeral (一, 十二, 二十三, 一百零五, 两, 〇/零, 二〇三五 digit-by-digit) or ASCII digits.
     * Returns -1 when it is not a numeral.
     */
    public static long parseNumeral(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        boolean digitByDigit = s.length() >= 3 && s.chars().noneMatch(ch -> "十百千万亿".indexOf(ch) >= 0);
        if (digitByDigit) {
            long v = 0;
            for (char c : s.toCharArray()) {
                int d = digit(c);
                if (d < 0) {
                    return -1;
                }
                v = v * 10 + d;
            }
            return v;
        }
        long total = 0;
        long section = 0;
        long number = 0;
        boolean any = false;
        boolean lastDigit = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                number = d;
                any = true;
                lastDigit = true;
                continue;
            }
            long unit;
            switch (c) {
                case '十' -> unit = 10;
                case '百' -> unit = 100;
                case '千' -> unit = 1000;
                case '万' -> unit = 10000;
                case '亿' -> unit = 100000000L;
                default -> {
                    return -1;
                }
            }
            any = true;
            if (unit >= 10000) {
                section = (section + number) * unit;
                total += section;
                section = 0;
            } else {
                if (number == 0 && !lastDigit && unit < 10000) {
                    number = 1; // 十二, 百家
                }
                section += number * unit;
            }
            number = 0;
            lastDigit = false;
        }
        return any ? total + section + number : -1;
    }

    public static int digit(char c) {
        return switch (c) {
            case '〇', '零', '0' -> 0;
            case '一', '壹', '1' -> 1;
            case '二', '两', '贰', '2' -> 2;
            case '三', '叁', '3' -> 3;
            case '四', '肆', '4' -> 4;
            case '五', '伍', '5' -> 5;
            case '六', '陆', '6' -> 6;
            case '七', '柒', '7' -> 7;
            case '八', '捌', '8' -> 8;
            case '九', '玖', '9' -> 9;
            default -> -1;
        };
    }

    /** Maps full-width digits, letters, %, ., to ASCII. */
    public static String halfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '！' && c <= '～' && "（）：；，".indexOf(c) < 0) {
                char h = (char) (c - 0xFEE0);
                if (Character.isLetterOrDigit(h) || h == '%' || h == '.' || h == '+' || h == '-') {
                    b.append(h);
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
