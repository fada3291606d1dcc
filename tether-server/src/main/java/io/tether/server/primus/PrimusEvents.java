package io.tether.server.primus;

import io.tether.api.RoomView;
import io.tether.api.TetherException;
import io.tether.codec.primus.PrimusInbound;
import io.tether.core.TetherCore;
import io.tether.core.action.ActionOutcome;
import io.tether.core.action.ErrorPolicy;
import io.tether.core.session.Session;
import io.tether.server.ApiVersion;
import io.tether.server.actionhero.ActionheroPayloads;
import io.tether.server.actionhero.PublicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps ActionHero's websocket events to the core, as actionhero's websocket server does:
 * {@code action} (its {@code params} are the call's only params: no sticky params over
 * WebSocket) to the {@link io.tether.core.action.ActionProcessor}; {@code roomAdd},
 * {@code roomLeave}, {@code roomView}, {@code say} to the {@link io.tether.core.room.RoomService};
 * {@code detailsView}, {@code documentation}, {@code file}; anything else is answered
 * {@code verb not found or not allowed (<event>)}. Each returns the reply's future (done at
 * once except for actions, files and rooms on a broker that may block). Stateless and
 * thread-safe: one instance serves a listener; called on the connection's event loop.
 */
final class PrimusEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PrimusEvents.class);
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final TetherCore core;
    private final Map<String, Object> documentation;
    private final PublicFiles files;

    PrimusEvents(TetherCore core, PrimusOptions options) {
        this.core = core;
        this.documentation = ActionheroPayloads.documentation(core.registry());
        this.files = new PublicFiles(options.publicDirectory());
    }

    /** Whether the event ends the connection ({@code quit}, {@code exit}). */
    static boolean isQuit(String event) {
        return "quit".equals(event) || "exit".equals(event);
    }

    /** Runs one request (not a quit) and returns its reply. */
    CompletableFuture<Map<String, Object>> run(Session session, PrimusInbound.Request r, Object messageId) {
        Map<String, Object> data = r.data();
        String event = r.event() == null ? "undefined" : r.event();
        return switch (event) {
            case "action" -> action(session, data.get("params"), messageId);
            case "file" -> file(data.get("file"), messageId);
            case "detailsView" -> done(PrimusReplies.verbOk(ActionheroPayloads.details(session, Map.of()), messageId));
            case "documentation" -> done(PrimusReplies.verbOk(documentation, messageId));
            case "roomAdd", "roomLeave", "roomView", "say" -> room(session, event, data, messageId);
            default -> done(PrimusReplies.verbError("verb not found or not allowed (" + event + ")", data, messageId));
        };
    }

    private CompletableFuture<Map<String, Object>> action(Session session, Object rawParams, Object messageId) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (rawParams instanceof Map<?, ?> m) {
            m.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        Object action = params.get("action");
        String name = action == null ? null : String.valueOf(action);
        return core.processor().process(session, name, ApiVersion.of(params.get("apiVersion")), params)
                .handle((outcome, failure) -> failure == null ? actionReply(outcome, messageId)
                        : PrimusReplies.action(Map.of(),
                                ErrorPolicy.toClient(failure, "action " + name + " on " + session).getMessage(),
                                messageId));
    }

    private static Map<String, Object> actionReply(ActionOutcome outcome, Object messageId) {
        return PrimusReplies.action(outcome.fields(), outcome.ok() ? null : outcome.error().getMessage(), messageId);
    }

    private CompletableFuture<Map<String, Object>> room(Session session, String event, Map<String, Object> data,
                                                       Object messageId) {
        Object rawRoom = data.remove("room");
        String room = rawRoom == null ? null : String.valueOf(rawRoom);
        CompletableFuture<?> done;
        try {
            done = switch (event) {
                case "roomAdd" -> core.rooms().join(session, room);
                case "roomLeave" -> core.rooms().leave(session, room);
                case "roomView" -> core.rooms().view(session, room);
                default -> core.rooms().say(session, room, sayText(data));
            };
        } catch (TetherException e) {
            return done(PrimusReplies.verbError(e.getMessage(), data, messageId));
        }
        return done.handle((result, failure) -> {
            if (failure == null) {
                return switch (event) {
                    case "roomAdd", "roomLeave" -> PrimusReplies.verbOk(true, messageId);
                    case "roomView" -> PrimusReplies.verbOk(ActionheroPayloads.roomView((RoomView) result), messageId);
                    default -> PrimusReplies.verbOk(null, messageId);
                };
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof TetherException e) {
                return PrimusReplies.verbError(e.getMessage(), data, messageId);
            }
            LOG.warn("room event {} failed unexpectedly", event, cause);
            return PrimusReplies.verbError(ErrorPolicy.INTERNAL_TEXT, data, messageId);
        });
    }

    /** The words after the room: the other fields' values joined by spaces (as ActionHero does). */
    private static String sayText(Map<String, Object> data) {
        List<String> words = new ArrayList<>();
        data.values().forEach(v -> words.add(v instanceof String s ? s : String.valueOf(v)));
        return words.isEmpty() ? null : String.join(" ", words);
    }

    private CompletableFuture<Map<String, Object>> file(Object requested, Object messageId) {
        Optional<Path> path = files.resolve(requested == null ? null : String.valueOf(requested));
        if (path.isEmpty()) {
            return done(PrimusReplies.file("that file is not found", null, null, null, null, messageId));
        }
        // reading a file blocks: on the workers, the reply hops back to the loop
        return CompletableFuture.supplyAsync(() -> readFile(path.get(), messageId), core.workers());
    }

    private static Map<String, Object> readFile(Path path, Object messageId) {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                return PrimusReplies.file("error reading file: over " + MAX_FILE_BYTES + " bytes", null, null, null,
                        null, messageId);
            }
            String mime = Optional.ofNullable(Files.probeContentType(path)).orElse("application/octet-stream");
            String content = Files.readString(path, StandardCharsets.UTF_8);
            return PrimusReplies.file(null, content, mime, size, Files.getLastModifiedTime(path).toMillis(),
                    messageId);
        } catch (IOException | RuntimeException e) {
            return PrimusReplies.file("error reading file: " + e.getMessage(), null, null, null, null, messageId);
        }
    }

    private static CompletableFuture<Map<String, Object>> done(Map<String, Object> reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
