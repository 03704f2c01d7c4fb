package cn.sciday.online;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Actors;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.RateLimitedRedirect;
import cn.sciday.web.TooManyRequestsException;

/**
 * The quiz for the public, phone first and without JavaScript: the current round and its rules, a plain form of
 * questions, the result with explanations, and the leaderboards.
 */
@Controller
class QuizPageController {

    private final QuizRounds rounds;
    private final QuizAttempts attempts;
    private final QuizLeaderboard leaderboard;
    private final Organizations organizations;
    private final Clock clock;

    QuizPageController(QuizRounds rounds, QuizAttempts attempts, QuizLeaderboard leaderboard,
            Organizations organizations, Clock clock) {
        this.rounds = rounds;
        this.attempts = attempts;
        this.leaderboard = leaderboard;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping("/quiz")
    String index(Model model) {
        Optional<QuizRound> current = rounds.current();
        Optional<Actor> actor = Actors.current();
        model.addAttribute("round", current.orElse(null));
        model.addAttribute("actor", actor.orElse(null));
        current.ifPresent(round -> {
            model.addAttribute("status", round.status(clock.instant()).name());
            model.addAttribute("limitMinutes", (round.limitSeconds() + 59) / 60);
            model.addAttribute("divisions", organizations.divisions());
            actor.filter(Actor::isPublic).ifPresent(a -> {
                List<QuizAttempt> mine = attempts.mine(a, round.id());
                model.addAttribute("participant", attempts.participant(a, round.id()).orElse(null));
                model.addAttribute("attemptsLeft", attempts.attemptsLeftToday(a, round));
                model.addAttribute("openAttempt", mine.stream().filter(QuizAttempt::isOpen).findFirst().orElse(null));
                model.addAttribute("finished", mine.stream().filter(x -> !x.isOpen()).toList());
            });
        });
        return "quiz/index";
    }

    /** Anonymous visitors follow this link to log in and come back to the quiz. */
    @GetMapping("/quiz/login")
    String login() {
        return "redirect:/quiz";
    }

    @PostMapping("/quiz/start")
    String start(Actor actor, @RequestParam long roundId, @RequestParam(required = false) Long divisionId,
            @RequestParam(defaultValue = "false") boolean practice, RedirectAttributes flash) {
        try {
            QuizPaper paper = attempts.start(actor, roundId, divisionId, practice);
            return "redirect:/quiz/attempts/" + paper.attemptId();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("divisionError", e.firstMessage());
            return "redirect:/quiz#start";
        } catch (TooManyRequestsException e) {
            RateLimitedRedirect.remember(flash, e);
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/quiz#start";
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/quiz#start";
        }
    }

    @GetMapping("/quiz/attempts/{id}")
    String attempt(Actor actor, @PathVariable long id, Model model) {
        Object view = attempts.view(actor, id);
        if (view instanceof QuizResult) {
            return "redirect:/quiz/attempts/" + id + "/result";
        }
        QuizPaper paper = (QuizPaper) view;
        model.addAttribute("paper", paper);
        model.addAttribute("deadline", java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(paper.deadline().atZone(cn.sciday.campaign.Campaign.ZONE)));
        model.addAttribute("minutesLeft", (paper.secondsLeft() + 59) / 60);
        return "quiz/attempt";
    }

    @PostMapping("/quiz/attempts/{id}")
    String submit(Actor actor, @PathVariable long id, HttpServletRequest request) {
        Map<Long, String> answers = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.matches("q\\d{1,18}")) {
                answers.put(Long.parseLong(name.substring(1)), String.join("", values));
            }
        });
        attempts.submit(actor, id, answers);
        return "redirect:/quiz/attempts/" + id + "/result";
    }

    @GetMapping("/quiz/attempts/{id}/result")
    String result(Actor actor, @PathVariable long id, Model model) {
        Object view = attempts.view(actor, id);
        if (view instanceof QuizPaper) {
            return "redirect:/quiz/attempts/" + id;
        }
        model.addAttribute("result", view);
        return "quiz/result";
    }

    @GetMapping("/quiz/leaderboard")
    String leaderboard(@RequestParam(required = false) Long round, @RequestParam(required = false) Long division,
            Model model) {
        Optional<QuizRound> r = round == null ? rounds.current() : Optional.of(rounds.get(round));
        model.addAttribute("round", r.orElse(null));
        model.addAttribute("divisions", organizations.divisions());
        model.addAttribute("division", division);
        r.ifPresent(x -> model.addAttribute("board", leaderboard.board(x, division, null,
                Actors.current().filter(Actor::isPublic).map(Actor::accountId).orElse(null))));
        return "quiz/leaderboard";
    }
}
