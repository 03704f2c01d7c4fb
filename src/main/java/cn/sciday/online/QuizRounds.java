package cn.sciday.online;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/** Quiz rounds of the current campaign, set up by city admins. */
@Service
class QuizRounds {

    private final QuizRoundRepository rounds;
    private final CampaignManagement campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuizRounds(QuizRoundRepository rounds, CampaignManagement campaigns, ApplicationEventPublisher events,
            Clock clock) {
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public QuizRound get(long id) {
        return rounds.findById(id).orElseThrow(() -> new NotFoundException("quiz round " + id));
    }

    /** The rounds of the current campaign, latest first. */
    @Transactional(readOnly = true)
    public List<QuizRound> ofCurrentCampaign() {
        return campaigns.current().map(c -> rounds.findByCampaign(c.id())).orElse(List.of());
    }

    /** The round open now (the latest to open); else the next to open; else none. */
    @Transactional(readOnly = true)
    public Optional<QuizRound> current() {
        Instant now = clock.instant();
        List<QuizRound> all = ofCurrentCampaign();
        Optional<QuizRound> open = all.stream().filter(r -> r.isOpen(now))
                .max(Comparator.comparing(QuizRound::opensAt));
        if (open.isPresent()) {
            return open;
        }
        return all.stream().filter(r -> r.status(now) == QuizRound.Status.UPCOMING)
                .min(Comparator.comparing(QuizRound::opensAt));
    }

    @Transactional
    public long create(QuizRoundForm form) {
        Campaign campaign = campaigns.requireCurrent();
        QuizRound r = checked(form, 0, campaign.id(), 0);
        long id = rounds.insert(r, clock.instant());
        events.publishEvent(new QuizChanged("ROUND_CREATED", id, r.title()));
        events.publishEvent(new QuizRoundChanged(id));
        return id;
    }

    @Transactional
    public void update(long id, QuizRoundForm form) {
        QuizRound existing = get(id);
        QuizRound r = checked(form, id, existing.campaignId(),
                form.version() == null ? existing.version() : form.version());
        rounds.update(r, clock.instant());
        events.publishEvent(new QuizChanged("ROUND_EDITED", id, r.title()));
        events.publishEvent(new QuizRoundChanged(id));
    }

    private static QuizRound checked(QuizRoundForm f, long id, long campaignId, int version) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        String title = QuestionRules.clean(f.title());
        if (title.isEmpty()) {
            problems.add(new InvalidInputException.Problem("title", "请填写名称，例如“2021年科普知识网络答题”。"));
        } else if (title.length() > 200) {
            problems.add(new InvalidInputException.Problem("title", "名称不能超过 200 个字。"));
        }
        Instant opens = time(f.opensAt(), "opensAt", "开始时间", problems);
        Instant closes = time(f.closesAt(), "closesAt", "结束时间", problems);
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            problems.add(new InvalidInputException.Problem("closesAt", "结束时间必须晚于开始时间。"));
        }
        int tf = number(f.trueFalseCount(), "trueFalseCount", "判断题数量", 0, 100, problems);
        int single = number(f.singleCount(), "singleCount", "单选题数量", 0, 100, problems);
        int multiple = number(f.multipleCount(), "multipleCount", "多选题数量", 0, 100, problems);
        if (tf >= 0 && single >= 0 && multiple >= 0 && (tf + single + multiple < 1 || tf + single + multiple > 100)) {
            problems.add(new InvalidInputException.Problem("trueFalseCount", "每次答题的题目总数应在 1 到 100 道之间。"));
        }
        int points = number(f.pointsPerQuestion(), "pointsPerQuestion", "每题分值", 1, 100, problems);
        int perQuestion = number(f.secondsPerQuestion(), "secondsPerQuestion", "每题限时", 5, 600, problems);
        int total = number(f.totalSeconds(), "totalSeconds", "总限时", 10, 7200, problems);
        int perDay = number(f.attemptsPerDay(), "attemptsPerDay", "每天答题次数", 1, 20, problems);
        int board = number(f.leaderboardSize(), "leaderboardSize", "排行榜人数", 1, 1000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new QuizRound(id, campaignId, title, opens, closes, tf, single, multiple, points, perQuestion, total,
                perDay, Boolean.TRUE.equals(f.practiceEnabled()), board, version);
    }

    private static Instant time(String text, String field, String name, List<InvalidInputException.Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new InvalidInputException.Problem(field, "请填写" + name + "。"));
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T')).atZone(Campaign.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Problem(field, name + "格式应为“2021-09-15 09:00”。"));
            return null;
        }
    }

    private static int number(String text, String field, String name, int min, int max,
            List<InvalidInputException.Problem> problems) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n < min || n > max) {
                problems.add(new InvalidInputException.Problem(field, name + "应在 " + min + " 到 " + max + " 之间。"));
                return -1;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(field, "请填写" + name + "（整数）。"));
            return -1;
        }
    }
}
