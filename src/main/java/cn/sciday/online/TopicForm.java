package cn.sciday.online;

/** The city admin's form for a topic; times as typed (Beijing time). The picture comes as a separate upload. */
public record TopicForm(String question, String description, String opensAt, String closesAt, String moderation) {

    static TopicForm empty() {
        return new TopicForm("", "", "", "", TopicModeration.SHOW_AT_ONCE.name());
    }

    static TopicForm of(Topic t) {
        return new TopicForm(t.question(), t.description(), VideoRound.INPUT.format(t.opensAt()),
                VideoRound.INPUT.format(t.closesAt()), t.moderation().name());
    }
}
