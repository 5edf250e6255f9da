package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** XEP-0153 / XEP-0054 PHOTO: the picture's type comes from its own bytes, and its size is bounded. */
class AvatarTest {
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Test
    void pngJpegGifAndWebpAreReadFromTheirMagicBytes() {
        assertThat(Avatar.of(PNG)).get().extracting(Avatar::mimeType).isEqualTo("image/png");
        assertThat(Avatar.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains("image/jpeg");
        assertThat(Avatar.sniff("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
        assertThat(Avatar.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains("image/webp");
    }

    @Test
    void markupScriptsAndEmptyDataAreNoPicture() {
        assertThat(Avatar.of("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Avatar.of("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Avatar.of(new byte[0])).isEmpty();
        assertThat(Avatar.of(null)).isEmpty();
        assertThat(Avatar.of(new byte[] {(byte) 0x89, 'P', 'N'})).as("truncated magic").isEmpty();
    }

    @Test
    void aPictureOverTheBoundIsNotKept() {
        byte[] big = new byte[Avatar.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(Avatar.of(big)).isEmpty();
        assertThat(Avatar.of(java.util.Arrays.copyOf(big, Avatar.MAX_BYTES))).isPresent();
    }

    @Test
    void theDataUrlCarriesTheCheckedTypeAndTheBytes() {
        Avatar a = Avatar.of(PNG).orElseThrow();
        assertThat(a.dataUrl()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG));
        assertThat(a.size()).isEqualTo(PNG.length);
        byte[] copy = a.data();
        copy[0] = 0;
        assertThat(a.data()[0]).as("immutable").isEqualTo((byte) 0x89);
    }
}
