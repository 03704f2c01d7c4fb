package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.sciday.campaign.ContentTheme;

/** How questions are checked and answers read, whoever types them. */
class QuestionRulesTests {

    static final List<ContentTheme> THEMES = List.of(new ContentTheme(1, "围绕建党百年，回望创新发展", ""),
            new ContentTheme(2, "弘扬科学精神，激发科学梦想", ""));

    @Test
    void answersAreReadTheWaysPeopleWriteThem() {
        assertThat(QuestionRules.letters("a, c")).isEqualTo("AC");
        assertThat(QuestionRules.letters("ＣＡ")).isEqualTo("AC");
        assertThat(QuestionRules.letters("A、B；D")).isEqualTo("ABD");
        assertThat(QuestionRules.letters("甲")).isNull();
        assertThat(QuestionRules.trueFalse("正确")).isEqualTo("A");
        assertThat(QuestionRules.trueFalse("×")).isEqualTo("B");
        assertThat(QuestionRules.trueFalse("也许")).isNull();
        assertThat(QuizAttempts.normalize(QuestionType.MULTIPLE, "c,a", 4)).isEqualTo("AC");
        assertThat(QuizAttempts.normalize(QuestionType.SINGLE, "E", 4)).isNull();
        assertThat(QuizAttempts.normalize(QuestionType.TRUE_FALSE, "错", 2)).isEqualTo("B");
        assertThat(QuizAttempts.normalize(QuestionType.SINGLE, " ", 4)).isNull();
    }

    @Test
    void aCorrectQuestionIsCleanedUp() {
        QuestionRules.Checked q = QuestionRules.check(new QuestionDraft(" 单选 ", "  地球绕什么转？\n", List.of("太阳", "月亮",
                "", "", "", ""), "a", "地球绕太阳公转。", "2.0"), THEMES);
        assertThat(q.problems()).isEmpty();
        assertThat(q.type()).isEqualTo(QuestionType.SINGLE);
        assertThat(q.stem()).isEqualTo("地球绕什么转？");
        assertThat(q.options()).containsExactly("太阳", "月亮");
        assertThat(q.correctAnswer()).isEqualTo("A");
        assertThat(q.themeNumber()).isEqualTo(2);
        QuestionRules.Checked tf = QuestionRules.check(new QuestionDraft("判断题", "水是由氢和氧组成的。", List.of("x"), "对",
                "水分子由两个氢原子和一个氧原子构成。", "弘扬科学精神，激发科学梦想"), THEMES);
        assertThat(tf.problems()).isEmpty();
        assertThat(tf.options()).containsExactly("对", "错");
        assertThat(tf.themeNumber()).isEqualTo(2);
    }

    @Test
    void everyProblemGetsAFieldAndAChineseMessage() {
        QuestionRules.Checked q = QuestionRules.check(new QuestionDraft("单选题", "x".repeat(1001),
                List.of("甲", "甲", "", "丁"), "AB", "", "7"), THEMES);
        assertThat(q.problems()).containsOnlyKeys("stem", "optionB", "optionC", "answer", "explanation", "theme");
        assertThat(q.problems().get("stem").text()).isEqualTo("题干不能超过 1000 个字（现有 1001 个字）。");
        assertThat(q.problems().get("optionB").text()).isEqualTo("选项B与选项A内容相同。");
        assertThat(q.problems().get("answer").text()).isEqualTo("单选题只能有一个正确答案（现为 AB）。");
        assertThat(q.problems().get("theme").text()).isEqualTo("内容主题应为活动方案中的主题编号（1–2）或主题名称，不能是“7”。");
        QuestionRules.Checked few = QuestionRules.check(new QuestionDraft("多选题", "题", List.of("甲", "乙"), "AB", "解",
                "1"), THEMES);
        assertThat(few.problems().get("optionC").text()).isEqualTo("多选题至少需要 3 个选项（现有 2 个）。");
    }
}
