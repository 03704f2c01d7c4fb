package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.sciday.campaign.ContentTheme;

/** The demo bank: at least 60 questions that pass the import rules, every type and every theme of the 2021 plan. */
class QuizDemoQuestionsTests {

    @Test
    void theDemoBankIsCompleteAndValid() {
        List<ContentTheme> themes = List.of(new ContentTheme(1, "围绕建党百年，回望创新发展", ""),
                new ContentTheme(2, "弘扬科学精神，激发科学梦想", ""), new ContentTheme(3, "倡导绿色发展，服务生态建设", ""),
                new ContentTheme(4, "立足全面小康，助力乡村振兴", ""), new ContentTheme(5, "开展志愿服务，深化文明实践", ""),
                new ContentTheme(6, "宣传科学素质纲要，推动贯彻实施", ""));
        List<QuestionDraft> drafts = QuizDemoSeeder.load();
        assertThat(drafts).hasSizeGreaterThanOrEqualTo(60);
        Map<QuestionType, Integer> byType = new EnumMap<>(QuestionType.class);
        Map<Integer, Integer> byTheme = new TreeMap<>();
        var stems = new HashSet<String>();
        for (QuestionDraft d : drafts) {
            QuestionRules.Checked q = QuestionRules.check(d, themes);
            assertThat(q.problems()).as(d.stem()).isEmpty();
            assertThat(stems.add(q.stem())).as("duplicate " + q.stem()).isTrue();
            assertThat(q.explanation().length()).as(d.stem()).isBetween(15, 200);
            byType.merge(q.type(), 1, Integer::sum);
            byTheme.merge(q.themeNumber(), 1, Integer::sum);
        }
        // Enough of each type for two different default draws (7 true/false, 7 single, 6 multiple).
        assertThat(byType.get(QuestionType.TRUE_FALSE)).isGreaterThanOrEqualTo(14);
        assertThat(byType.get(QuestionType.SINGLE)).isGreaterThanOrEqualTo(14);
        assertThat(byType.get(QuestionType.MULTIPLE)).isGreaterThanOrEqualTo(12);
        assertThat(byTheme.keySet()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(byTheme.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
    }
}
