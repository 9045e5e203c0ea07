package org.vigia.processor.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;

/** Reads what {@link BinaryWriter} wrote, in the same order. */
public final class BinaryReader {
    private final byte[] buf;
    private int pos;

    public BinaryReader(byte[] buf) {
        this.buf = buf;
    }

    public BinaryReader(byte[] buf, int offset) {
        this.buf = buf;
        this.pos = offset;
    }

    private void need(int n) {
        if (pos + n > buf.length) {
            throw new SerializationException("truncated state record: needed " + n + " more bytes at " + pos);
        }
    }

    public int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public boolean bool() {
        return u8() != 0;
    }

    public long i64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFFL);
        }
        return v;
    }

    public double f64() {
        return Double.longBitsToDouble(i64());
    }

    public long var() {
        long z = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            z |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
            if (shift > 63) {
                throw new SerializationException("malformed varint in state record");
            }
        }
        return (z >>> 1) ^ -(z & 1);
    }

    public int varInt() {
        return Math.toIntExact(var());
    }

    public String str() {
        int n = varInt();
        if (n < 0) {
            return null;
        }
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Checks the leading version byte of a state record. */
    public BinaryReader version(int expected, String what) {
        int v = u8();
        if (v != expected) {
            throw new SerializationException(what + " state has codec version " + v + ", this build reads " + expected
                    + ": rebuild the state from the topics (see the stream-processor README, 'Resetting state')");
        }
        return this;
    }

    /** Checks the leading version byte of a state record that this build reads in several versions; returns it. */
    public int versionIn(int oldest, int newest, String what) {
        int v = u8();
        if (v < oldest || v > newest) {
            throw new SerializationException(what + " state has codec version " + v + ", this build reads " + oldest
                    + " to " + newest + ": rebuild the state from the topics (see the stream-processor README,"
                    + " 'Resetting state')");
        }
        return v;
    }

    public boolean done() {
        return pos >= buf.length;
    }
}
