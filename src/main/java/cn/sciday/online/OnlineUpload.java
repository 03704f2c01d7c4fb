package cn.sciday.online;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/**
 * A file someone sends (a video, a cover, a photo): its name as given and a way to open it. Opening streams from
 * where the container spooled the upload; nothing is held in memory whole.
 */
public record OnlineUpload(String originalName, Opener opener) {

    /** Opens the content; may be called more than once. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** The upload of a form field, or null when the field was left empty. */
    public static OnlineUpload of(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        return new OnlineUpload(file.getOriginalFilename(), file::getInputStream);
    }

    InputStream open() {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an upload", e);
        }
    }
}
