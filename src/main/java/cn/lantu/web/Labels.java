package cn.lantu.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Labels of enums and codes in the reader's language, for templates ({@code ${@labels.of(a.status)}}).
 *
 * <p>Chinese is the enum's own {@code label()}, as the evaluation reports word it. English is, in order: the enum's
 * {@code label(Locale)} when it has one (the assessment engine's types), else the message
 * {@code enum.<Type>.<NAME>} of the labels bundle ({@code OrgUnit.Type} for a nested type), else the Chinese label.
 * Codes without an enum (report frequency, town breakdown rule) go through {@link #code}.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;
    /** Chinese label → its key in the labels bundle, for {@link #translate}. */
    private final Map<String, String> keysByChinese = new HashMap<>();

    public Labels(MessageSource messages) {
        this.messages = messages;
        Properties zh = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream("/i18n/labels.properties")) {
            if (in != null) {
                zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        zh.forEach((k, v) -> keysByChinese.putIfAbsent(String.valueOf(v), String.valueOf(k)));
    }

    /** True when the reader's language is English. */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public boolean english() {
        return english(LocaleContextHolder.getLocale());
    }

    /** The enum's label in the request's language; "" for null. */
    public String of(Enum<?> value) {
        return of(value, LocaleContextHolder.getLocale());
    }

    public String of(Enum<?> value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (english(locale)) {
            Method localized = method(value, "label", Locale.class);
            if (localized != null) {
                return (String) invoke(localized, value, locale);
            }
            String en = messages.getMessage(key(value), null, null, locale);
            if (en != null) {
                return en;
            }
        }
        return chinese(value);
    }

    /**
     * A coded value's label: in English the message {@code code.<group>.<code>}, else (and in Chinese) the Chinese
     * label given, e.g. {@code @labels.code('frequency', r.frequency, r.frequencyLabel())}.
     */
    public String code(String group, String code, String chinese) {
        Locale locale = LocaleContextHolder.getLocale();
        if (english(locale) && code != null) {
            String en = messages.getMessage("code." + group + "." + code, null, null, locale);
            if (en != null) {
                return en;
            }
        }
        return chinese;
    }

    /**
     * A Chinese label stored as text (e.g. in a cached cockpit) in the request's language: the English of the labels
     * bundle entry with that Chinese value; unchanged when there is none or the reader reads Chinese.
     */
    public String translate(String chinese) {
        Locale locale = LocaleContextHolder.getLocale();
        String key = chinese == null ? null : keysByChinese.get(chinese);
        if (!english(locale) || key == null) {
            return chinese;
        }
        return messages.getMessage(key, null, chinese, locale);
    }

    /** The bundle key of an enum constant: {@code enum.Role.ADMIN}, {@code enum.OrgUnit.Type.CITY}. */
    public static String key(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        return "enum." + name + "." + value.name();
    }

    /** The enum's Chinese {@code label()}, or its name when it has none. */
    public static String chinese(Enum<?> value) {
        Method label = method(value, "label");
        return label == null ? value.name() : String.valueOf(invoke(label, value));
    }

    private static Method method(Enum<?> value, String name, Class<?>... types) {
        try {
            Method m = value.getDeclaringClass().getMethod(name, types);
            return m.getReturnType() == String.class ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the label of " + target, e);
        }
    }
}
