package cn.sciday.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.media.FileKind;
import cn.sciday.media.Media;
import cn.sciday.media.StoredFile;
import cn.sciday.media.Visibility;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;

/**
 * Files that belong to a proposal: the epidemic-prevention plan (五(五)) an offline activity needs before it is
 * submitted, and the stamped scan (盖章扫描件) a unit attaches to the intention batch it submits together. Both are
 * stored by the media module, checked by their content and SCOPED to the proposing organization (its coordinator and
 * the city read them through {@code /media/{id}}).
 */
@Service
public class ActivityUploads {

    /** Size limit of a plan file and of a stamped scan. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Set<FileKind> PLAN_KINDS = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.JPEG, FileKind.PNG);
    static final Set<FileKind> SCAN_KINDS = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG);
    static final String PLAN_PURPOSE = "epidemic-plan";
    static final String SCAN_PURPOSE = "intention-scan";

    private final Activities activities;
    private final Media media;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityUploads(Activities activities, Media media, ApplicationEventPublisher events,
            Clock clock) {
        this.activities = activities;
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    /** The plan file and the stamped scan of an activity the actor may see (404 otherwise); absent ones are null. */
    @Transactional(readOnly = true)
    public ActivityFiles files(Actor actor, long id) {
        Activity a = activities.load(actor, id);
        return new ActivityFiles(file(a.epidemicPlanFileId()), file(a.intentionScanFileId()));
    }

    /**
     * Attaches (or replaces) the epidemic-prevention plan: PDF, Word (.docx), JPEG or PNG, at most 10 MB, checked by
     * its content. The proposing organization may, while it may edit the activity (draft, returned, published).
     */
    @Transactional
    public ActivityView attachEpidemicPlan(Actor actor, long id, Upload upload) {
        return attachEpidemicPlan(actor, id, upload, clock.instant());
    }

    @Transactional
    ActivityView attachEpidemicPlan(Actor actor, long id, Upload upload, Instant at) {
        Activity a = activities.load(actor, id);
        activities.permit(actor, a, ActivityAction.EDIT);
        activities.guarded(() -> {
            a.requirePlanAttachable();
            return null;
        });
        StoredFile file = store(actor, a.organizationId(), PLAN_PURPOSE, upload, PLAN_KINDS);
        Long replaced = activities.guarded(() -> a.attachEpidemicPlan(file.id(), at));
        activities.persist(a);
        if (replaced != null) {
            media.delete(actor, replaced);
        }
        events.publishEvent(new AuditEvent("ACTIVITY_EPIDEMIC_PLAN_ATTACHED", "ACTIVITY", String.valueOf(id),
                a.details().name() + "；文件 #" + file.id() + " " + file.originalName()));
        return activities.get(actor, id);
    }

    /**
     * Submits several drafts (or returned activities) of the actor's organization together with ONE stamped scan of
     * the intention form: PDF, JPG or PNG, at most 10 MB, checked by its content. All or nothing: when any activity
     * cannot be submitted the result names each one and why, nothing is submitted and the scan is not kept; a scan
     * that is refused (400) changes nothing either. Each submitted activity records the scan.
     */
    @Transactional
    public BatchResult submitWithScan(Actor actor, Collection<Long> ids, Upload scan) {
        return submitWithScan(actor, ids, scan, clock.instant());
    }

    @Transactional
    BatchResult submitWithScan(Actor actor, Collection<Long> ids, Upload scan, Instant at) {
        if (!ActivityPolicy.mayPropose(actor)) {
            throw new ForbiddenException("activity.forbidden.propose");
        }
        if (scan == null) {
            throw new InvalidInputException("file", "completion.scan.required");
        }
        List<BatchResult.Failure> failed = new ArrayList<>();
        List<Activity> ready = activities.prepareAll(actor, ids, ActivityAction.SUBMIT, null, at, failed);
        if (!failed.isEmpty()) {
            return new BatchResult(List.of(), failed);
        }
        StoredFile file = store(actor, actor.organizationId(), SCAN_PURPOSE, scan, SCAN_KINDS);
        for (Activity a : ready) {
            a.attachIntentionScan(file.id());
            activities.persist(a);
        }
        List<Long> done = ready.stream().map(Activity::id).toList();
        events.publishEvent(new AuditEvent("ACTIVITY_INTENTION_BATCH_SUBMITTED", "MEDIA", String.valueOf(file.id()),
                "盖章扫描件 " + file.originalName() + "；活动 " + done));
        return new BatchResult(done, List.of());
    }

    private StoredFile store(Actor actor, long owner, String purpose, Upload upload, Set<FileKind> kinds) {
        if (upload == null) {
            throw new InvalidInputException("file", "completion.file.required");
        }
        try (InputStream in = upload.open()) {
            return media.store(actor, owner, purpose, Visibility.SCOPED, upload.name(), in, kinds, MAX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredFile file(Long id) {
        return id == null ? null : media.metadata(id).orElse(null);
    }
}
