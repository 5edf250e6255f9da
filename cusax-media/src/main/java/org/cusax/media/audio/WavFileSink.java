package org.cusax.media.audio;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Records frames into a RIFF/WAVE file, 8 kHz mono 16-bit PCM. The header is written first with
 * placeholder sizes and completed on {@link #close()}, so the file can be recorded for any length.
 * Thread-safe: frames may be written by the media thread while another thread closes the sink.
 */
public final class WavFileSink implements AudioSink {
    /** The canonical WAVE header before the samples: what a recording still being written holds beyond its audio. */
    public static final int HEADER_BYTES = 44;
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 36;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final OutputStream out;
    private final byte[] buffer = new byte[Pcm.FRAME_SAMPLES * 2];
    private long dataBytes;
    private boolean closed;

    private WavFileSink(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(openOwnerOnly(file));
        out.write(header(0));
    }

    /**
     * A recording is a private conversation: the file is created readable and writable by its owner only
     * (mode 600, like the history), and a file it replaces is narrowed to that first.
     *
     * <p>The samples go through a {@link FileOutputStream}, not an NIO channel: frames are written on the media
     * thread, which is interrupted when its call ends, and an interrupt during a channel write closes the channel
     * for good (an {@code InterruptibleChannel}): the recording would lose its tail and keep its placeholder header,
     * read back as empty.
     */
    private static OutputStream openOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            } else {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (FileAlreadyExistsException e) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY); // made meanwhile: narrowed as well
                }
            }
        }
        return new FileOutputStream(file.toFile()); // truncates
    }

    /** Creates (or replaces) {@code file}, readable by its owner only. */
    public static WavFileSink create(Path file) throws IOException {
        return new WavFileSink(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void write(short[] frame) {
        Pcm.requireFrame(frame);
        if (closed || dataBytes + buffer.length > MAX_DATA_BYTES) {
            return;
        }
        for (int i = 0; i < frame.length; i++) {
            buffer[2 * i] = (byte) frame[i];
            buffer[2 * i + 1] = (byte) (frame[i] >> 8);
        }
        try {
            out.write(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file.getFileName() + " failed", e);
        }
        dataBytes += buffer.length;
    }

    /**
     * Writes what is buffered and completes the header. Should the last write fail, the header still describes
     * the samples that reached the file (a readable recording of what there is), and the failure is thrown after.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failed = null;
        try {
            out.close();
        } catch (IOException e) {
            failed = e;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long onDisk = Math.max(0, raf.length() - HEADER_BYTES);
            raf.seek(0);
            raf.write(header(Math.min(dataBytes, onDisk - onDisk % 2)));
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** The 44-byte canonical WAVE header for {@code dataBytes} of 8 kHz mono 16-bit PCM. */
    static byte[] header(long dataBytes) {
        byte[] h = new byte[HEADER_BYTES];
        ascii(h, 0, "RIFF");
        le32(h, 4, 36 + dataBytes);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        le32(h, 16, 16);
        le16(h, 20, 1);
        le16(h, 22, 1);
        le32(h, 24, Pcm.SAMPLE_RATE);
        le32(h, 28, Pcm.SAMPLE_RATE * 2L);
        le16(h, 32, 2);
        le16(h, 34, 16);
        ascii(h, 36, "data");
        le32(h, 40, dataBytes);
        return h;
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void le32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * i));
        }
    }
}
