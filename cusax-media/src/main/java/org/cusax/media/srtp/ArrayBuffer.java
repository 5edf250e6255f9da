package org.cusax.media.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/** The growable byte window jitsi-srtp transforms in place. */
final class ArrayBuffer implements ByteArrayBuffer {
    private byte[] buffer;
    private int offset;
    private int length;

    ArrayBuffer(byte[] data, int spare) {
        this.buffer = new byte[data.length + spare];
        System.arraycopy(data, 0, buffer, 0, data.length);
        this.length = data.length;
    }

    byte[] toArray() {
        byte[] out = new byte[length];
        System.arraycopy(buffer, offset, out, 0, length);
        return out;
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        if (len < 0 || offset + len > buffer.length) {
            throw new IllegalArgumentException("length " + len + " outside the buffer");
        }
        length = len;
    }

    @Override
    public void setOffset(int off) {
        if (off < 0 || off > buffer.length) {
            throw new IllegalArgumentException("offset " + off + " outside the buffer");
        }
        offset = off;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        System.arraycopy(buffer, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (buffer.length - offset - length < howMuch) {
            byte[] bigger = new byte[length + howMuch];
            System.arraycopy(buffer, offset, bigger, 0, length);
            buffer = bigger;
            offset = 0;
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
