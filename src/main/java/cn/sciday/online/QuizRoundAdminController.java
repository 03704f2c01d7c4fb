package cn.sciday.online;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.notification.RecipientDirectory;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.PersonalData;

/** Quiz rounds for city admins: list, new, edit, per-question correct rates, the winners' spreadsheet. */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class QuizRoundAdminController {

    private final QuizRounds rounds;
    private final QuestionBank bank;
    private final QuestionRepository questions;
    private final QuizLeaderboard leaderboard;
    private final CampaignManagement campaigns;
    private final RecipientDirectory recipients;
    private final Clock clock;

    QuizRoundAdminController(QuizRounds rounds, QuestionBank bank, QuestionRepository questions,
            QuizLeaderboard leaderboard, CampaignManagement campaigns, RecipientDirectory recipients, Clock clock) {
        this.rounds = rounds;
        this.bank = bank;
        this.questions = questions;
        this.leaderboard = leaderboard;
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.clock = clock;
    }

    @GetMapping("/admin/quiz/rounds")
    String list(Model model) {
        java.util.List<QuizRound> all = rounds.ofCurrentCampaign();
        Map<QuestionType, Integer> counts = bank.enabledCounts();
        model.addAttribute("rounds", all);
        model.addAttribute("now", clock.instant());
        model.addAttribute("shortRounds", all.stream().filter(r -> java.util.Arrays.stream(QuestionType.values())
                .anyMatch(t -> counts.get(t) < r.count(t))).map(QuizRound::id).toList());
        return "quiz/admin/rounds";
    }

    @GetMapping("/admin/quiz/rounds/new")
    String newForm(Model model) {
        Campaign c = campaigns.requireCurrent();
        LocalDateTime opens = LocalDateTime.ofInstant(clock.instant(), Campaign.ZONE).truncatedTo(ChronoUnit.HOURS)
                .plusHours(1);
        String closes = c.endsOn().atTime(23, 59).toString();
        return form(model, QuizRoundForm.defaults(c.year() + "年科普知识网络答题", opens.toString(), closes), null, Map.of());
    }

    @PostMapping("/admin/quiz/rounds")
    String create(QuizRoundForm form, Model model, RedirectAttributes flash) {
        try {
            rounds.create(form);
            flash.addFlashAttribute("notice", "quiz.round.saved");
            return "redirect:/admin/quiz/rounds";
        } catch (InvalidInputException e) {
            return form(model, form, null, QuestionAdminController.problems(e));
        }
    }

    @GetMapping("/admin/quiz/rounds/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        QuizRound r = rounds.get(id);
        QuizRoundForm form = new QuizRoundForm(r.title(), local(r.opensAt()), local(r.closesAt()),
                String.valueOf(r.trueFalseCount()), String.valueOf(r.singleCount()), String.valueOf(r.multipleCount()),
                String.valueOf(r.pointsPerQuestion()), String.valueOf(r.secondsPerQuestion()),
                String.valueOf(r.totalSeconds()), String.valueOf(r.attemptsPerDay()), r.practiceEnabled(),
                String.valueOf(r.leaderboardSize()), r.version());
        return form(model, form, id, Map.of());
    }

    @PostMapping("/admin/quiz/rounds/{id}")
    String update(@PathVariable long id, QuizRoundForm form, Model model, RedirectAttributes flash) {
        rounds.get(id);
        try {
            rounds.update(id, form);
            flash.addFlashAttribute("notice", "quiz.round.saved");
            return "redirect:/admin/quiz/rounds";
        } catch (InvalidInputException e) {
            return form(model, form, id, QuestionAdminController.problems(e));
        }
    }

    @GetMapping("/admin/quiz/rounds/{id}/stats")
    String stats(@PathVariable long id, Model model) {
        QuizRound r = rounds.get(id);
        model.addAttribute("round", r);
        model.addAttribute("totals", leaderboard.totals(r));
        model.addAttribute("stats", leaderboard.questionStats(r, questions::findByIds));
        return "quiz/admin/stats";
    }

    @GetMapping("/admin/quiz/rounds/{id}/winners.xlsx")
    ResponseEntity<byte[]> winners(@PathVariable long id) throws IOException {
        QuizRound r = rounds.get(id);
        QuizLeaderboard.Board board = leaderboard.board(r, null, r.leaderboardSize(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuizWinnersExport.write(out, r, board.entries(), accountId -> recipients.find(accountId)
                .map(x -> x.mobile()).filter(m -> m != null && !m.isBlank()).map(PersonalData::maskMobile)
                .orElseGet(() -> board.entries().stream().filter(e -> e.accountId() == accountId)
                        .map(QuizLeaderboard.Entry::name).findFirst().orElse("")));
        return QuestionAdminController.xlsx(out.toByteArray(), "答题获奖名单-" + r.id() + ".xlsx");
    }

    private String form(Model model, QuizRoundForm form, Long id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        return "quiz/admin/round-form";
    }

    private static String local(java.time.Instant t) {
        return LocalDateTime.ofInstant(t, Campaign.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
