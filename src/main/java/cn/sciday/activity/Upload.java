package cn.sciday.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.InputStreamSource;

/**
 * A file someone uploads: the name it had on their computer and its content (a {@code MultipartFile} is an
 * {@link InputStreamSource}). What it really is, is decided from the content by the media module.
 */
public record Upload(String name, InputStreamSource content) {

    /** Opens the content; the caller closes it. */
    public InputStream open() {
        try {
            return content.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an upload", e);
        }
    }
}
