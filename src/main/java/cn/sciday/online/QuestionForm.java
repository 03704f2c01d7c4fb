package cn.sciday.online;

import java.util.List;

/** The question edit form as typed. */
record QuestionForm(String type, String stem, String optionA, String optionB, String optionC, String optionD,
        String optionE, String optionF, String answer, String explanation, String theme, Integer version) {

    static QuestionForm empty() {
        return new QuestionForm("SINGLE", "", "", "", "", "", "", "", "", "", "1", null);
    }

    static QuestionForm of(QuizQuestion q) {
        List<String> o = q.type() == QuestionType.TRUE_FALSE ? List.of() : q.options();
        return new QuestionForm(q.type().name(), q.stem(), at(o, 0), at(o, 1), at(o, 2), at(o, 3), at(o, 4), at(o, 5),
                q.correctAnswerText().replace("、", ""), q.explanation(), String.valueOf(q.themeNumber()), q.version());
    }

    QuestionDraft draft() {
        return new QuestionDraft(type, stem, List.of(n(optionA), n(optionB), n(optionC), n(optionD), n(optionE),
                n(optionF)), answer, explanation, theme);
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : "";
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
