package cn.lantu.ingest.review;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/** Copies a record with some components replaced by edited text values (converted to the component's type). */
final class Records {

    private Records() {}

    /** @throws IllegalArgumentException naming the field when a value does not fit its type */
    static <R extends Record> R with(R record, Map<String, String> edits) {
        if (edits == null || edits.isEmpty()) {
            return record;
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                values[i] = edits.containsKey(c.getName())
                        ? convert(c.getName(), edits.get(c.getName()), c.getType())
                        : c.getAccessor().invoke(record);
            }
            @SuppressWarnings("unchecked")
            Constructor<R> ctor = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean has(Class<? extends Record> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static Object convert(String field, String text, Class<?> type) {
        String v = text == null ? "" : text.strip();
        try {
            if (type == String.class) {
                return v.isEmpty() ? null : v;
            }
            if (v.isEmpty()) {
                if (type.isPrimitive()) {
                    throw new IllegalArgumentException(field + "：不能为空");
                }
                return null;
            }
            if (type == Double.class || type == double.class) {
                return Double.valueOf(v.replace(",", ""));
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(v);
            }
            if (type == Boolean.class || type == boolean.class) {
                return Boolean.valueOf(v);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + "：“" + v + "”不是数字");
        }
        throw new IllegalArgumentException(field + "：不能编辑");
    }
}
