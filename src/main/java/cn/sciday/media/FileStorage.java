package cn.sciday.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where file contents live, by opaque key (a random UUID). {@code sciday.media.store} chooses: {@code filesystem}
 * (default) keeps them under {@code sciday.media.dir}; {@code s3} in an S3-compatible object store
 * ({@link S3Storage}), which several instances share. Implementations stream: nothing is held in memory whole.
 */
public interface FileStorage {

    /** Stores the stream under a new key; fails if the key exists. Returns the number of bytes written. */
    long put(String key, InputStream content) throws IOException;

    /** Opens a stored content for reading; the caller closes it. Throws {@link java.nio.file.NoSuchFileException}. */
    InputStream get(String key) throws IOException;

    /**
     * Opens {@code length} bytes from {@code offset} (fewer at the end of the content). The default skips through
     * {@link #get}; a remote store asks for the range only.
     */
    default InputStream getRange(String key, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("range " + offset + "+" + length);
        }
        InputStream in = get(key);
        try {
            in.skipNBytes(offset);
        } catch (java.io.EOFException e) {
            // past the end: an empty range
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BoundedInputStream(in, length);
    }

    /** Removes a content; no error if it is already gone. */
    void delete(String key) throws IOException;

    /** Whether a content exists under the key. */
    boolean exists(String key) throws IOException;
}
