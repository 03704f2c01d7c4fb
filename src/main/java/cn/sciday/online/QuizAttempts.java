package cn.sciday.online;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.sciday.campaign.Campaign;
import cn.sciday.notification.RecipientDirectory;
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
    private final QuizLookups lookups;
    private final RecipientDirectory recipients;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Random random = new SecureRandom();
    private final RateLimits limits;
    private final TooManyRequests tooMany;
    private final QuizOpenSheets sheets;
    private final TransactionTemplate transaction;

    /**
     * The database guard against a second open attempt. Only the negative control of the concurrency test turns
     * it off, to show that the application's own check alone lets parallel starts through.
     */
    volatile boolean openAttemptGuard = true;

    QuizAttempts(QuizAttemptRepository attempts, QuizLookups lookups, RecipientDirectory recipients,
            ApplicationEventPublisher events, Clock clock, RateLimits limits, TooManyRequests tooMany,
            QuizOpenSheets sheets, PlatformTransactionManager transactions) {
        this.sheets = sheets;
        this.transaction = new TransactionTemplate(transactions);
        this.limits = limits;
        this.tooMany = tooMany;
        this.attempts = attempts;
        this.lookups = lookups;
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
        QuizRound round = lookups.round(roundId);
        Instant now = now();
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
        LocalDate day = LocalDate.ofInstant(now, Campaign.ZONE);
        QuizAttemptRepository.Standing standing = attempts.standing(roundId, actor.accountId(), day);
        for (QuizAttempt open : standing.open()) {
            if (!open.expiredAt(now)) {
                QuizAttemptRepository.Sheet sheet = attempts.sheet(open.id()).orElseThrow();
                return paper(open, sheet.questions(), lookups.questions(sheet.questionIds()), round, now);
            }
            finishExpired(open, standing.divisionId(), standing.displayName(), now);
        }
        Long division = standing.divisionId();
        String name = standing.displayName();
        QuizAttemptRepository.Joining joining = null;
        if (division == null) {
            name = nameForJoining(actor, divisionId);
            division = divisionId;
            joining = new QuizAttemptRepository.Joining(divisionId, name);
        }
        Integer attemptNo = null;
        if (!practice) {
            int used = standing.officialToday();
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
            id = attempts.open(new QuizAttemptRepository.NewAttempt(roundId, actor.accountId(), practice, day,
                    attemptNo, now, deadline, drawn, openAttemptGuard, joining));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("online.error.attemptStarted");
        }
        // the paper from what was just written, not read back
        QuizAttempt attempt = new QuizAttempt(id, roundId, actor.accountId(), practice, day, attemptNo,
                QuizAttempt.OPEN, now, deadline, null, false, drawn.size(), null, null, null);
        List<QuizAttemptQuestion> frozen = new ArrayList<>(drawn.size());
        Map<Long, QuizQuestion> bank = new HashMap<>();
        for (QuizQuestion q : drawn) {
            frozen.add(new QuizAttemptQuestion(id, frozen.size() + 1, q.id(), q.type(), q.correctAnswer(), null, null));
            bank.put(q.id(), q);
        }
        sheets.started(new QuizAttemptRepository.Sheet(attempt, List.copyOf(frozen), division, name));
        return paper(attempt, frozen, bank, round, now);
    }

    /** Checks the division a person joins the round in; returns their name on the leaderboard. */
    private String nameForJoining(Actor actor, Long divisionId) {
        if (divisionId == null) {
            throw new InvalidInputException("divisionId", "online.error.divisionRequired");
        }
        if (!lookups.divisionNames().containsKey(divisionId)) {
            throw new InvalidInputException("divisionId", "online.error.divisionUnknown");
        }
        return displayName(actor);
    }

    /** The name on the leaderboard: the masked mobile number (138****0000). */
    private String displayName(Actor actor) {
        return recipients.find(actor.accountId()).map(r -> r.mobile()).filter(m -> m != null && !m.isBlank())
                .map(PersonalData::maskMobile).orElse(actor.displayName());
    }

    /** Draws the round's questions from the (cached) pools of enabled questions, by type in order. */
    private List<QuizQuestion> draw(QuizRound round) {
        List<Long> chosen = new ArrayList<>();
        for (QuestionType type : QuestionType.values()) {
            int needed = round.count(type);
            if (needed == 0) {
                continue;
            }
            List<Long> pool = new ArrayList<>(lookups.enabledIds(type));
            if (pool.size() < needed) {
                throw new ConflictException("online.error.bankTooSmall",
                        UserMessage.of("quiz.type." + type.name()), pool.size(), needed);
            }
            Collections.shuffle(pool, random);
            chosen.addAll(pool.subList(0, needed));
        }
        Map<Long, QuizQuestion> byId = lookups.questions(chosen);
        return chosen.stream().map(byId::get).toList();
    }

    /** The server's time, to the microsecond the database keeps, so that what is shown equals what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The person's own attempt: the paper while open, else the result. Another person's attempt is not found. */
    @Transactional
    public Object view(Actor actor, long attemptId) {
        QuizAttemptRepository.Sheet s = own(actor, attemptId);
        QuizAttempt a = s.attempt();
        QuizRound round = lookups.round(a.roundId());
        Instant now = now();
        if (a.isOpen() && a.expiredAt(now)) {
            finishExpired(a, s.divisionId(), s.displayName(), now);
            s = own(actor, attemptId);
            a = s.attempt();
        }
        return a.isOpen() ? paper(a, s.questions(), lookups.questions(s.questionIds()), round, now) : result(s, round);
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
     * <p>
     * With the sheet kept from the start ({@link QuizOpenSheets}) and a database that submits in one statement
     * (PostgreSQL), that statement is the only write and atomic by itself: it runs without a transaction around it, so
     * that its commit travels with it (one round trip instead of two). Otherwise the sheet is read and the writes run
     * in one transaction.
     */
    public QuizResult submit(Actor actor, long attemptId, Map<Long, String> answers) {
        Optional<QuizAttemptRepository.Sheet> kept = sheets.opened(attemptId, actor.accountId());
        if (kept.isPresent() && attempts.submitsInOneStatement()) {
            return submit(actor, attemptId, answers, kept.get());
        }
        return transaction.execute(status -> submit(actor, attemptId, answers,
                kept.orElseGet(() -> own(actor, attemptId))));
    }

    private QuizResult submit(Actor actor, long attemptId, Map<Long, String> answers, QuizAttemptRepository.Sheet s) {
        QuizAttempt a = s.attempt();
        QuizRound round = lookups.round(a.roundId());
        if (!a.isOpen()) {
            return result(s, round);
        }
        Instant now = now();
        boolean late = a.expiredAt(now);
        Map<Long, QuizQuestion> bank = lookups.questions(s.questionIds());
        List<QuizAttemptQuestion> answered = new ArrayList<>(s.questions().size());
        List<QuizAttemptRepository.Answer> saved = new ArrayList<>(s.questions().size());
        int right = 0;
        for (QuizAttemptQuestion q : s.questions()) {
            String c = late ? null
                    : normalize(q.type(), answers.get(q.questionId()), bank.get(q.questionId()).options().size());
            boolean ok = c != null && c.equals(q.correctAnswer());
            right += ok ? 1 : 0;
            answered.add(new QuizAttemptQuestion(q.attemptId(), q.position(), q.questionId(), q.type(),
                    q.correctAnswer(), c, ok));
            saved.add(new QuizAttemptRepository.Answer(q.position(), c, ok));
        }
        long elapsed = late ? Duration.between(a.startedAt(), a.deadlineAt()).toMillis()
                : Duration.between(a.startedAt(), now).toMillis();
        int score = right * round.pointsPerQuestion();
        QuizAttemptRepository.Submission done = attempts.submit(a, now, late, right, score, elapsed, saved);
        sheets.finished(attemptId);
        if (!done.submitted()) {
            return result(own(actor, attemptId), round);
        }
        announce(a, s.divisionId(), s.displayName(), score, elapsed, now, done.best());
        // the result from what was just written, not read back
        QuizAttempt submitted = new QuizAttempt(a.id(), a.roundId(), a.accountId(), a.practice(), a.attemptDay(),
                a.attemptNo(), QuizAttempt.SUBMITTED, a.startedAt(), a.deadlineAt(), now, late, a.questionCount(),
                right, score, elapsed);
        return result(new QuizAttemptRepository.Sheet(submitted, answered, s.divisionId(), s.displayName()), round,
                bank);
    }

    /** Closes an attempt left open past its limit: nothing counted, the full time taken (its sheet as it stands). */
    private void finishExpired(QuizAttempt a, Long divisionId, String displayName, Instant now) {
        long elapsed = Duration.between(a.startedAt(), a.deadlineAt()).toMillis();
        QuizAttemptRepository.Submission done = attempts.submit(a, now, true, 0, 0, elapsed, List.of());
        if (done.submitted()) {
            announce(a, divisionId, displayName, 0, elapsed, now, done.best());
        }
    }

    /** Tells the leaderboards (when the result became the person's best) and the metrics. */
    private void announce(QuizAttempt a, Long divisionId, String displayName, int score, long elapsed, Instant now,
            boolean best) {
        if (best) {
            events.publishEvent(new QuizBestImproved(a.roundId(), new QuizLeaderboard.Entry(0, a.accountId(),
                    displayName, divisionId == null ? 0 : divisionId, "", score, elapsed, now)));
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

    private QuizAttemptRepository.Sheet own(Actor actor, long attemptId) {
        return attempts.sheet(attemptId).filter(s -> s.attempt().accountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException("quiz attempt " + attemptId));
    }

    private static QuizPaper paper(QuizAttempt a, List<QuizAttemptQuestion> frozen, Map<Long, QuizQuestion> bank,
            QuizRound round, Instant now) {
        List<QuizPaper.Question> list = frozen.stream().map(f -> {
            QuizQuestion q = bank.get(f.questionId());
            return new QuizPaper.Question(q.id(), f.position(), f.type(), q.stem(), q.labelledOptions());
        }).toList();
        long left = Math.max(0, Duration.between(now, a.deadlineAt()).toSeconds());
        return new QuizPaper(QuizAttempt.OPEN, a.id(), round.id(), round.title(), a.practice(), a.startedAt(), a.deadlineAt(), left,
                (int) Duration.between(a.startedAt(), a.deadlineAt()).toSeconds(), round.pointsPerQuestion(), list);
    }

    private QuizResult result(QuizAttemptRepository.Sheet s, QuizRound round) {
        return result(s, round, lookups.questions(s.questionIds()));
    }

    private static QuizResult result(QuizAttemptRepository.Sheet s, QuizRound round, Map<Long, QuizQuestion> bank) {
        QuizAttempt a = s.attempt();
        List<QuizResult.Question> list = s.questions().stream().map(f -> {
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
