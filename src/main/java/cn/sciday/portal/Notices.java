package cn.sciday.portal;

import java.io.InputStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.media.FileKind;
import cn.sciday.media.Media;
import cn.sciday.media.StoredFile;
import cn.sciday.media.Visibility;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/**
 * Notices (通知公告): city admins write, publish and unpublish them and attach files (stored by the media module
 * as PUBLIC: PDF, Word, Excel, JPEG, PNG); the public reads the published ones. Every change publishes
 * {@link NoticeChanged} (the portal's caches listen) and an {@link AuditEvent}.
 */
@Service
public class Notices {

    /** The kinds of file a notice may carry. */
    public static final Set<FileKind> ATTACHMENT_KINDS = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX,
            FileKind.JPEG, FileKind.PNG);
    public static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    private final NoticeRepository repo;
    private final Media media;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notices(NoticeRepository repo, Media media, Organizations organizations, ApplicationEventPublisher events,
            Clock clock) {
        this.repo = repo;
        this.media = media;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    // ---- the public -------------------------------------------------------------------------------------------

    /** Published notices, newest first. */
    @Transactional(readOnly = true)
    public List<NoticeView> published() {
        return repo.published();
    }

    /** A published notice; empty for a draft, an unpublished notice or an unknown id. */
    @Transactional(readOnly = true)
    public Optional<NoticeView> findPublished(long id) {
        return repo.find(id).filter(NoticeView::isPublished);
    }

    // ---- city admins ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<NoticeView> all(Actor actor) {
        requireCity(actor);
        return repo.all();
    }

    @Transactional(readOnly = true)
    public NoticeView get(Actor actor, long id) {
        requireCity(actor);
        return load(id);
    }

    /** Saves a new notice as a draft. */
    @Transactional
    public NoticeView create(Actor actor, NoticeForm form) {
        requireCity(actor);
        return create(form, actor.accountId());
    }

    NoticeView create(NoticeForm form, long createdBy) {
        NoticeForm f = check(form);
        long id = repo.insert(f, createdBy, clock.instant());
        changed(id, f.title(), "CREATED", createdBy);
        return load(id);
    }

    /** Edits a notice in any state (corrections to a published one show at once). */
    @Transactional
    public NoticeView edit(Actor actor, long id, NoticeForm form) {
        requireCity(actor);
        NoticeView current = load(id);
        NoticeForm f = check(form);
        int version = form.version() == null ? current.version() : form.version();
        if (!repo.update(id, f, version, clock.instant())) {
            throw new ConflictException("portal.notice.conflict.version");
        }
        changed(id, f.title(), "EDITED", actor.accountId());
        return load(id);
    }

    @Transactional
    public NoticeView publish(Actor actor, long id) {
        requireCity(actor);
        return publish(id, actor.accountId());
    }

    NoticeView publish(long id, long by) {
        NoticeView n = load(id);
        if (!repo.transition(id, List.of(NoticeStatus.DRAFT, NoticeStatus.UNPUBLISHED), NoticeStatus.PUBLISHED,
                clock.instant())) {
            throw new ConflictException("portal.notice.conflict.published");
        }
        changed(id, n.title(), "PUBLISHED", by);
        return load(id);
    }

    /** Takes a published notice off the portal; it stays for the records and may be published again. */
    @Transactional
    public NoticeView unpublish(Actor actor, long id) {
        requireCity(actor);
        NoticeView n = load(id);
        if (!repo.transition(id, List.of(NoticeStatus.PUBLISHED), NoticeStatus.UNPUBLISHED, clock.instant())) {
            throw new ConflictException("portal.notice.conflict.notPublished");
        }
        changed(id, n.title(), "UNPUBLISHED", actor.accountId());
        return load(id);
    }

    /**
     * Checks and stores a file (PDF, DOCX, XLSX, JPEG, PNG; at most 20 MB) and attaches it with a label. A refused
     * file answers 400 on the field {@code file} and leaves nothing behind.
     */
    @Transactional
    public NoticeView attach(Actor actor, long id, String label, AttachmentKind kind, String fileName,
            InputStream content) {
        requireCity(actor);
        return attach(actor, actor.accountId(), id, label, kind, fileName, content);
    }

    NoticeView attach(Actor uploader, long by, long id, String label, AttachmentKind kind, String fileName,
            InputStream content) {
        NoticeView n = load(id);
        String text = label == null ? "" : label.strip();
        if (text.length() > 200) {
            throw new InvalidInputException("label", "portal.notice.attachment.label.size");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "portal.notice.attachment.kind.required");
        }
        if (content == null || fileName == null || fileName.isBlank()) {
            throw new InvalidInputException("file", "portal.notice.attachment.file.required");
        }
        StoredFile stored = media.store(uploader, organizations.city().id(), "notice", Visibility.PUBLIC, fileName,
                content, ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES);
        if (text.isEmpty()) {
            int dot = stored.originalName().lastIndexOf('.');
            text = dot > 0 ? stored.originalName().substring(0, dot) : stored.originalName();
        }
        repo.insertAttachment(id, stored.id(), text, kind, stored.originalName(), stored.kind(), stored.size());
        repo.touch(id, clock.instant());
        changed(id, n.title(), "ATTACHED", by);
        return load(id);
    }

    /** Removes an attachment and its stored file. */
    @Transactional
    public NoticeView detach(Actor actor, long id, long attachmentId) {
        requireCity(actor);
        NoticeView n = load(id);
        NoticeView.Attachment a = n.attachments().stream().filter(x -> x.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
        repo.deleteAttachment(attachmentId);
        media.delete(actor, a.mediaId());
        repo.touch(id, clock.instant());
        changed(id, n.title(), "DETACHED", actor.accountId());
        return load(id);
    }

    boolean existsTitled(String title) {
        return repo.existsTitled(title);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private NoticeForm check(NoticeForm form) {
        NoticeForm f = form.normalized();
        if (f.title() == null || f.title().isEmpty()) {
            throw new InvalidInputException("title", "portal.notice.title.required");
        }
        if (f.issuer() == null || f.issuer().isEmpty()) {
            throw new InvalidInputException("issuer", "portal.notice.issuer.required");
        }
        if (f.issuedOn() == null) {
            throw new InvalidInputException("issuedOn", "portal.notice.issuedOn.required");
        }
        if (f.body() == null || f.body().isEmpty()) {
            throw new InvalidInputException("body", "portal.notice.body.required");
        }
        if (f.linkUrl() != null && !f.linkUrl().matches("^/$|^/[^/\\\\].*|^https://\\S+$")) {
            throw new InvalidInputException("linkUrl", "portal.notice.linkUrl.pattern");
        }
        return f;
    }

    private NoticeView load(long id) {
        return repo.find(id).orElseThrow(() -> new NotFoundException("notice " + id));
    }

    private void requireCity(Actor actor) {
        if (actor == null || !actor.isCityAdmin()) {
            throw new ForbiddenException("portal.notice.forbidden");
        }
    }

    private void changed(long id, String title, String action, long by) {
        events.publishEvent(new NoticeChanged(id, title, action, by));
        events.publishEvent(new AuditEvent("NOTICE_" + action, "NOTICE", String.valueOf(id), title));
    }
}
