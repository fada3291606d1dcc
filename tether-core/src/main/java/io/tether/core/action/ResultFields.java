package io.tether.core.action;

import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Copies a handler's return value into the reply fields: a {@link Map}'s entries, or a
 * record's components (accessors are looked up once per record class).
 */
final class ResultFields {
    private final ClassValue<RecordComponent[]> components = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            for (RecordComponent c : rc) {
                c.getAccessor().setAccessible(true);
            }
            return rc;
        }
    };

    void copy(Object result, Map<String, Object> into) throws ReflectiveOperationException {
        if (result == null) {
            return;
        }
        if (result instanceof Map<?, ?> map) {
            map.forEach((k, v) -> into.put(String.valueOf(k), v));
        } else if (result instanceof Record record) {
            for (RecordComponent c : components.get(record.getClass())) {
                into.put(c.getName(), c.getAccessor().invoke(record));
            }
        } else {
            throw new IllegalStateException("an action must return a Map, a record or null, not "
                    + result.getClass().getName());
        }
    }
}
