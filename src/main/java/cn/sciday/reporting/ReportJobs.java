package cn.sciday.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.sciday.campaign.Campaign;
import cn.sciday.media.FileKind;
import cn.sciday.media.Media;
import cn.sciday.media.StoredFile;
import cn.sciday.media.Visibility;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.NotFoundException;

/**
 * The special report (专报), generated in the background: a {@code report_job} row records the state and progress
 * (polled by the page), a single worker thread writes the .docx and stores it as a media file of the city, kept for
 * download. Jobs left running by an instance that stopped are marked failed at start-up after half an hour.
 */
@Service
public class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    static final long MAX_REPORT_BYTES = 50L * 1024 * 1024;
    private static final long MAX_PHOTO_BYTES = 5L * 1024 * 1024;

    /** A job as pages and the API show it. */
    public record Job(long id, String status, int progress, String step, String requestedByName,
            Instant requestedAt, Instant finishedAt, Long fileId, String errorMessage) {

        public boolean done() {
            return "DONE".equals(status);
        }

        /** When it was asked for, Beijing time. */
        public String requestedAtText() {
            return requestedAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(Campaign.ZONE).format(requestedAt);
        }

        public boolean finished() {
            return "DONE".equals(status) || "FAILED".equals(status);
        }
    }

    private final JdbcTemplate jdbc;
    private final ReportContext context;
    private final Dashboard dashboard;
    private final Compliance compliance;
    private final Recommendations recommendations;
    private final Media media;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "special-report");
        t.setDaemon(true);
        return t;
    });

    ReportJobs(DataSource dataSource, ReportContext context, Dashboard dashboard, Compliance compliance,
            Recommendations recommendations, Media media, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.context = context;
        this.dashboard = dashboard;
        this.compliance = compliance;
        this.recommendations = recommendations;
        this.media = media;
        this.clock = clock;
    }

    /** Queues a report of the current campaign; the answer is the job to poll. City admins only. */
    public Job start(Actor actor) {
        requireCity(actor);
        Campaign campaign = context.campaign();
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement("insert into report_job (campaign_id, status,"
                    + " progress, step, requested_by, requested_by_name, requested_at) values (?, 'QUEUED', 0, ?, ?,"
                    + " ?, ?)", new String[] {"id"});
            ps.setLong(1, campaign.id());
            ps.setString(2, "排队中");
            ps.setLong(3, actor.accountId());
            ps.setString(4, actor.displayName());
            ps.setObject(5, ReportQueries.at(clock.instant()));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        worker.submit(() -> run(id, actor));
        return get(actor, id);
    }

    public Job get(Actor actor, long id) {
        requireCity(actor);
        return find(id).orElseThrow(() -> new NotFoundException("report job " + id));
    }

    public List<Job> recent(Actor actor) {
        requireCity(actor);
        return jdbc.query("select * from report_job order by id desc limit 20", (rs, i) -> job(rs));
    }

    /** The finished report's content; 409 while it is not ready. The caller closes the stream. */
    public InputStream open(Actor actor, long id) {
        Job job = get(actor, id);
        if (!job.done() || job.fileId() == null) {
            throw new ConflictException("reporting.error.reportNotReady");
        }
        return media.open(job.fileId());
    }

    public String fileName(Job job) {
        return SpecialReportWriter.title(context.campaign()) + ".docx";
    }

    /** Writes the report now (the worker calls it; tests may too). */
    void run(long id, Actor actor) {
        try {
            progress(id, "RUNNING", 5, "汇总数据");
            Campaign campaign = context.campaign();
            Dashboard.Data data = dashboard.data(actor);
            progress(id, "RUNNING", 15, "统计逾期情况");
            List<Compliance.MilestoneStatus> deadlines = compliance.all(actor);
            List<Recommendations.Recommended> highlights = recommendations.list(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SpecialReportWriter.write(campaign, context.today(), data, deadlines, highlights, this::photo,
                    p -> progress(id, "RUNNING", p, "编写专报"), out);
            progress(id, "RUNNING", 92, "保存文件");
            StoredFile file = media.store(actor, context.organizations().city().id(), "special-report",
                    Visibility.SCOPED, SpecialReportWriter.title(campaign) + ".docx",
                    new ByteArrayInputStream(out.toByteArray()), Set.of(FileKind.DOCX), MAX_REPORT_BYTES);
            jdbc.update("update report_job set status = 'DONE', progress = 100, step = ?, file_id = ?,"
                    + " finished_at = ? where id = ?", "已完成", file.id(), ReportQueries.at(clock.instant()), id);
        } catch (RuntimeException | IOException | Error e) {
            log.error("Special report {} failed", id, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jdbc.update("update report_job set status = 'FAILED', step = ?, error_message = ?, finished_at = ?"
                    + " where id = ?", "生成失败", message.length() > 500 ? message.substring(0, 500) : message,
                    ReportQueries.at(clock.instant()), id);
        }
    }

    private byte[] photo(long activityId) {
        CompletionFacts.ActivityCompletion c = context.completion(List.of(activityId)).get(activityId);
        if (c == null || c.firstPhotoFileId() == null) {
            return null;
        }
        try {
            Optional<StoredFile> meta = media.metadata(c.firstPhotoFileId());
            if (meta.isEmpty() || !meta.get().kind().isImage()) {
                return null;
            }
            try (InputStream in = meta.get().hasThumbnail() ? media.openThumbnail(meta.get().id())
                    : media.open(meta.get().id())) {
                byte[] bytes = in.readNBytes((int) MAX_PHOTO_BYTES + 1);
                return bytes.length > MAX_PHOTO_BYTES ? null : bytes;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Photo {} of activity {} left out of the special report: {}", c.firstPhotoFileId(),
                    activityId, e.toString());
            return null;
        }
    }

    private void progress(long id, String status, int progress, String step) {
        jdbc.update("update report_job set status = ?, progress = ?, step = ? where id = ?", status,
                Math.min(100, Math.max(0, progress)), step, id);
    }

    private Optional<Job> find(long id) {
        return jdbc.query("select * from report_job where id = ?", (rs, i) -> job(rs), id).stream().findFirst();
    }

    private static Job job(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Job(rs.getLong("id"), rs.getString("status"), rs.getInt("progress"), rs.getString("step"),
                rs.getString("requested_by_name"), ReportQueries.instant(rs, "requested_at"),
                ReportQueries.instant(rs, "finished_at"), (Long) rs.getObject("file_id", Long.class),
                rs.getString("error_message"));
    }

    /** Jobs that an instance left queued or running (it stopped) are failed after half an hour. */
    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        jdbc.update("update report_job set status = 'FAILED', step = ?, error_message = ? where status in"
                + " ('QUEUED', 'RUNNING') and requested_at < ?", "生成失败", "生成过程中服务重启，请重新生成。",
                ReportQueries.at(clock.instant().minus(Duration.ofMinutes(30))));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private static void requireCity(Actor actor) {
        if (!actor.isCityAdmin()) {
            throw new ForbiddenException("reporting.error.reportForbidden");
        }
    }
}
