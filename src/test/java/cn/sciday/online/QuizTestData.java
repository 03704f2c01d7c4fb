package cn.sciday.online;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Questions and rounds for quiz tests: every question's correct answer is A (choice) or 对 (true/false). */
final class QuizTestData {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private QuizTestData() {
    }

    /** Makes sure the bank holds at least {@code n} enabled questions of each type. */
    static void ensureQuestions(QuestionBank bank, int n) {
        var counts = bank.enabledCounts();
        for (QuestionType t : QuestionType.values()) {
            for (int i = counts.get(t); i < n; i++) {
                bank.create(draft(t), "TEST");
            }
        }
    }

    static QuestionDraft draft(QuestionType t) {
        int k = SEQ.incrementAndGet();
        return switch (t) {
            case TRUE_FALSE -> new QuestionDraft("判断题", "测试判断题 " + k + "：水在标准大气压下100℃沸腾。", List.of(), "对",
                    "标准大气压下水的沸点是100℃。", "2");
            case SINGLE -> new QuestionDraft("单选题", "测试单选题 " + k + "：地球绕什么转？",
                    List.of("太阳", "月亮", "火星", "木星"), "A", "地球绕太阳公转。", "2");
            case MULTIPLE -> new QuestionDraft("多选题", "测试多选题 " + k + "：哪些是行星？",
                    List.of("地球", "火星", "月球", "太阳"), "AB", "地球和火星是行星。", "2");
        };
    }

    /** A round open from 2021-09-11 through 2021-12-10 with the given counts and attempts per day. */
    static QuizRoundForm round(int tf, int single, int multiple, int perDay, boolean practice) {
        return new QuizRoundForm("测试答题 " + SEQ.incrementAndGet(), "2021-09-11T00:00", "2021-12-10T23:59",
                String.valueOf(tf), String.valueOf(single), String.valueOf(multiple), "5", "30", "600",
                String.valueOf(perDay), practice, "50", null);
    }

    /** The correct answers of a paper, looked up in the bank (as letters). */
    static Map<Long, String> rightAnswers(QuizPaper paper, QuestionRepository questions) {
        Map<Long, String> answers = new LinkedHashMap<>();
        paper.questions().forEach(q -> answers.put(q.id(), questions.findById(q.id()).orElseThrow().correctAnswer()));
        return answers;
    }

    /** Right answers for the first {@code right} questions, wrong ones for the rest. */
    static Map<Long, String> answers(QuizPaper paper, QuestionRepository questions, int right) {
        Map<Long, String> answers = new LinkedHashMap<>();
        int i = 0;
        for (QuizPaper.Question q : paper.questions()) {
            String correct = questions.findById(q.id()).orElseThrow().correctAnswer();
            answers.put(q.id(), i++ < right ? correct : wrong(q.type(), correct));
        }
        return answers;
    }

    static String wrong(QuestionType type, String correct) {
        return switch (type) {
            case TRUE_FALSE, SINGLE -> "A".equals(correct) ? "B" : "A";
            case MULTIPLE -> correct.substring(0, 1);
        };
    }
}
