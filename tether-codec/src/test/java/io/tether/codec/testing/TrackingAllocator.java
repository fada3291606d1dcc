package io.tether.codec.testing;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out (the fuzz inputs and every
 * cumulation or copy a decoder allocates through {@code ctx.alloc()}), so that a harness can
 * check after the channel closed that each one was released: refCnt 0. Slices and retained
 * slices share their parent's count, so they are covered by the parent. One per input.
 *
 * <p>Test support shared with other modules' tests through tether-codec's test-jar (package
 * {@code io.tether.codec.testing}), e.g. tether-server's handshake fuzz target.
 */
public final class TrackingAllocator extends AbstractByteBufAllocator {
    private static final UnpooledByteBufAllocator UNPOOLED = new UnpooledByteBufAllocator(false, true);

    private final List<ByteBuf> handedOut = new ArrayList<>();

    /** An empty allocator (one per fuzz input). */
    public TrackingAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(UNPOOLED.heapBuffer(initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(UNPOOLED.directBuffer(initialCapacity, maxCapacity));
    }

    @Override
    public CompositeByteBuf compositeHeapBuffer(int maxNumComponents) {
        return track(super.compositeHeapBuffer(maxNumComponents));
    }

    @Override
    public CompositeByteBuf compositeDirectBuffer(int maxNumComponents) {
        return track(super.compositeDirectBuffer(maxNumComponents));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    private <B extends ByteBuf> B track(B buf) {
        handedOut.add(buf);
        return buf;
    }

    /** A tracked heap buffer holding a copy of {@code bytes[from, from+length)}. */
    public ByteBuf copyOf(byte[] bytes, int from, int length) {
        return heapBuffer(length, length).writeBytes(bytes, from, length);
    }

    /** How many buffers were handed out. */
    public int count() {
        return handedOut.size();
    }

    /**
     * Fails with an {@link AssertionError} (a finding, for a fuzz target) when a buffer handed out
     * is still referenced (refCnt above 0).
     */
    public void assertAllReleased(String what) {
        for (int i = 0; i < handedOut.size(); i++) {
            ByteBuf buf = handedOut.get(i);
            if (buf.refCnt() != 0) {
                throw new AssertionError(what + ": buffer " + i + " of " + handedOut.size()
                        + " still has refCnt " + buf.refCnt() + " after the channel closed (" + buf + ")");
            }
        }
    }
}
