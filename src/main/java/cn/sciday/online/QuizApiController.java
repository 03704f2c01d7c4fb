package cn.sciday.online;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Actors;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The quiz API: the current round and leaderboards (public), attempts (the person's own, bearer token or session). */
@RestController
@Tag(name = "quiz", description = "科普知识网络答题")
class QuizApiController {

    /** A round and its rules. */
    record RoundJson(long id, String title, Instant opensAt, Instant closesAt, String status, int questionCount,
            int trueFalseCount, int singleCount, int multipleCount, int pointsPerQuestion, int maxScore,
            int secondsPerQuestion, int totalSeconds, int limitSeconds, int attemptsPerDay, boolean practiceEnabled,
            int leaderboardSize, List<DivisionJson> divisions) {
    }

    /** A division participants choose from. */
    record DivisionJson(long id, String name) {
    }

    /** Starts an attempt: the round, the division (needed the first time), practice or not. */
    record StartRequest(Long roundId, Long divisionId, Boolean practice) {
    }

    /** Answers by question id: "A", "ACD" or ["A","C","D"], "对"/"错" (or true/false). */
    record AnswersRequest(Map<String, Object> answers) {
    }

    /** A line of a public leaderboard (masked name, no account id). */
    record EntryJson(int rank, String name, String division, int score, String seconds, Instant finishedAt) {
    }

    /** A leaderboard and, when the caller is a participant, the caller's own line. */
    record BoardJson(long roundId, String roundTitle, DivisionJson division, int top, long ranked,
            List<EntryJson> entries, EntryJson me) {
    }

    private final QuizRounds rounds;
    private final QuizAttempts attempts;
    private final QuizLeaderboard leaderboard;
    private final Organizations organizations;
    private final Clock clock;
    private final QuizLookups lookups;

    QuizApiController(QuizRounds rounds, QuizAttempts attempts, QuizLeaderboard leaderboard,
            Organizations organizations, Clock clock, QuizLookups lookups) {
        this.lookups = lookups;
        this.clock = clock;
        this.rounds = rounds;
        this.attempts = attempts;
        this.leaderboard = leaderboard;
        this.organizations = organizations;
    }

    @GetMapping("/api/v1/public/quiz/rounds/current")
    @Operation(summary = "The round open now (or the next to open), with its rules")
    RoundJson current() {
        return json(rounds.current().orElseThrow(() -> new NotFoundException("no quiz round")));
    }

    @PostMapping("/api/v1/quiz/attempts")
    @Operation(summary = "Starts an attempt (or returns the open one): the questions WITHOUT answers")
    QuizPaper start(Actor actor, @RequestBody StartRequest body) {
        if (body == null || body.roundId() == null) {
            throw new InvalidInputException("roundId", "online.error.roundIdRequired");
        }
        return attempts.start(actor, body.roundId(), body.divisionId(), Boolean.TRUE.equals(body.practice()));
    }

    @PostMapping("/api/v1/quiz/attempts/{id}/answers")
    @Operation(summary = "Submits the answers; returns the score and, for each question, the correct answer and explanation")
    QuizResult answer(Actor actor, @PathVariable long id, @RequestBody AnswersRequest body) {
        return attempts.submit(actor, id, answers(body == null ? null : body.answers()));
    }

    @GetMapping("/api/v1/quiz/attempts/{id}")
    @Operation(summary = "One's own attempt: the questions while open (no answers), the result once submitted")
    Object attempt(Actor actor, @PathVariable long id) {
        return attempts.view(actor, id);
    }

    @GetMapping("/api/v1/public/quiz/rounds/{id}/leaderboard")
    @Operation(summary = "Leaderboard overall or of one division: best score, then less time, then earlier finish")
    BoardJson leaderboard(@PathVariable long id, @RequestParam(required = false) Long division,
            @RequestParam(required = false) Integer top) {
        QuizRound round = lookups.round(id);
        Long me = Actors.current().map(Actor::accountId).orElse(null);
        QuizLeaderboard.Board b = leaderboard.board(round, division, top, me);
        return new BoardJson(round.id(), round.title(),
                division == null ? null : new DivisionJson(division, b.divisionName()), b.top(), b.ranked(),
                b.entries().stream().map(QuizApiController::entry).toList(), b.me() == null ? null : entry(b.me()));
    }

    private RoundJson json(QuizRound r) {
        return new RoundJson(r.id(), r.title(), r.opensAt(), r.closesAt(), r.status(clock.instant()).name(), r.questionCount(), r.trueFalseCount(),
                r.singleCount(), r.multipleCount(), r.pointsPerQuestion(), r.maxScore(), r.secondsPerQuestion(),
                r.totalSeconds(), r.limitSeconds(), r.attemptsPerDay(), r.practiceEnabled(), r.leaderboardSize(),
                organizations.divisions().stream().map(d -> new DivisionJson(d.id(), d.name())).toList());
    }

    private static EntryJson entry(QuizLeaderboard.Entry e) {
        return new EntryJson(e.rank(), e.name(), e.divisionName(), e.score(), e.seconds(), e.finishedAt());
    }

    /** Question id → answer text, from the JSON shapes a client may send. */
    static Map<Long, String> answers(Map<String, Object> raw) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        raw.forEach((key, value) -> {
            long id;
            try {
                id = Long.parseLong(key.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("answers", "online.error.answerKey", key);
            }
            String text;
            if (value instanceof Collection<?> list) {
                text = String.join("", list.stream().map(String::valueOf).toList());
            } else if (value instanceof Boolean b) {
                text = b ? QuestionType.TRUE : QuestionType.FALSE;
            } else {
                text = value == null ? null : String.valueOf(value);
            }
            out.put(id, text);
        });
        return out;
    }
}
