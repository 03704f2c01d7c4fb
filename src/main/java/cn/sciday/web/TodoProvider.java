package cn.sciday.web;

import java.util.List;

/** Implemented by modules that put work on someone's to-do list (units to approve, activities to review…). */
public interface TodoProvider {

    List<Todo> todosFor(Actor actor);
}
