package cn.sciday.online;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.sciday.media.FileKind;
import cn.sciday.media.Media;
import cn.sciday.media.StoredFile;
import cn.sciday.media.Visibility;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

/**
 * The online module's use of the media module: stores uploads (checked by content) with the refusal put on the
 * form's own field, removes replaced files, and serves files of entries this module has decided a visitor may see
 * (videos and photos are stored SCOPED and shown publicly only once approved).
 */
@Component
class OnlineMedia {

    static final Set<FileKind> IMAGES = Set.of(FileKind.JPEG, FileKind.PNG);
    static final Set<FileKind> VIDEOS = Set.of(FileKind.MP4);
    static final long IMAGE_MAX_BYTES = 10L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(OnlineMedia.class);

    private final Media media;
    private final Organizations organizations;

    OnlineMedia(Media media, Organizations organizations) {
        this.media = media;
        this.organizations = organizations;
    }

    /** Stores an upload; a refusal names {@code field} (the form's field) instead of the media module's "file". */
    StoredFile store(Actor uploader, long ownerOrganizationId, String purpose, Visibility visibility,
            OnlineUpload upload, Set<FileKind> kinds, long maxBytes, String field) {
        try (InputStream in = upload.open()) {
            return media.store(uploader, ownerOrganizationId, purpose, visibility, upload.originalName(), in, kinds,
                    maxBytes);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new InvalidInputException.Problem(field, p.reason())).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    InputStream open(long mediaId) {
        return media.open(mediaId);
    }

    /** Removes a file this module no longer refers to (a replaced cover or video), once the change commits. */
    void remove(Long mediaId) {
        if (mediaId == null) {
            return;
        }
        try {
            Actor system = new Actor(0, "system", "系统", Role.CITY_ADMIN, organizations.city().id(), true);
            media.delete(system, mediaId);
        } catch (RuntimeException e) {
            log.warn("Could not remove replaced media {}: {}", mediaId, e.toString());
        }
    }

    /**
     * Answers a stored file inline, with byte ranges (video seeking) and an ETag. {@code published}: cached publicly
     * for an hour (an approved entry); otherwise private and revalidated.
     */
    ResponseEntity<Resource> serve(long mediaId, boolean thumbnail, boolean published) {
        StoredFile f = media.metadata(mediaId).orElseThrow(() -> new NotFoundException("media " + mediaId));
        if (thumbnail && !f.hasThumbnail()) {
            thumbnail = false;
        }
        boolean thumb = thumbnail;
        Resource body = new AbstractResource() {
            @Override
            public String getDescription() {
                return "online media " + mediaId;
            }

            @Override
            public InputStream getInputStream() {
                return thumb ? media.openThumbnail(mediaId) : media.open(mediaId);
            }

            @Override
            public long contentLength() throws java.io.IOException {
                return thumb ? super.contentLength() : f.size();
            }

            @Override
            public boolean exists() {
                return true;
            }

            @Override
            public String getFilename() {
                return null;
            }
        };
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(thumb ? MediaType.IMAGE_JPEG : MediaType.parseMediaType(f.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .cacheControl(published ? CacheControl.maxAge(Duration.ofHours(1)).cachePublic()
                        : CacheControl.noCache().cachePrivate())
                .eTag(f.sha256() + (thumb ? "-t" : ""));
        if (!thumb) {
            answer.contentLength(f.size());
        }
        return answer.body(body);
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
