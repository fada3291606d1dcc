package io.tether.core.action;

import io.tether.api.Cache;
import io.tether.api.ErrorCode;
import io.tether.api.MethodContext;
import io.tether.api.Rooms;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpMethod;
import io.tether.core.session.Session;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One JSTP-method run: what the pipeline drives ({@link CallPipeline.Call}: middleware, the
 * handler's stage, middleware) and the {@link MethodContext} the handler and middleware see,
 * in one object; also the context of a client event (then without a method). The handler may
 * complete its stage on any thread; the fields it sets are volatile or final.
 */
final class MethodRun extends CallRun implements MethodContext, CallPipeline.Call<MethodOutcome> {
    private final MethodCall call;
    private final JstpMethod method;
    private final Middleware middleware;
    private volatile CompletionStage<?> body;
    private volatile boolean aborted;

    MethodRun(MethodCall call, JstpMethod method, Middleware middleware, Session session, Rooms rooms, Cache cache,
              long deadlineNanos) {
        super(session, rooms, cache, deadlineNanos);
        this.call = call;
        this.method = method;
        this.middleware = middleware;
    }

    @Override
    public String iface() {
        return call.iface();
    }

    @Override
    public String member() {
        return call.member();
    }

    @Override
    public List<Object> args() {
        return Collections.unmodifiableList(call.args());
    }

    @Override
    public Object arg(int i) {
        return call.args().get(i);
    }

    @Override
    public void abortTransport() {
        aborted = true;
        call.abort().run();
    }

    @Override
    public String what() {
        return "method " + name();
    }

    @Override
    public boolean nonBlocking() {
        return method.nonBlocking();
    }

    @Override
    public boolean async() {
        return true;
    }

    @Override
    public MethodOutcome runSync(long deadlineNanos) {
        throw new UnsupportedOperationException("methods answer through a stage");
    }

    @Override
    public CompletionStage<MethodOutcome> startAsync(long deadlineNanos) {
        deadline(deadlineNanos);
        TetherException refused = middleware.before(this);
        if (refused != null) {
            return CompletableFuture.completedFuture(finish(null, refused));
        }
        CompletionStage<? extends List<?>> stage;
        try {
            stage = method.handler().handle(this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(finish(null,
                    new TetherException(ErrorCode.ACTION_TIMEOUT, "the method " + name() + " was interrupted")));
        } catch (Throwable t) {
            return CompletableFuture.completedFuture(finish(null, ErrorPolicy.toClient(t, what())));
        }
        if (stage == null) {
            return CompletableFuture.completedFuture(finish(List.of(), null));
        }
        CompletableFuture<? extends List<?>> f = stage.toCompletableFuture();
        if (f.isDone() && !f.isCompletedExceptionally()) { // the common, synchronous case: no extra stage
            return CompletableFuture.completedFuture(finish(f.join(), null));
        }
        body = stage;
        return stage.handle((r, e) -> e == null ? finish(r, null) : finish(null, failure(e)));
    }

    /** A cancelled stage (by the deadline, or by the method itself) is no error to log. */
    private TetherException failure(Throwable e) {
        if (e instanceof CancellationException || e.getCause() instanceof CancellationException) {
            return new TetherException(ErrorCode.ACTION_TIMEOUT, "the method " + name() + " was cancelled");
        }
        return ErrorPolicy.toClient(e, what());
    }

    @Override
    public void cancel() {
        CompletionStage<?> s = body;
        if (s != null) {
            try {
                s.toCompletableFuture().cancel(true);
            } catch (RuntimeException unsupported) {
                // a stage that is not a future cannot be cancelled; its late answer is ignored
            }
        }
    }

    private MethodOutcome finish(List<?> results, TetherException error) {
        TetherException last = middleware.after(this, error);
        @SuppressWarnings("unchecked") // the results are only read (serialized)
        List<Object> out = last != null || results == null ? List.of() : (List<Object>) results;
        return new MethodOutcome(out, last, aborted);
    }

    @Override
    public MethodOutcome failed(TetherException error) {
        return MethodOutcome.failure(error);
    }

    @Override
    public String timeoutText(long millis) {
        return "the method timed out after " + millis + " ms";
    }
}
