package io.tether.codec.mdsf;

/**
 * An mdsf text refused because it is over one of the reader's {@link MdsfLimits}: too many
 * elements or a number literal too long (not for nesting depth, a plain syntax error as
 * before). A {@link MdsfSyntaxException}, so callers that reject syntax errors reject these
 * the same way; callers that count refusals can tell them apart by type.
 */
public final class MdsfLimitException extends MdsfSyntaxException {
    private static final long serialVersionUID = 1L;

    /** Creates a limit error at {@code position} with a short reason naming the limit. */
    public MdsfLimitException(String reason, int position) {
        super(reason, position);
    }
}
