package cn.sciday.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where file contents live, by opaque key (a random UUID). The default keeps them on the file system under
 * {@code sciday.media.dir}; an S3-compatible store can implement the same interface (declare it as a bean and the
 * file-system one steps back). Implementations stream: nothing is held in memory whole.
 */
public interface FileStorage {

    /** Stores the stream under a new key; fails if the key exists. Returns the number of bytes written. */
    long put(String key, InputStream content) throws IOException;

    /** Opens a stored content for reading; the caller closes it. Throws {@link java.nio.file.NoSuchFileException}. */
    InputStream get(String key) throws IOException;

    /** Removes a content; no error if it is already gone. */
    void delete(String key) throws IOException;

    /** Whether a content exists under the key. */
    boolean exists(String key) throws IOException;
}
