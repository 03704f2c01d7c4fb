package cn.sciday.online;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.campaign.CampaignManagement;
import cn.sciday.campaign.ContentTheme;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.UserMessage;

/** The question bank: create, edit, disable and import questions (city admins), all checked by the same rules. */
@Service
class QuestionBank {

    private final QuestionRepository questions;
    private final CampaignManagement campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final QuizMetrics metrics;

    QuestionBank(QuestionRepository questions, CampaignManagement campaigns, ApplicationEventPublisher events,
            Clock clock, QuizMetrics metrics) {
        this.questions = questions;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The content themes of the current campaign, which questions are filed under. */
    @Transactional(readOnly = true)
    public List<ContentTheme> themes() {
        return campaigns.current().map(c -> c.themes()).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public QuizQuestion get(long id) {
        return questions.findById(id).orElseThrow(() -> new NotFoundException("question " + id));
    }

    @Transactional(readOnly = true)
    public List<QuizQuestion> search(QuestionType type, Integer theme, String text, Boolean enabled) {
        return questions.search(type, theme, text, enabled);
    }

    @Transactional(readOnly = true)
    public Map<QuestionType, Integer> enabledCounts() {
        return questions.enabledCounts();
    }

    @Transactional(readOnly = true)
    public int timesDrawn(long id) {
        return questions.timesDrawn(id);
    }

    @Transactional
    public long create(QuestionDraft draft, String source) {
        QuestionRules.Checked q = checked(draft, null);
        long id = questions.insert(q, source, clock.instant());
        events.publishEvent(new QuizChanged("QUESTION_CREATED", id, q.stem()));
        events.publishEvent(new QuestionBankChanged(id));
        return id;
    }

    @Transactional
    public void update(long id, int version, QuestionDraft draft) {
        get(id);
        QuestionRules.Checked q = checked(draft, id);
        questions.update(id, version, q, clock.instant());
        events.publishEvent(new QuizChanged("QUESTION_EDITED", id, q.stem()));
        events.publishEvent(new QuestionBankChanged(id));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        QuizQuestion q = get(id);
        questions.setEnabled(id, enabled, clock.instant());
        events.publishEvent(new QuizChanged(enabled ? "QUESTION_ENABLED" : "QUESTION_DISABLED", id, q.stem()));
        events.publishEvent(new QuestionBankChanged(id));
    }

    /**
     * Imports spreadsheet rows all or nothing: every problem of every row is reported with its row and column,
     * and nothing is stored unless there is none.
     */
    @Transactional
    public int importRows(List<QuestionImport.Row> rows) {
        List<ContentTheme> themes = themes();
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        List<QuestionRules.Checked> ok = new ArrayList<>();
        Map<String, Integer> stemRow = new HashMap<>();
        for (QuestionImport.Row row : rows) {
            QuestionRules.Checked q = QuestionRules.check(row.draft(), themes);
            q.problems().forEach((field, message) -> problems.add(row.problem(field, message)));
            if (!q.stem().isEmpty() && !q.problems().containsKey("stem")) {
                Integer earlier = stemRow.putIfAbsent(q.stem(), row.number());
                if (earlier != null) {
                    problems.add(row.problem("stem", UserMessage.of("online.error.stemSameAsRow", earlier)));
                } else {
                    questions.findIdByStem(q.stem()).ifPresent(existing -> problems.add(
                            row.problem("stem", UserMessage.of("online.error.stemInBank", existing))));
                }
            }
            ok.add(q);
        }
        if (rows.isEmpty()) {
            problems.add(new InvalidInputException.Problem(QuestionImport.rowLabel(2), "online.error.noQuestions"));
        }
        if (!problems.isEmpty()) {
            metrics.importRefused();
            throw new InvalidInputException(problems);
        }
        for (QuestionRules.Checked q : ok) {
            questions.insert(q, "IMPORT", clock.instant());
        }
        events.publishEvent(new QuizChanged("QUESTIONS_IMPORTED", null, ok.size() + " questions"));
        events.publishEvent(new QuestionBankChanged(null));
        metrics.imported(ok.size());
        return ok.size();
    }

    private QuestionRules.Checked checked(QuestionDraft draft, Long self) {
        QuestionRules.Checked q = QuestionRules.check(draft, themes());
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        q.problems().forEach((f, m) -> problems.add(new InvalidInputException.Problem(f, m)));
        if (q.ok()) {
            questions.findIdByStem(q.stem()).filter(existing -> !existing.equals(self)).ifPresent(existing ->
                    problems.add(new InvalidInputException.Problem("stem", "online.error.stemInBank", existing)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return q;
    }
}
