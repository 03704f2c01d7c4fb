package cn.sciday.media;

import java.time.Instant;

/** A row of {@code media_file}: what is stored, under which keys, for whom. */
record MediaFile(Long id, String storageKey, String thumbnailKey, long ownerOrganizationId, Long uploaderAccountId,
        String purpose, Visibility visibility, FileKind kind, String contentType, long sizeBytes,
        String originalName, String sha256, Instant createdAt) {

    StoredFile view() {
        return new StoredFile(id, kind, contentType, sizeBytes, originalName, sha256, ownerOrganizationId,
                visibility, thumbnailKey != null);
    }
}
