package org.cusax.core.contact;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A contact's picture (vCard PHOTO, XEP-0054 / XEP-0153), bounded in size, whose type is read from the image's
 * own first bytes (PNG, JPEG, GIF or WebP), never taken from the vCard's TYPE: a page may show it as a
 * {@code data:} URL without the risk of markup (SVG) or a script posing as an image.
 */
public final class Avatar {
    /** Largest picture kept (decoded bytes); a larger one is not shown. */
    public static final int MAX_BYTES = 64 * 1024;

    private final String mimeType;
    private final byte[] data;

    private Avatar(String mimeType, byte[] data) {
        this.mimeType = mimeType;
        this.data = data;
    }

    /** The picture, when {@code data} is a PNG, JPEG, GIF or WebP image of at most {@link #MAX_BYTES}. */
    public static Optional<Avatar> of(byte[] data) {
        if (data == null || data.length == 0 || data.length > MAX_BYTES) {
            return Optional.empty();
        }
        return sniff(data).map(type -> new Avatar(type, data.clone()));
    }

    static Optional<String> sniff(byte[] d) {
        if (starts(d, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(d, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(d, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(d, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (starts(d, 0, 'R', 'I', 'F', 'F') && starts(d, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] d, int offset, int... magic) {
        if (d.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((d[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/webp}. */
    public String mimeType() {
        return mimeType;
    }

    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    /** {@code data:image/png;base64,…}. */
    public String dataUrl() {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Avatar a && a.mimeType.equals(mimeType) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * mimeType.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Avatar[" + mimeType + ", " + data.length + " bytes]";
    }
}
