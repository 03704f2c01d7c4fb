package cn.sciday.online;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.sciday.web.Actor;
import cn.sciday.web.Todo;
import cn.sciday.web.TodoProvider;

/** On the city admin's to-do list: entries and volunteers to review, comments waiting, likes flagged. */
@Component
class OnlineTodos implements TodoProvider {

    private final VideoEntries videos;
    private final Volunteers volunteers;
    private final Topics topics;
    private final Likes likes;

    OnlineTodos(VideoEntries videos, Volunteers volunteers, Topics topics, Likes likes) {
        this.videos = videos;
        this.volunteers = volunteers;
        this.topics = topics;
        this.likes = likes;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        List<Todo> todos = new ArrayList<>();
        if (!actor.isCityAdmin()) {
            return todos;
        }
        add(todos, videos.pendingCount(), "online.todo.videos", "/admin/online/videos");
        add(todos, volunteers.pendingCount(), "online.todo.volunteers", "/admin/online/volunteers");
        add(todos, topics.pendingCount(null), "online.todo.comments", "/admin/online/topics");
        add(todos, likes.openFlagCount(), "online.todo.flags", "/admin/online/flags");
        return todos;
    }

    private static void add(List<Todo> todos, int count, String key, String link) {
        if (count > 0) {
            todos.add(Todo.of(key, link, count));
        }
    }
}
