package cn.lantu.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * 口令复杂度: at least 12 characters of at least three classes (upper case, lower case, digits, other signs),
 * not containing the user name, not on the list of common passwords ({@code security/common-passwords.txt}) and not
 * longer than bcrypt's 72 bytes. Reuse of the last {@link #HISTORY} passwords is refused by {@link UserService}.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    public static final int HISTORY = 5;

    /** A password the policy refuses; the message is meant for the person typing it (Chinese). */
    public static class Rejected extends IllegalArgumentException {
        public Rejected(String message) {
            super(message);
        }
    }

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** Throws {@link Rejected} with the first rule the password breaks. */
    public void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new Rejected("请填写密码");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new Rejected("密码不能超过72字节（一个汉字占3字节），请缩短");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new Rejected("密码至少12位");
        }
        if (classes(password) < 3) {
            throw new Rejected("密码须包含大写字母、小写字母、数字和符号中的至少三类");
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new Rejected("密码不能包含用户名");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw new Rejected("该密码过于常见，容易被猜中，请换一个");
        }
    }

    static int classes(String password) {
        boolean upper = false, lower = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!Character.isWhitespace(c) || c == ' ') {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("security/common-passwords.txt is missing", e);
        }
        return words;
    }
}
