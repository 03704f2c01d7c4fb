package cn.sciday.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.sciday.web.Actors;
import cn.sciday.web.NotFoundException;

/**
 * Serves stored files. The URLs are open to anonymous visitors; each file is checked here: a SCOPED file that the
 * visitor may not read is not found (404). Never served as HTML: the type comes from the detected kind, with
 * {@code nosniff}; images, PDF and video inline, office files as attachments. Byte ranges (video seeking) and
 * conditional requests (ETag = SHA-256) are answered by Spring MVC.
 */
@Controller
class MediaController {

    private final Media media;

    MediaController(Media media) {
        this.media = media;
    }

    @GetMapping("/media/{id}")
    ResponseEntity<Resource> file(@PathVariable long id) {
        StoredFile f = readable(id);
        return answer(f, new StoredContent(media, f, false), f.kind().inline(), f.originalName(),
                MediaType.parseMediaType(f.contentType()), f.size(), f.sha256());
    }

    @GetMapping("/media/{id}/thumbnail")
    ResponseEntity<Resource> thumbnail(@PathVariable long id) {
        StoredFile f = readable(id);
        if (!f.hasThumbnail()) {
            throw new NotFoundException("thumbnail of media " + id);
        }
        return answer(f, new StoredContent(media, f, true), true, thumbnailName(f.originalName()),
                MediaType.IMAGE_JPEG, -1, f.sha256() + "-t");
    }

    private StoredFile readable(long id) {
        if (!media.readableBy(Actors.current().orElse(null), id)) {
            throw new NotFoundException("media " + id);
        }
        return media.metadata(id).orElseThrow(() -> new NotFoundException("media " + id));
    }

    private static ResponseEntity<Resource> answer(StoredFile f, Resource body, boolean inline, String name,
            MediaType type, long length, String etag) {
        CacheControl cache = f.visibility() == Visibility.PUBLIC
                ? CacheControl.maxAge(Duration.ofDays(1)).cachePublic()
                : CacheControl.noCache().cachePrivate();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(type)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(inline, name))
                .cacheControl(cache)
                .eTag(etag);
        if (length >= 0) {
            answer.contentLength(length);
        }
        return answer.body(body);
    }

    static String thumbnailName(String original) {
        int dot = original.lastIndexOf('.');
        String stem = dot > 0 ? original.substring(0, dot) : original;
        return stem + "-thumbnail.jpg";
    }

    /** The stored content as a Resource that can be opened more than once (as byte ranges need). */
    private static final class StoredContent extends AbstractResource {

        private final Media media;
        private final StoredFile file;
        private final boolean thumbnail;

        StoredContent(Media media, StoredFile file, boolean thumbnail) {
            this.media = media;
            this.file = file;
            this.thumbnail = thumbnail;
        }

        @Override
        public String getDescription() {
            return (thumbnail ? "thumbnail of media " : "media ") + file.id();
        }

        @Override
        public InputStream getInputStream() {
            return thumbnail ? media.openThumbnail(file.id()) : media.open(file.id());
        }

        @Override
        public long contentLength() throws IOException {
            if (thumbnail) {
                return super.contentLength();
            }
            return file.size();
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getFilename() {
            return null;
        }
    }
}
