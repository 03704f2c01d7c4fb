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
import cn.sciday.web.UserMessage;

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
            problems.add(new InvalidInputException.Problem("title", "online.error.roundNameRequired"));
        } else if (title.length() > 200) {
            problems.add(new InvalidInputException.Problem("title", "online.error.roundNameTooLong"));
        }
        Instant opens = time(f.opensAt(), "opensAt", "online.label.opensAt", problems);
        Instant closes = time(f.closesAt(), "closesAt", "online.label.closesAt", problems);
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            problems.add(new InvalidInputException.Problem("closesAt", "online.error.roundEndBeforeStart"));
        }
        int tf = number(f.trueFalseCount(), "trueFalseCount", "online.label.trueFalseCount", 0, 100, problems);
        int single = number(f.singleCount(), "singleCount", "online.label.singleCount", 0, 100, problems);
        int multiple = number(f.multipleCount(), "multipleCount", "online.label.multipleCount", 0, 100, problems);
        if (tf >= 0 && single >= 0 && multiple >= 0 && (tf + single + multiple < 1 || tf + single + multiple > 100)) {
            problems.add(new InvalidInputException.Problem("trueFalseCount", "online.error.questionTotal"));
        }
        int points = number(f.pointsPerQuestion(), "pointsPerQuestion", "online.label.pointsPerQuestion", 1, 100,
                problems);
        int perQuestion = number(f.secondsPerQuestion(), "secondsPerQuestion", "online.label.secondsPerQuestion", 5,
                600, problems);
        int total = number(f.totalSeconds(), "totalSeconds", "online.label.totalSeconds", 10,
                QuizRound.MAX_TOTAL_SECONDS, problems);
        int perDay = number(f.attemptsPerDay(), "attemptsPerDay", "online.label.attemptsPerDay", 1, 20, problems);
        int board = number(f.leaderboardSize(), "leaderboardSize", "online.label.leaderboardSize", 1, 1000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new QuizRound(id, campaignId, title, opens, closes, tf, single, multiple, points, perQuestion, total,
                perDay, Boolean.TRUE.equals(f.practiceEnabled()), board, version);
    }

    private static Instant time(String text, String field, String name, List<InvalidInputException.Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new InvalidInputException.Problem(field, "online.error.required", UserMessage.of(name)));
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T')).atZone(Campaign.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Problem(field, "online.error.timeFormatOf", UserMessage.of(name)));
            return null;
        }
    }

    private static int number(String text, String field, String name, int min, int max,
            List<InvalidInputException.Problem> problems) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n < min || n > max) {
                problems.add(new InvalidInputException.Problem(field, "online.error.range", UserMessage.of(name), min,
                        max));
                return -1;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(field, "online.error.wholeNumberRequired",
                    UserMessage.of(name)));
            return -1;
        }
    }
}
