package cn.sciday.web;

/**
 * One line of a role's to-do list on the workbench: a message key with arguments, a link, and whether it is urgent
 * (a deadline close or passed).
 */
public record Todo(String messageKey, Object[] args, String link, boolean urgent) {

    public static Todo of(String messageKey, String link, Object... args) {
        return new Todo(messageKey, args, link, false);
    }

    public Todo markUrgent() {
        return new Todo(messageKey, args, link, true);
    }
}
