package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import cn.sciday.web.InvalidInputException;
import cn.sciday.web.TooManyRequestsException;
import cn.sciday.web.UserMessage;

/** Online messages built from parts (a field's name, a nested sentence) read naturally in both languages. */
class OnlineMessagesTests {

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aFieldsNameIsPutIntoTheSameLanguage() {
        OnlineInput in = new OnlineInput();
        in.text("title", "长".repeat(12), 10, "online.error.entryTitleRequired", "online.label.entryTitle");
        InvalidInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                in::check);
        assertThat(e.firstMessage()).isEqualTo("作品名称不能超过 10 个字（现在是 12 个字）。");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(e.firstMessage()).isEqualTo("Title of the entry can have at most 10 characters (it now has 12).");
    }

    @Test
    void theDailyQuizLimitNamesTomorrowAndMentionsPracticeWhenOpen() {
        LocalDate tomorrow = LocalDate.of(2021, 9, 16);
        TooManyRequestsException e = new TooManyRequestsException("online.error.attemptsUsed", 600, 3,
                tomorrow.getMonthValue(), tomorrow.getDayOfMonth(), tomorrow,
                UserMessage.of("online.error.practiceStillOpen"));
        assertThat(e.getMessage()).isEqualTo(
                "今天的 3 次答题机会已经用完，请在明天（9月16日）0 点以后再来。您仍可以使用练习模式，练习成绩不计入排行榜。");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(e.getMessage()).isEqualTo("You have used all 3 attempts for today. Come back after midnight "
                + "(from 2021-09-16). You can still practise; practice scores do not count on the leaderboard.");
        assertThat(new TooManyRequestsException("online.error.attemptsUsed", 600, 3, 9, 16, tomorrow, "")
                .getMessage()).isEqualTo("You have used all 3 attempts for today. Come back after midnight (from 2021-09-16).");
    }
}
