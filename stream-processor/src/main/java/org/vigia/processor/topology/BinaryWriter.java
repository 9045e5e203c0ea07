package org.vigia.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small growable buffer for the topology's own binary state codecs: fixed-width longs and
 * doubles, zig-zag varints and length-prefixed UTF-8 strings. Not thread-safe; one per
 * encoding. Every codec starts with a version byte so state written by an older build stays
 * readable (or is refused with a clear error).
 */
public final class BinaryWriter {
    private byte[] buf;
    private int pos;

    public BinaryWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    public BinaryWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public BinaryWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    /** A big-endian long: sorts like the number when compared as unsigned bytes (for non-negative values). */
    public BinaryWriter i64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
        return this;
    }

    public BinaryWriter f64(double v) {
        return i64(Double.doubleToLongBits(v));
    }

    /** A zig-zag varint: small numbers of either sign take one or two bytes. */
    public BinaryWriter var(long v) {
        long z = (v << 1) ^ (v >> 63);
        ensure(10);
        while ((z & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((z & 0x7F) | 0x80);
            z >>>= 7;
        }
        buf[pos++] = (byte) z;
        return this;
    }

    /** A string or null. */
    public BinaryWriter str(String s) {
        if (s == null) {
            return var(-1);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        var(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Raw bytes without a length (for composite store keys). */
    public BinaryWriter raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, pos);
    }
}
