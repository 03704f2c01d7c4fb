package cn.sciday.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.UserMessage;

/**
 * The media module's facade: stores an upload after checking its content (type by magic bytes, size counted while
 * streaming, no web pages or scripts, a name that does not contradict the content), with a thumbnail for images;
 * reads, scopes and deletes stored files. A refused upload leaves nothing behind: no row, no file.
 */
@Service
public class Media {

    private static final Logger log = LoggerFactory.getLogger(Media.class);
    private static final int BUFFER = 64 * 1024;

    private final MediaRepository repo;
    private final FileStorage storage;
    private final Organizations organizations;
    private final Path spool;
    private final Clock clock;

    Media(MediaRepository repo, FileStorage storage, Organizations organizations,
            MediaConfiguration.Directories directories, Clock clock) {
        this.repo = repo;
        this.storage = storage;
        this.organizations = organizations;
        this.spool = directories.spool();
        this.clock = clock;
    }

    /**
     * Checks and stores an upload for an organization. {@code allowed} are the kinds the caller accepts and
     * {@code maxBytes} its size limit, counted on the bytes actually received. Refusals are
     * {@link InvalidInputException}s on the field {@code file} with a Chinese message; nothing is stored then. In
     * the caller's transaction: if it rolls back, the stored contents are removed too.
     */
    @Transactional
    public StoredFile store(Actor uploader, long ownerOrganizationId, String purpose, Visibility visibility,
            String originalName, InputStream content, Set<FileKind> allowed, long maxBytes) {
        if (allowed == null || allowed.isEmpty() || maxBytes <= 0 || visibility == null || purpose == null
                || purpose.isBlank() || content == null) {
            throw new IllegalArgumentException("store needs a purpose, a visibility, allowed kinds and a size limit");
        }
        if (uploader != null && uploader.isStaff() && !organizations.canSee(uploader, ownerOrganizationId)) {
            throw new NotFoundException("organization " + ownerOrganizationId);
        }
        String name = FileNames.sanitize(originalName);
        Spooled upload = spool(content, maxBytes);
        try {
            FileKind kind = ContentInspector.detect(upload.head(), upload.path(), allowed);
            if (!allowed.contains(kind)) {
                throw ContentInspector.refuse("media.error.kindNotAccepted", ContentInspector.label(kind),
                        ContentInspector.allowedSentence(allowed));
            }
            ContentInspector.checkExtension(name, kind);
            byte[] thumbnail = kind.isImage() ? Thumbnails.make(upload.path(), kind) : null;
            return save(uploader, ownerOrganizationId, purpose.strip(), visibility, name, upload, kind, thumbnail);
        } finally {
            deleteQuietly(upload.path());
        }
    }

    private StoredFile save(Actor uploader, long owner, String purpose, Visibility visibility, String name,
            Spooled upload, FileKind kind, byte[] thumbnail) {
        List<String> written = new ArrayList<>();
        removeOnRollback(written);
        String key = UUID.randomUUID().toString();
        String thumbnailKey = thumbnail == null ? null : UUID.randomUUID().toString();
        try {
            try (InputStream in = Files.newInputStream(upload.path())) {
                written.add(key);
                storage.put(key, in);
            }
            if (thumbnail != null) {
                written.add(thumbnailKey);
                storage.put(thumbnailKey, new ByteArrayInputStream(thumbnail));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an upload", e);
        }
        MediaFile file = new MediaFile(null, key, thumbnailKey, owner, uploader == null ? null : uploader.accountId(),
                purpose.length() > 64 ? purpose.substring(0, 64) : purpose, visibility, kind, kind.contentType(),
                upload.size(), name, upload.sha256(), clock.instant());
        long id = repo.insert(file);
        log.info("Stored {} {} ({} bytes) for organization {} as file {}", kind, purpose, upload.size(), owner, id);
        return repo.findById(id).orElseThrow().view();
    }

    /** The stored file's metadata, if it exists (no scoping: check {@link #readableBy} before showing it). */
    @Transactional(readOnly = true)
    public Optional<StoredFile> metadata(long id) {
        return repo.findById(id).map(MediaFile::view);
    }

    /** Opens the content; the caller closes the stream. 404 when the file does not exist. */
    public InputStream open(long id) {
        return open(file(id).storageKey(), id);
    }

    /** Opens the JPEG thumbnail of an image; 404 when there is none. */
    public InputStream openThumbnail(long id) {
        MediaFile f = file(id);
        if (f.thumbnailKey() == null) {
            throw new NotFoundException("thumbnail of media " + id);
        }
        return open(f.thumbnailKey(), id);
    }

    /** PUBLIC files: anyone (also {@code null}, an anonymous visitor); SCOPED: those whose scope covers the owner. */
    @Transactional(readOnly = true)
    public boolean readableBy(Actor actorOrNull, long id) {
        return repo.findById(id).map(f -> f.visibility() == Visibility.PUBLIC
                || (actorOrNull != null && organizations.canSee(actorOrNull, f.ownerOrganizationId())))
                .orElse(false);
    }

    /**
     * Deletes a file: the owning organization's staff, the uploader or the city may; others who can see it get 403,
     * those who cannot see it 404. Contents are removed once the transaction commits.
     */
    @Transactional
    public void delete(Actor actor, long id) {
        MediaFile f = repo.findById(id).orElseThrow(() -> new NotFoundException("media " + id));
        boolean visible = f.visibility() == Visibility.PUBLIC || organizations.canSee(actor, f.ownerOrganizationId());
        if (!visible) {
            throw new NotFoundException("media " + id);
        }
        boolean owner = actor.isStaff() && actor.organizationId() != null
                && actor.organizationId() == f.ownerOrganizationId();
        boolean uploader = f.uploaderAccountId() != null && f.uploaderAccountId() == actor.accountId();
        if (!owner && !uploader && !actor.isCityAdmin()) {
            throw new ForbiddenException("media.error.deleteForbidden");
        }
        repo.delete(id);
        List<String> keys = new ArrayList<>(List.of(f.storageKey()));
        if (f.thumbnailKey() != null) {
            keys.add(f.thumbnailKey());
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keys.forEach(Media.this::removeQuietly);
            }
        });
    }

    private MediaFile file(long id) {
        return repo.findById(id).orElseThrow(() -> new NotFoundException("media " + id));
    }

    private InputStream open(String key, long id) {
        try {
            return storage.get(key);
        } catch (java.nio.file.NoSuchFileException e) {
            log.error("Media {} has a row but no content under key {}", id, key);
            throw new NotFoundException("media content " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void removeOnRollback(List<String> keys) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    keys.forEach(Media.this::removeQuietly);
                }
            }
        });
    }

    private void removeQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove stored content {}: {}", key, e.toString());
        }
    }

    /** An upload copied to a temporary file while its size is counted and its SHA-256 computed. */
    private record Spooled(Path path, long size, String sha256, byte[] head) {
    }

    private Spooled spool(InputStream content, long maxBytes) {
        Path temp;
        try {
            Files.createDirectories(spool);
            temp = Files.createTempFile(spool, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + spool, e);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[ContentInspector.HEAD_BYTES];
            int headLength = 0;
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                int n;
                while ((n = content.read(buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw ContentInspector.refuse("media.error.tooLarge", humanSize(maxBytes));
                    }
                    if (headLength < head.length) {
                        int copy = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw ContentInspector.refuse("media.error.empty");
            }
            return new Spooled(temp, total, HexFormat.of().formatHex(sha.digest()),
                    java.util.Arrays.copyOf(head, headLength));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot receive an upload", e);
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(temp);
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** "2 KB", "1.5 MB", "1 GB"; below 1 KB a message ("300 字节", "300 bytes"). */
    static Object humanSize(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 1024L * 1024) {
            double mb = bytes / (1024.0 * 1024);
            return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format("%.1f", mb)) + " MB";
        }
        if (bytes >= 1024) {
            return bytes / 1024 + " KB";
        }
        return UserMessage.of("media.size.bytes", bytes);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not remove the spool file {}: {}", path, e.toString());
        }
    }
}
