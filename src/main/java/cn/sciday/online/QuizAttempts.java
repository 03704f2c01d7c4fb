package cn.sciday.online;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.campaign.Campaign;
import cn.sciday.notification.RecipientDirectory;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.platform.RateLimits;
import cn.sciday.platform.RateLimits.Limit;
import cn.sciday.platform.RateLimits.Rule;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.PersonalData;
import cn.sciday.web.TooManyRequests;
import cn.sciday.web.TooManyRequestsException;
import cn.sciday.web.UserMessage;

/**
 * The rules of an attempt, decided by the server: questions are drawn at random by type and frozen when the
 * attempt starts; the server's clock times it; answers after the limit (plus a grace of a few seconds) count
 * nothing; one open attempt per person and round and the daily limit are enforced by the database; a second
 * submission returns the first result.
 */
@Service
class QuizAttempts {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final QuizAttemptRepository attempts;
    private final QuestionRepository questions;
    private final QuizRounds rounds;
    private final Organizations organizations;
    private final RecipientDirectory recipients;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Random random = new SecureRandom();
    private final RateLimits limits;
    private final TooManyRequests tooMany;

    /**
     * The database guard against a second open attempt. Only the negative control of the concurrency test turns
     * it off, to show that the application's own check alone lets parallel starts through.
     */
    volatile boolean openAttemptGuard = true;

    QuizAttempts(QuizAttemptRepository attempts, QuestionRepository questions, QuizRounds rounds,
            Organizations organizations, RecipientDirectory recipients, ApplicationEventPublisher events, Clock clock,
            RateLimits limits, TooManyRequests tooMany) {
        this.limits = limits;
        this.tooMany = tooMany;
        this.attempts = attempts;
        this.questions = questions;
        this.rounds = rounds;
        this.organizations = organizations;
        this.recipients = recipients;
        this.events = events;
        this.clock = clock;
    }

    // ---- starting ------------------------------------------------------------------------------------------

    /**
     * Starts an attempt, or returns the person's open one. {@code divisionId} is needed the first time in a round.
     * Refused (409) outside the round's time or when the bank is short; refused (429) when today's attempts are used
     * or the person starts too often ({@code sciday.rate-limits.quiz-starts-per-person}).
     */
    @Transactional
    public QuizPaper start(Actor actor, long roundId, Long divisionId, boolean practice) {
        requirePublic(actor);
        Limit starts = limits.limit(Rule.QUIZ_STARTS_PER_PERSON);
        limits.check(Rule.QUIZ_STARTS_PER_PERSON, String.valueOf(actor.accountId()),
                wait -> tooMany.exception("quiz.rate.start", wait, starts.limit()));
        QuizRound round = rounds.get(roundId);
        Instant now = clock.instant();
        switch (round.status(now)) {
            case UPCOMING -> throw new ConflictException("online.error.quizNotOpen",
                    MINUTE.format(round.opensAt().atZone(Campaign.ZONE)));
            case CLOSED -> throw new ConflictException("online.error.quizClosed",
                    MINUTE.format(round.closesAt().atZone(Campaign.ZONE)));
            default -> { }
        }
        if (practice && !round.practiceEnabled()) {
            throw new ConflictException("online.error.noPractice");
        }
        for (QuizAttempt open : attempts.findOpen(roundId, actor.accountId())) {
            if (!open.expiredAt(now)) {
                return paper(open, round, now);
            }
            finishExpired(open, round, now);
        }
        join(actor, round, divisionId, now);
        LocalDate day = LocalDate.ofInstant(now, Campaign.ZONE);
        Integer attemptNo = null;
        if (!practice) {
            int used = attempts.countOfficial(roundId, actor.accountId(), day);
            if (used >= round.attemptsPerDay()) {
                long untilMidnight = Duration.between(now, day.plusDays(1).atStartOfDay(Campaign.ZONE)).toSeconds();
                LocalDate tomorrow = day.plusDays(1);
                throw new TooManyRequestsException("online.error.attemptsUsed",
                        untilMidnight, round.attemptsPerDay(), tomorrow.getMonthValue(), tomorrow.getDayOfMonth(),
                        tomorrow, round.practiceEnabled() ? UserMessage.of("online.error.practiceStillOpen") : "");
            }
            attemptNo = used + 1;
        }
        List<QuizQuestion> drawn = draw(round);
        Instant deadline = now.plusSeconds(round.limitSeconds());
        long id;
        try {
            id = attempts.insert(roundId, actor.accountId(), practice, day, attemptNo, now, deadline, drawn.size());
            if (openAttemptGuard) {
                attempts.insertOpen(roundId, actor.accountId(), id);
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("online.error.attemptStarted");
        }
        attempts.insertQuestions(id, drawn);
        return paper(attempts.findById(id).orElseThrow(), round, now);
    }

    private void join(Actor actor, QuizRound round, Long divisionId, Instant now) {
        if (attempts.participant(round.id(), actor.accountId()).isPresent()) {
            return;
        }
        if (divisionId == null) {
            throw new InvalidInputException("divisionId", "online.error.divisionRequired");
        }
        boolean known = organizations.divisions().stream().map(OrganizationView::id).anyMatch(divisionId::equals);
        if (!known) {
            throw new InvalidInputException("divisionId", "online.error.divisionUnknown");
        }
        attempts.insertParticipant(round.id(), actor.accountId(), divisionId, displayName(actor), now);
    }

    /** The name on the leaderboard: the masked mobile number (138****0000). */
    private String displayName(Actor actor) {
        return recipients.find(actor.accountId()).map(r -> r.mobile()).filter(m -> m != null && !m.isBlank())
                .map(PersonalData::maskMobile).orElse(actor.displayName());
    }

    private List<QuizQuestion> draw(QuizRound round) {
        List<Long> chosen = new ArrayList<>();
        for (QuestionType type : QuestionType.values()) {
            int needed = round.count(type);
            if (needed == 0) {
                continue;
            }
            List<Long> pool = new ArrayList<>(questions.enabledIds(type));
            if (pool.size() < needed) {
                throw new ConflictException("online.error.bankTooSmall",
                        UserMessage.of("quiz.type." + type.name()), pool.size(), needed);
            }
            Collections.shuffle(pool, random);
            chosen.addAll(pool.subList(0, needed));
        }
        Map<Long, QuizQuestion> byId = questions.findByIds(chosen).stream()
                .collect(Collectors.toMap(QuizQuestion::id, Function.identity()));
        return chosen.stream().map(byId::get).toList();
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The person's own attempt: the paper while open, else the result. Another person's attempt is not found. */
    @Transactional
    public Object view(Actor actor, long attemptId) {
        QuizAttempt a = own(actor, attemptId);
        QuizRound round = rounds.get(a.roundId());
        Instant now = clock.instant();
        if (a.isOpen() && a.expiredAt(now)) {
            finishExpired(a, round, now);
            a = own(actor, attemptId);
        }
        return a.isOpen() ? paper(a, round, now) : result(a, round);
    }

    @Transactional(readOnly = true)
    public List<QuizAttempt> mine(Actor actor, long roundId) {
        return attempts.findByOwner(roundId, actor.accountId());
    }

    @Transactional(readOnly = true)
    public Optional<QuizParticipant> participant(Actor actor, long roundId) {
        return attempts.participant(roundId, actor.accountId());
    }

    /** Official attempts the person has left today. */
    @Transactional(readOnly = true)
    public int attemptsLeftToday(Actor actor, QuizRound round) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), Campaign.ZONE);
        return Math.max(0, round.attemptsPerDay() - attempts.countOfficial(round.id(), actor.accountId(), day));
    }

    // ---- submitting ------------------------------------------------------------------------------------------

    /**
     * Submits the answers (question id → letters, or 对/错). Answers after the limit and grace count nothing.
     * Submitting an attempt that is already submitted returns its first result unchanged.
     */
    @Transactional
    public QuizResult submit(Actor actor, long attemptId, Map<Long, String> answers) {
        QuizAttempt a = own(actor, attemptId);
        QuizRound round = rounds.get(a.roundId());
        if (!a.isOpen()) {
            return result(a, round);
        }
        Instant now = clock.instant();
        boolean late = a.expiredAt(now);
        List<QuizAttemptQuestion> frozen = attempts.questions(attemptId);
        Map<Long, QuizQuestion> bank = bank(frozen);
        Map<Integer, String> chosen = new HashMap<>();
        int right = 0;
        if (!late) {
            for (QuizAttemptQuestion q : frozen) {
                String c = normalize(q.type(), answers.get(q.questionId()), bank.get(q.questionId()).options().size());
                chosen.put(q.position(), c);
                if (c != null && c.equals(q.correctAnswer())) {
                    right++;
                }
            }
        }
        long elapsed = late ? Duration.between(a.startedAt(), a.deadlineAt()).toMillis()
                : Duration.between(a.startedAt(), now).toMillis();
        int score = right * round.pointsPerQuestion();
        if (!attempts.markSubmitted(attemptId, now, late, right, score, elapsed)) {
            return result(own(actor, attemptId), round);
        }
        List<QuizAttemptRepository.Answer> saved = new ArrayList<>(frozen.size());
        for (QuizAttemptQuestion q : frozen) {
            String c = chosen.get(q.position());
            saved.add(new QuizAttemptRepository.Answer(q.position(), c, c != null && c.equals(q.correctAnswer())));
        }
        attempts.saveAnswers(attemptId, saved);
        finished(a, score, elapsed, now);
        return result(own(actor, attemptId), round);
    }

    private void finishExpired(QuizAttempt a, QuizRound round, Instant now) {
        long elapsed = Duration.between(a.startedAt(), a.deadlineAt()).toMillis();
        if (attempts.markSubmitted(a.id(), now, true, 0, 0, elapsed)) {
            finished(a, 0, elapsed, now);
        }
    }

    private void finished(QuizAttempt a, int score, long elapsed, Instant now) {
        attempts.deleteOpen(a.id());
        if (!a.practice() && attempts.offerBest(a.roundId(), a.accountId(), a.id(), score, elapsed, now)) {
            events.publishEvent(new QuizBestImproved(a.roundId(), a.accountId()));
        }
        events.publishEvent(new QuizChanged(a.practice() ? "PRACTICE_SUBMITTED" : "ATTEMPT_SUBMITTED", a.id(),
                "score " + score));
    }

    /** An answer as letters (A, AC) within the question's options, or null when none or not understood. */
    static String normalize(QuestionType type, String raw, int optionCount) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String letters = type == QuestionType.TRUE_FALSE ? QuestionRules.trueFalse(raw) : QuestionRules.letters(raw);
        if (letters == null) {
            return null;
        }
        for (char c : letters.toCharArray()) {
            if (c - 'A' >= optionCount) {
                return null;
            }
        }
        return letters;
    }

    // ---- views -----------------------------------------------------------------------------------------------

    private QuizAttempt own(Actor actor, long attemptId) {
        return attempts.findById(attemptId).filter(a -> a.accountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException("quiz attempt " + attemptId));
    }

    private Map<Long, QuizQuestion> bank(List<QuizAttemptQuestion> frozen) {
        return questions.findByIds(frozen.stream().map(QuizAttemptQuestion::questionId).toList()).stream()
                .collect(Collectors.toMap(QuizQuestion::id, Function.identity()));
    }

    private QuizPaper paper(QuizAttempt a, QuizRound round, Instant now) {
        List<QuizAttemptQuestion> frozen = attempts.questions(a.id());
        Map<Long, QuizQuestion> bank = bank(frozen);
        List<QuizPaper.Question> list = frozen.stream().map(f -> {
            QuizQuestion q = bank.get(f.questionId());
            return new QuizPaper.Question(q.id(), f.position(), f.type(), q.stem(), q.labelledOptions());
        }).toList();
        long left = Math.max(0, Duration.between(now, a.deadlineAt()).toSeconds());
        return new QuizPaper(QuizAttempt.OPEN, a.id(), round.id(), round.title(), a.practice(), a.startedAt(), a.deadlineAt(), left,
                (int) Duration.between(a.startedAt(), a.deadlineAt()).toSeconds(), round.pointsPerQuestion(), list);
    }

    private QuizResult result(QuizAttempt a, QuizRound round) {
        List<QuizAttemptQuestion> frozen = attempts.questions(a.id());
        Map<Long, QuizQuestion> bank = bank(frozen);
        List<QuizResult.Question> list = frozen.stream().map(f -> {
            QuizQuestion q = bank.get(f.questionId());
            return new QuizResult.Question(q.id(), f.position(), f.type(), q.stem(), q.labelledOptions(), f.chosen(),
                    QuestionRules.answerText(f.type(), f.chosen()), f.correctAnswer(),
                    QuestionRules.answerText(f.type(), f.correctAnswer()), Boolean.TRUE.equals(f.answeredRight()),
                    q.explanation());
        }).toList();
        return new QuizResult(QuizAttempt.SUBMITTED, a.id(), round.id(), round.title(), a.practice(), a.late(),
                a.score() == null ? 0 : a.score(), round.pointsPerQuestion() * a.questionCount(),
                a.correctCount() == null ? 0 : a.correctCount(), a.questionCount(),
                a.elapsedMillis() == null ? 0 : a.elapsedMillis(), a.startedAt(), a.submittedAt(), list);
    }

    private static void requirePublic(Actor actor) {
        if (!actor.isPublic()) {
            throw new ForbiddenException("online.error.quizCitizensOnly");
        }
    }
}
