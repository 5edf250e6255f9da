package org.cusax.media.dtmf;

import org.cusax.media.MalformedPacketException;

/**
 * One RFC 4733 §2.3 telephone-event payload: event code, end bit, volume (0..63, in -dBm0) and duration
 * in RTP timestamp units.
 */
public record DtmfEvent(int event, boolean end, int volume, int duration) {
    /** Size of one event in a payload. */
    public static final int LENGTH = 4;
    private static final String DIGITS = "0123456789*#ABCD";

    public DtmfEvent {
        if (event < 0 || event > 255) {
            throw new IllegalArgumentException("event code must be 0..255, got " + event);
        }
        if (volume < 0 || volume > 63) {
            throw new IllegalArgumentException("volume must be 0..63, got " + volume);
        }
        if (duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("duration must be 0..65535, got " + duration);
        }
    }

    /** The event code for a DTMF digit (RFC 4733 §3.2: 0-9, * = 10, # = 11, A-D = 12-15). */
    public static int eventCode(char digit) {
        int code = DIGITS.indexOf(Character.toUpperCase(digit));
        if (code < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "' (use 0-9, *, #, A-D)");
        }
        return code;
    }

    /** True if {@code c} is a DTMF digit. */
    public static boolean isDigit(char c) {
        return DIGITS.indexOf(Character.toUpperCase(c)) >= 0;
    }

    /** True if this event is one of the 16 DTMF digits. */
    public boolean isDigit() {
        return event < DIGITS.length();
    }

    /** The digit this event stands for. */
    public char digit() {
        if (!isDigit()) {
            throw new IllegalStateException("event " + event + " is not a DTMF digit");
        }
        return DIGITS.charAt(event);
    }

    /** The 4-byte payload. */
    public byte[] encode() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** Reads the first event of a telephone-event payload (further redundant events are ignored). */
    public static DtmfEvent decode(byte[] payload) throws MalformedPacketException {
        if (payload == null || payload.length < LENGTH) {
            throw new MalformedPacketException("telephone-event payload needs " + LENGTH + " bytes, got "
                    + (payload == null ? 0 : payload.length));
        }
        int event = payload[0] & 0xFF;
        boolean end = (payload[1] & 0x80) != 0;
        int volume = payload[1] & 0x3F;
        int duration = ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF);
        return new DtmfEvent(event, end, volume, duration);
    }
}
