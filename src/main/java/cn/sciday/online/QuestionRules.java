package cn.sciday.online;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.sciday.campaign.ContentTheme;
import cn.sciday.web.UserMessage;

/**
 * Checks a question draft and turns it into clean values, with a message (by key) per field. The same rules serve
 * the edit form, the spreadsheet import and the demo questions.
 */
final class QuestionRules {

    static final int MAX_STEM = 1000;
    static final int MAX_OPTION = 300;
    static final int MAX_EXPLANATION = 2000;

    /** A checked question, or the problems found (field name → message). */
    record Checked(QuestionType type, String stem, List<String> options, String correctAnswer, String explanation,
            int themeNumber, Map<String, UserMessage> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private QuestionRules() {
    }

    static Checked check(QuestionDraft d, List<ContentTheme> themes) {
        Map<String, UserMessage> problems = new LinkedHashMap<>();
        QuestionType type = QuestionType.parse(d.type()).orElse(null);
        if (type == null) {
            problems.put("type", blank(d.type()) ? UserMessage.of("online.error.typeRequired")
                    : UserMessage.of("online.error.typeUnknown", d.type().strip()));
        }
        String stem = clean(d.stem());
        if (stem.isEmpty()) {
            problems.put("stem", UserMessage.of("online.error.stemRequired"));
        } else if (stem.length() > MAX_STEM) {
            problems.put("stem", UserMessage.of("online.error.stemTooLong", MAX_STEM, stem.length()));
        }
        List<String> options = type == null ? List.of() : options(type, d.options(), problems);
        String answer = type == null ? null : answer(type, d.answer(), options.size(), problems);
        String explanation = clean(d.explanation());
        if (explanation.isEmpty()) {
            problems.put("explanation", UserMessage.of("online.error.explanationRequired"));
        } else if (explanation.length() > MAX_EXPLANATION) {
            problems.put("explanation", UserMessage.of("online.error.explanationTooLong", MAX_EXPLANATION));
        }
        int theme = theme(d.theme(), themes, problems);
        return new Checked(type, stem, options, answer, explanation, theme, problems);
    }

    private static List<String> options(QuestionType type, List<String> raw, Map<String, UserMessage> problems) {
        if (type == QuestionType.TRUE_FALSE) {
            return List.of(QuestionType.TRUE, QuestionType.FALSE);
        }
        List<String> given = new ArrayList<>();
        for (int i = 0; i < QuestionDraft.OPTION_SLOTS; i++) {
            given.add(raw != null && i < raw.size() ? clean(raw.get(i)) : "");
        }
        int last = -1;
        for (int i = 0; i < given.size(); i++) {
            if (!given.get(i).isEmpty()) {
                last = i;
            }
        }
        List<String> options = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            String text = given.get(i);
            String field = "option" + QuizQuestion.letter(i);
            if (text.isEmpty()) {
                problems.put(field, UserMessage.of("online.error.optionGap", QuizQuestion.letter(i)));
            } else if (text.length() > MAX_OPTION) {
                problems.put(field, UserMessage.of("online.error.optionTooLong", QuizQuestion.letter(i), MAX_OPTION));
            } else {
                int same = options.indexOf(text);
                if (same >= 0) {
                    problems.put(field, UserMessage.of("online.error.optionRepeated", QuizQuestion.letter(i),
                            QuizQuestion.letter(same)));
                }
            }
            options.add(text);
        }
        int needed = type == QuestionType.SINGLE ? 2 : 3;
        if (options.size() < needed && !problems.containsKey("optionA")) {
            problems.put(options.isEmpty() ? "optionA" : "option" + QuizQuestion.letter(options.size()),
                    UserMessage.of("online.error.tooFewOptions", UserMessage.of("quiz.type." + type.name()), needed,
                            options.size()));
        }
        return options;
    }

    private static String answer(QuestionType type, String raw, int optionCount,
            Map<String, UserMessage> problems) {
        String text = clean(raw);
        if (text.isEmpty()) {
            problems.put("answer", UserMessage.of("online.error.answerRequired"));
            return null;
        }
        if (type == QuestionType.TRUE_FALSE) {
            String a = trueFalse(text);
            if (a == null) {
                problems.put("answer", UserMessage.of("online.error.trueFalseAnswer", text));
            }
            return a;
        }
        String letters = letters(text);
        if (letters == null) {
            problems.put("answer", UserMessage.of("online.error.answerLetters", text));
            return null;
        }
        for (char c : letters.toCharArray()) {
            if (c - 'A' >= optionCount) {
                problems.put("answer", UserMessage.of("online.error.answerNoOption", String.valueOf(c),
                        optionCount));
                return null;
            }
        }
        if (type == QuestionType.SINGLE && letters.length() != 1) {
            problems.put("answer", UserMessage.of("online.error.singleAnswer", letters));
            return null;
        }
        if (type == QuestionType.MULTIPLE && letters.length() < 2) {
            problems.put("answer", UserMessage.of("online.error.multipleAnswer", letters));
            return null;
        }
        return letters;
    }

    /** 对/错 in the ways people write it, as A (对) or B (错); null when it is neither. */
    static String trueFalse(String text) {
        return switch (text.strip().toUpperCase()) {
            case "对", "正确", "是", "√", "✓", "✔", "T", "TRUE", "Y", "A" -> "A";
            case "错", "错误", "否", "×", "✗", "✘", "X", "F", "FALSE", "N", "B" -> "B";
            default -> null;
        };
    }

    /** Option letters in any of the ways people write them (A,C / A、C / ａｃ), sorted; null if not letters. */
    static String letters(String text) {
        TreeSet<Character> set = new TreeSet<>();
        for (char c : text.toCharArray()) {
            if (c >= 'ａ' && c <= 'ｚ') {
                c = (char) (c - 'ａ' + 'a');
            }
            if (c >= 'Ａ' && c <= 'Ｚ') {
                c = (char) (c - 'Ａ' + 'A');
            }
            c = Character.toUpperCase(c);
            if (c >= 'A' && c <= 'F') {
                set.add(c);
            } else if (!(Character.isWhitespace(c) || ",，、;；/|".indexOf(c) >= 0)) {
                return null;
            }
        }
        if (set.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        set.forEach(b::append);
        return b.toString();
    }

    private static int theme(String raw, List<ContentTheme> themes, Map<String, UserMessage> problems) {
        String text = clean(raw);
        String allowed = themes.isEmpty() ? "1–6" : themes.get(0).number() + "–" + themes.get(themes.size() - 1).number();
        if (text.isEmpty()) {
            problems.put("theme", UserMessage.of("online.error.themeRequired", allowed));
            return 0;
        }
        String number = text.replaceAll("\\.0+$", "").replaceFirst("^主题", "");
        for (ContentTheme t : themes) {
            if (number.equals(String.valueOf(t.number())) || text.equals(t.title())
                    || (text.length() >= 4 && t.title().startsWith(text))) {
                return t.number();
            }
        }
        problems.put("theme", UserMessage.of("online.error.themeUnknown", allowed,
                text));
        return 0;
    }

    /** How a person reads a stored answer: 对 / 错 for true/false, A、C for choices. */
    static String answerText(QuestionType type, String letters) {
        if (letters == null || letters.isEmpty()) {
            return "";
        }
        if (type == QuestionType.TRUE_FALSE) {
            return "A".equals(letters) ? QuestionType.TRUE : "B".equals(letters) ? QuestionType.FALSE : letters;
        }
        return String.join("、", letters.split(""));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Trims, including full-width spaces, and turns line breaks inside a cell into spaces. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return s.replace('\u3000', ' ').replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
