package cn.sciday.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.sciday.media.FileKind;

/**
 * A notice (通知公告) as pages show it: title, document number (文号), issuing body (发布机构), date of issue, summary,
 * body text, an optional related link, its state and its attachments in order.
 */
public record NoticeView(long id, String title, String documentNumber, String issuer, LocalDate issuedOn,
        String summary, String body, String linkUrl, String linkText, NoticeStatus status,
        OffsetDateTime publishedAt, OffsetDateTime updatedAt, int version, List<Attachment> attachments) {

    public NoticeView {
        attachments = List.copyOf(attachments);
    }

    /** One attached file, served by the media module at {@code /media/{mediaId}}. */
    public record Attachment(long id, long mediaId, String label, AttachmentKind kind, String fileName,
            FileKind fileKind, long size) {

        /** The size as people read it: 12 KB, 1.5 MB. */
        public String sizeText() {
            if (size >= 1024 * 1024) {
                return String.format("%.1f MB", size / (1024.0 * 1024));
            }
            return Math.max(1, (size + 1023) / 1024) + " KB";
        }

        /** The usual file extension, upper case (PDF, DOCX). */
        public String typeText() {
            return fileKind.extensions().get(0).toUpperCase(java.util.Locale.ROOT);
        }
    }

    public boolean isPublished() {
        return status == NoticeStatus.PUBLISHED;
    }

    /** Paragraphs of the body (blank lines or single line breaks separate them). */
    public List<String> paragraphs() {
        return body == null ? List.of()
                : java.util.Arrays.stream(body.split("\\R+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
