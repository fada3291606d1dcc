package io.tether.server.jstp.testapp;

import io.tether.codec.mdsf.Mdsf;
import io.tether.core.session.resume.ResumableSession;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events a client sent on {@code testInterface} in one session, for
 * {@code getClientEvents()}: the newest {@link #MAX_EVENTS}, holding at most
 * {@link #MAX_CHARS} characters of arguments (in mdsf form) in all; the oldest are dropped
 * first (events get no reply to refuse with). An event larger than the whole budget is not
 * kept. The list itself stays a plain value in the session's user data, so a session store
 * that snapshots the session (Redis) carries it to another node.
 */
final class ClientEvents {
    /** Events kept per session. */
    static final int MAX_EVENTS = 256;
    /** Characters of event arguments kept per session. */
    static final int MAX_CHARS = 1024 * 1024;
    static final String KEY = "testApp.clientEvents";
    private static final String SIZES_KEY = "testApp.clientEventSizes";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Object> userData;
    private final ArrayDeque<Integer> sizes = new ArrayDeque<>(); // chars of each kept event, oldest first
    private long chars;

    private ClientEvents(Map<String, Object> userData) {
        this.userData = userData;
        for (Object e : events(userData)) {
            int size = Mdsf.stringify(e).length();
            sizes.addLast(size);
            chars += size;
        }
    }

    /** The events of {@code session} (the size index is not plain, so snapshots skip it). */
    static ClientEvents of(ResumableSession session) {
        Map<String, Object> data = session.data();
        return (ClientEvents) data.computeIfAbsent(SIZES_KEY, k -> new ClientEvents(data));
    }

    /** Records one event, dropping the oldest beyond the bounds. */
    void add(String name, List<Object> args) {
        List<Object> event = List.of(name, args);
        int size = Mdsf.stringify(event).length();
        if (size > MAX_CHARS) {
            return;
        }
        lock.lock();
        try {
            List<Object> kept = new ArrayList<>(events(userData));
            kept.add(event);
            sizes.addLast(size);
            chars += size;
            int drop = 0;
            while (kept.size() - drop > MAX_EVENTS || chars > MAX_CHARS) {
                chars -= sizes.removeFirst();
                drop++;
            }
            userData.put(KEY, List.copyOf(kept.subList(drop, kept.size())));
        } finally {
            lock.unlock();
        }
    }

    /** {@code [name, args]} of each kept event, oldest first. */
    List<Object> list() {
        return events(userData);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> events(Map<String, Object> userData) {
        return userData.get(KEY) instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
