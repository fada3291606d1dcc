package io.tether.core.action;

import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Takes a handler's return value into the run's reply fields: a {@link Map} with string keys
 * as it is (the handler hands it over), any other map's entries with their keys as strings,
 * or a record's components (accessors are looked up once per record class).
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

    void take(Object result, ActionRun run) throws ReflectiveOperationException {
        if (result == null) {
            return;
        }
        if (result instanceof Map<?, ?> map) {
            if (stringKeys(map)) {
                @SuppressWarnings("unchecked")
                Map<String, ?> fields = (Map<String, ?>) map;
                run.returned(fields);
            } else {
                Map<String, Object> into = run.response();
                map.forEach((k, v) -> into.put(String.valueOf(k), v));
            }
        } else if (result instanceof Record record) {
            Map<String, Object> into = run.response();
            for (RecordComponent c : components.get(record.getClass())) {
                into.put(c.getName(), c.getAccessor().invoke(record));
            }
        } else {
            throw new IllegalStateException("an action must return a Map, a record or null, not "
                    + result.getClass().getName());
        }
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
