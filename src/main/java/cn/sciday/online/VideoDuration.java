package cn.sciday.online;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import cn.sciday.web.UserMessage;

/**
 * Reads an MP4's duration from its movie header ({@code moov/mvhd}) without loading the file: top-level boxes are
 * skipped (a seek on a file stream), so the header is found whether it sits before or after the media data.
 */
final class VideoDuration {

    private static final int MAX_BOXES = 100_000;

    private VideoDuration() {
    }

    /** The duration in milliseconds, or empty when the file has no readable movie header. */
    static OptionalLong millis(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 16 * 1024));
        try {
            return scan(in, -1, 0);
        } catch (EOFException e) {
            return OptionalLong.empty();
        }
    }

    /** Walks the boxes of one level; {@code limit} is the level's size in bytes, -1 for the whole file. */
    private static OptionalLong scan(DataInputStream in, long limit, int depth) throws IOException {
        long consumed = 0;
        int boxes = 0;
        while (limit < 0 || consumed < limit) {
            if (++boxes > MAX_BOXES) {
                return OptionalLong.empty();
            }
            byte[] header = new byte[8];
            int n = in.readNBytes(header, 0, 8);
            if (n < 8) {
                return OptionalLong.empty();
            }
            long size = ((header[0] & 0xffL) << 24) | ((header[1] & 0xffL) << 16) | ((header[2] & 0xffL) << 8)
                    | (header[3] & 0xffL);
            String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
            long headerLength = 8;
            if (size == 1) {
                size = in.readLong();
                headerLength = 16;
            } else if (size == 0) {
                if (limit < 0 && !"moov".equals(type)) {
                    return OptionalLong.empty();
                }
                size = limit < 0 ? Long.MAX_VALUE : limit - consumed;
            }
            if (size < headerLength) {
                return OptionalLong.empty();
            }
            long body = size - headerLength;
            if (depth == 0 && "moov".equals(type)) {
                return scan(in, body, 1);
            }
            if (depth == 1 && "mvhd".equals(type)) {
                if (body < 100 || body > 4096) {
                    return OptionalLong.empty();
                }
                byte[] box = in.readNBytes((int) body);
                return box.length < body ? OptionalLong.empty()
                        : header(new DataInputStream(new java.io.ByteArrayInputStream(box)));
            }
            in.skipNBytes(body);
            consumed += size;
        }
        return OptionalLong.empty();
    }

    /** mvhd (read whole): version, flags, (32 or 64 bit) creation and modification times, timescale, duration. */
    private static OptionalLong header(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        in.skipNBytes(3);
        long timescale;
        long duration;
        if (version == 1) {
            in.skipNBytes(16);
            timescale = in.readInt() & 0xffffffffL;
            duration = in.readLong();
        } else if (version == 0) {
            in.skipNBytes(8);
            timescale = in.readInt() & 0xffffffffL;
            duration = in.readInt() & 0xffffffffL;
            if (duration == 0xffffffffL) {
                return OptionalLong.empty();
            }
        } else {
            return OptionalLong.empty();
        }
        if (timescale == 0 || duration < 0) {
            return OptionalLong.empty();
        }
        if (duration > Long.MAX_VALUE / 1000) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
        return OptionalLong.of(duration * 1000 / timescale);
    }

    /** The duration as words in the reader's language: 5 分 01 秒 / 5 min 01 s, 45 秒 / 45 s. */
    static UserMessage message(long seconds) {
        long m = seconds / 60;
        long s = seconds % 60;
        return m == 0 ? UserMessage.of("online.duration.seconds", s)
                : UserMessage.of("online.duration.minutes", m, (s < 10 ? "0" : "") + s);
    }

    /** 5分01秒 / 45秒. */
    static String text(long seconds) {
        long m = seconds / 60;
        long s = seconds % 60;
        return m == 0 ? s + " 秒" : m + " 分 " + (s < 10 ? "0" : "") + s + " 秒";
    }
}
