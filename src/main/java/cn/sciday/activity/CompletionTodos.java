package cn.sciday.activity;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.sciday.campaign.CampaignManagement;
import cn.sciday.web.Actor;
import cn.sciday.web.Todo;
import cn.sciday.web.TodoProvider;

/**
 * To-dos of completion and summaries: the actor's own published activities still incomplete, its own next summary
 * not yet submitted, and summaries waiting for the actor's acceptance (a coordinator: its units'; the city: the
 * divisions' and departments').
 */
@Component
class CompletionTodos implements TodoProvider {

    private final CompletionManagement completions;
    private final SummaryManagement summaries;
    private final CampaignManagement campaigns;
    private final ActivityMessages messages;

    CompletionTodos(CompletionManagement completions, SummaryManagement summaries, CampaignManagement campaigns,
            ActivityMessages messages) {
        this.completions = completions;
        this.summaries = summaries;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        List<Todo> todos = new ArrayList<>();
        if (!actor.isStaff() || actor.organizationId() == null || (actor.isOrganizer() && !actor.unitApproved())
                || campaigns.current().isEmpty()) {
            return todos;
        }
        SummaryBoard board = summaries.board(actor);
        if (!actor.isCityAdmin()) {
            CompletionOverview overview = completions.overview(actor);
            long incomplete = overview.ownActivities().stream().filter(a -> !a.complete()).count();
            if (incomplete > 0) {
                Todo t = Todo.of("completion.todo.incomplete", "/completion", incomplete);
                todos.add(overview.duePassed() ? t.markUrgent() : t);
            }
            board.own().stream().map(SummaryView::state).filter(SummaryState::missing).findFirst().ifPresent(s -> {
                Todo t = Todo.of("completion.todo.summaryMissing", "/summaries",
                        messages.get("completion.summary.kind." + s.kind()),
                        DateTimeFormatter.ofPattern(messages.get("activity.date.pattern"), ActivityMessages.locale())
                                .format(s.dueOn()));
                todos.add(s.overdue() ? t.markUrgent() : t);
            });
        }
        List<SummaryLine> reviewed = actor.isCityAdmin() ? board.bodies() : board.units();
        long waiting = reviewed.stream().flatMap(l -> java.util.stream.Stream.of(l.stage(), l.full()))
                .filter(s -> s.status() == SummaryStatus.SUBMITTED).count();
        if (waiting > 0) {
            todos.add(Todo.of("completion.todo.summariesToAccept", "/summaries", waiting));
        }
        return todos;
    }
}
