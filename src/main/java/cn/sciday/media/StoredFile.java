package cn.sciday.media;

/** A stored file as other modules see it. {@code originalName} is sanitized for display. */
public record StoredFile(long id, FileKind kind, String contentType, long size, String originalName, String sha256,
        long ownerOrganizationId, Visibility visibility, boolean hasThumbnail) {
}
