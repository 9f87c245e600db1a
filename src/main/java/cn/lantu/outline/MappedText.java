package cn.lantu.outline;

import java.util.Arrays;

/**
 * A string in which every char remembers the offset it came from in a source string, so that cleaned
 * and re-joined text can be mapped back to source offsets.
 */
public final class MappedText implements CharSequence {
    private final StringBuilder sb = new StringBuilder();
    private int[] map = new int[16];

    public MappedText() {
    }

    public static MappedText of(String source, int start, int end) {
        MappedText m = new MappedText();
        for (int i = start; i < end; i++) {
            m.append(source.charAt(i), i);
        }
        return m;
    }

    public MappedText append(char c, int sourceOffset) {
        if (sb.length() == map.length) {
            map = Arrays.copyOf(map, map.length * 2);
        }
        map[sb.length()] = sourceOffset;
        sb.append(c);
        return this;
    }

    public MappedText append(MappedText other) {
        for (int i = 0; i < other.length(); i++) {
            append(other.charAt(i), other.map[i]);
        }
        return this;
    }

    /** Appends text that has no source of its own, mapped to {@code sourceOffset}. */
    public MappedText appendSynthetic(String s, int sourceOffset) {
        for (int i = 0; i < s.length(); i++) {
            append(s.charAt(i), sourceOffset);
        }
        return this;
    }

    @Override
    public int length() {
        return sb.length();
    }

    @Override
    public char charAt(int index) {
        return sb.charAt(index);
    }

    @Override
    public MappedText subSequence(int start, int end) {
        MappedText m = new MappedText();
        for (int i = start; i < end; i++) {
            m.append(sb.charAt(i), map[i]);
        }
        return m;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** Source offset of char {@code i}; for {@code i == length()} one past the last char's source. */
    public int sourceOffset(int i) {
        if (sb.length() == 0) {
            return 0;
        }
        if (i >= sb.length()) {
            return map[sb.length() - 1] + 1;
        }
        return map[i];
    }

    /** Source start of the range [from, to). */
    public int sourceStart(int from) {
        return sourceOffset(from);
    }

    /** Source end (exclusive) of the range ending at {@code to} (exclusive). */
    public int sourceEnd(int to) {
        if (to <= 0) {
            return sourceOffset(0);
        }
        return map[Math.min(to, sb.length()) - 1] + 1;
    }

    public int sourceStart() {
        return sourceStart(0);
    }

    public int sourceEnd() {
        return sourceEnd(sb.length());
    }

    public MappedText trim() {
        int a = 0;
        int b = sb.length();
        while (a < b && isBlank(sb.charAt(a))) {
            a++;
        }
        while (b > a && isBlank(sb.charAt(b - 1))) {
            b--;
        }
        return subSequence(a, b);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0' || c == '\n' || c == '\r';
    }

    /** Replaces {@code find} by {@code replacement}; replacement chars map to the replaced span's start. */
    public MappedText replace(String find, String replacement, boolean all) {
        String s = sb.toString();
        MappedText out = new MappedText();
        int from = 0;
        int idx;
        boolean done = false;
        while (!done && (idx = s.indexOf(find, from)) >= 0) {
            for (int i = from; i < idx; i++) {
                out.append(s.charAt(i), map[i]);
            }
            int src = map[idx];
            for (int i = 0; i < replacement.length(); i++) {
                out.append(replacement.charAt(i), i < find.length() ? map[idx + i] : src + find.length() - 1);
            }
            from = idx + find.length();
            done = !all;
        }
        for (int i = from; i < s.length(); i++) {
            out.append(s.charAt(i), map[i]);
        }
        return out;
    }
}
