package cn.sciday.activity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.sciday.web.Actor;
import cn.sciday.web.Todo;
import cn.sciday.web.TodoProvider;

/** Activities waiting for the actor's review, and the actor's own activities returned for revision. */
@Component
class ActivityTodos implements TodoProvider {

    private final Activities activities;

    ActivityTodos(Activities activities) {
        this.activities = activities;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        List<Todo> todos = new ArrayList<>();
        long waiting = activities.reviewCount(actor);
        if (waiting > 0) {
            todos.add(Todo.of("activity.todo.review", "/review", waiting).markUrgent());
        }
        if (actor.isStaff()) {
            long returned = activities.ownedBy(actor, new ActivityFilter(ActivityStatus.RETURNED, null, null, false, 0, 1))
                    .total();
            if (returned > 0) {
                todos.add(Todo.of("activity.todo.returned", "/my/activities", returned).markUrgent());
            }
            long drafts = activities.ownedBy(actor, new ActivityFilter(ActivityStatus.DRAFT, null, null, false, 0, 1))
                    .total();
            if (drafts > 0) {
                todos.add(Todo.of("activity.todo.drafts", "/my/activities", drafts));
            }
        }
        return todos;
    }
}
