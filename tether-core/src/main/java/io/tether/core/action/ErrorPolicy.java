package io.tether.core.action;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error policy of every handler run (actions, JSTP methods, client events): a
 * {@link TetherException} is answered as it is (its message reaches the client); anything
 * else — any other exception, with or without a cause, and any {@link Error} including
 * {@code StackOverflowError} and {@code OutOfMemoryError} — is answered
 * {@link ErrorCode#INTERNAL_ERROR} with the text {@code internal error (ref 3f9a1c2e)} and its
 * stack trace is logged once at WARN (ERROR for a {@link VirtualMachineError}) with the same
 * ref. Stateless; safe from any thread.
 */
public final class ErrorPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPolicy.class);
    /** The start of the text a client reads for an unexpected failure. */
    public static final String INTERNAL_TEXT = "internal error";

    private ErrorPolicy() {
    }

    /**
     * The error a client sees for {@code failure} of the run named {@code what} (completion
     * wrappers are unwrapped first); logs the unexpected ones.
     */
    public static TetherException toClient(Throwable failure, String what) {
        Throwable t = unwrap(failure);
        if (t instanceof TetherException te) {
            return te;
        }
        String ref = ref();
        try {
            if (t instanceof VirtualMachineError) {
                LOG.error("{} failed (ref {}): {}", what, ref, t.getClass().getName(), t);
            } else {
                LOG.warn("{} failed (ref {})", what, ref, t);
            }
        } catch (Throwable logFailed) {
            // an Error that cannot even be logged (e.g. no heap left): the answer still goes out
        }
        return new TetherException(ErrorCode.INTERNAL_ERROR, INTERNAL_TEXT + " (ref " + ref + ")");
    }

    /** A short random correlation id: 8 hex digits. */
    static String ref() {
        String hex = Integer.toHexString(ThreadLocalRandom.current().nextInt());
        return "00000000".substring(hex.length()) + hex;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
