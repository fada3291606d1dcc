package io.tether.core.room;

import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.TetherException;
import io.tether.core.limits.RequestLimiter;
import io.tether.core.session.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The says of the {@link RoomService} with a broker that {@link RoomBroker#asyncPublish()
 * publishes asynchronously} (Redis): a say's checks run on the caller's thread and its publish is
 * issued without waiting; the session's next room operation starts as soon as the publish is
 * issued, not when the broker answered, so several says of one session are in flight at once.
 * Their order still holds: each say runs after every earlier operation of the session (a say
 * after a join sees the membership), and the says of one session reach every member of a room in
 * call order. What changes shape is completion: the future of a say completes when the broker
 * answered, so an operation queued after a say starts before that answer and may complete before
 * it, and says in flight together may complete in another order when they fail (a timeout of
 * each). A say queued behind a pending operation starts on the core's workers.
 */
final class PipelinedSays {
    /** The service's checks of a say (arguments, membership, policy); throws a refusal. */
    @FunctionalInterface
    interface Check {
        RoomMessage message(Session s, RoomMembership m, String room, String text);
    }

    private final RoomBroker broker;
    private final RequestLimiter limiter;
    private final Executor workers;
    private final Check check;

    PipelinedSays(RoomBroker broker, RequestLimiter limiter, Executor workers, Check check) {
        this.broker = broker;
        this.limiter = limiter;
        this.workers = workers;
        this.check = check;
    }

    /**
     * Queued like every operation of the session, but what the queue waits for is the publish
     * being issued ({@code issued}), not its answer ({@code done}). Runs at once on the caller's
     * thread when nothing is pending, else on a worker when the previous operation finished
     * (never nested in the previous one's completion, so a long queue of says does not grow the
     * stack).
     */
    CompletableFuture<Void> say(Session session, String room, String text) {
        TetherException limited = limiter.admit(session);
        if (limited != null) {
            return CompletableFuture.failedFuture(limited);
        }
        RoomMembership m = session.membership();
        CompletableFuture<Void> issued = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<?> previous = m.enqueue(issued);
        if (previous == null || previous.isDone()) {
            publish(session, m, room, text, issued, done);
        } else {
            previous.whenComplete((r, e) -> {
                try {
                    workers.execute(() -> publish(session, m, room, text, issued, done));
                } catch (RejectedExecutionException stopping) {
                    m.release(issued);
                    issued.complete(null);
                    done.completeExceptionally(new TetherException(ErrorCode.SHUTTING_DOWN,
                            "the server is shutting down"));
                }
            });
        }
        return done;
    }

    private void publish(Session s, RoomMembership m, String room, String text,
                         CompletableFuture<Void> issued, CompletableFuture<Void> done) {
        CompletionStage<Void> answer;
        try {
            answer = broker.publishAsync(check.message(s, m, room, text));
        } catch (Throwable t) { // a refusal, or a policy's own exception: carried by the future
            m.release(issued);
            issued.complete(null);
            done.completeExceptionally(t);
            return;
        }
        m.release(issued);
        issued.complete(null);
        answer.whenComplete((ok, error) -> {
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(RoomService.unwrapped(error));
            }
        });
    }
}
