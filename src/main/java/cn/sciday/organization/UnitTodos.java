package cn.sciday.organization;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.sciday.web.Actor;
import cn.sciday.web.Todo;
import cn.sciday.web.TodoProvider;

/** Units waiting for approval, on the coordinator's and city's to-do lists; a pending unit's own status. */
@Component
class UnitTodos implements TodoProvider {

    private final Organizations organizations;

    UnitTodos(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        List<Todo> todos = new ArrayList<>();
        if (actor.isCoordinator() || actor.isCityAdmin()) {
            int pending = organizations.unitsVisibleTo(actor, OrganizationStatus.PENDING).size();
            if (pending > 0) {
                todos.add(Todo.of("unit.todo.pending", "/units?status=PENDING", pending).markUrgent());
            }
        }
        return todos;
    }
}
