package io.tether.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

/**
 * The allocator of an upgraded WebSocket connection: the channel's own pooled allocator, except
 * that a buffer that may be either kind ({@link #buffer()}) is a heap buffer. Netty's frame codecs
 * copy every payload into such a buffer (inbound to unmask it, outbound behind the frame header)
 * and then scan or copy it byte-wise (unmasking, UTF-8 validation, decoding); without
 * {@code sun.misc.Unsafe} (the default on JDK 25) each byte of a direct buffer is a checked
 * memory-segment access, of a heap buffer an array access. The transport's own I/O buffers
 * ({@link #ioBuffer()}, reads) and the direct copy of what is written stay direct, so the socket
 * calls are unchanged. Stateless apart from the delegate; shared by the listener's connections.
 */
final class HeapFirstAllocator implements ByteBufAllocator {
    private final ByteBufAllocator pooled;

    HeapFirstAllocator(ByteBufAllocator pooled) {
        this.pooled = pooled;
    }

    /** The allocator this one hands out buffers from. */
    ByteBufAllocator pooled() {
        return pooled;
    }

    @Override
    public ByteBuf buffer() {
        return pooled.heapBuffer();
    }

    @Override
    public ByteBuf buffer(int initialCapacity) {
        return pooled.heapBuffer(initialCapacity);
    }

    @Override
    public ByteBuf buffer(int initialCapacity, int maxCapacity) {
        return pooled.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public ByteBuf ioBuffer() {
        return pooled.ioBuffer();
    }

    @Override
    public ByteBuf ioBuffer(int initialCapacity) {
        return pooled.ioBuffer(initialCapacity);
    }

    @Override
    public ByteBuf ioBuffer(int initialCapacity, int maxCapacity) {
        return pooled.ioBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public ByteBuf heapBuffer() {
        return pooled.heapBuffer();
    }

    @Override
    public ByteBuf heapBuffer(int initialCapacity) {
        return pooled.heapBuffer(initialCapacity);
    }

    @Override
    public ByteBuf heapBuffer(int initialCapacity, int maxCapacity) {
        return pooled.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public ByteBuf directBuffer() {
        return pooled.directBuffer();
    }

    @Override
    public ByteBuf directBuffer(int initialCapacity) {
        return pooled.directBuffer(initialCapacity);
    }

    @Override
    public ByteBuf directBuffer(int initialCapacity, int maxCapacity) {
        return pooled.directBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public CompositeByteBuf compositeBuffer() {
        return pooled.compositeHeapBuffer();
    }

    @Override
    public CompositeByteBuf compositeBuffer(int maxNumComponents) {
        return pooled.compositeHeapBuffer(maxNumComponents);
    }

    @Override
    public CompositeByteBuf compositeHeapBuffer() {
        return pooled.compositeHeapBuffer();
    }

    @Override
    public CompositeByteBuf compositeHeapBuffer(int maxNumComponents) {
        return pooled.compositeHeapBuffer(maxNumComponents);
    }

    @Override
    public CompositeByteBuf compositeDirectBuffer() {
        return pooled.compositeDirectBuffer();
    }

    @Override
    public CompositeByteBuf compositeDirectBuffer(int maxNumComponents) {
        return pooled.compositeDirectBuffer(maxNumComponents);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return pooled.isDirectBufferPooled();
    }

    @Override
    public int calculateNewCapacity(int minNewCapacity, int maxCapacity) {
        return pooled.calculateNewCapacity(minNewCapacity, maxCapacity);
    }

    @Override
    public String toString() {
        return "HeapFirstAllocator(" + pooled + ")";
    }
}
