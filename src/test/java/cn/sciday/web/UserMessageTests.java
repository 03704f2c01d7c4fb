package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Messages by key: put into words in the current language when read, Chinese outside a request. */
class UserMessageTests {

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aKeyIsPutIntoWordsInChineseOutsideARequestAndInTheRequestsLanguageInside() {
        ConflictException e = new ConflictException("error.changedMeanwhile");
        assertThat(e.getMessage()).isEqualTo("该内容刚被他人修改，请刷新后再试。");
        assertThat(e.reason().code()).isEqualTo("error.changedMeanwhile");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(e.getMessage()).isEqualTo("Someone else has just changed this. Please reload and try again.");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(e.getMessage()).isEqualTo("该内容刚被他人修改，请刷新后再试。");
    }

    @Test
    void invalidInputNamesTheFieldAndResolvesEachProblem() {
        InvalidInputException e = new InvalidInputException("name", "error.controlCharacters");
        assertThat(e.firstMessage()).isEqualTo("提交的内容含有不可见的控制字符，请删除后再提交。");
        assertThat(e.getMessage()).isEqualTo("name: 提交的内容含有不可见的控制字符，请删除后再提交。");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(e.problems().get(0).message()).startsWith("The text contains invisible control characters");
        assertThat(e.problems().get(0).code()).isEqualTo("error.controlCharacters");
    }

    /** Whole numbers are written as digits (a year is 2021, not 2,021); a resolvable argument is resolved too. */
    @Test
    void argumentsAreWrittenPlainlyAndNestedMessagesInTheSameLanguage() {
        UserMessage m = UserMessage.of("ratelimit.import", UserMessage.of("ratelimit.wait.minutes", 12021L));
        assertThat(m.text()).isEqualTo("您导入或批量上传太频繁了，请 12021 分钟后再试。");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(m.text()).isEqualTo("You are importing or uploading batches too often. Please try again in 12021 minutes.");
        assertThat(m.arguments().get(0)).isEqualTo(UserMessage.of("ratelimit.wait.minutes", "12021"));
    }

    @Test
    void aTooManyRequestsMessageIsResolvedWhenRead() {
        TooManyRequestsException e = new TooManyRequestsException("ratelimit.import", 30,
                UserMessage.of("ratelimit.wait.seconds", 30));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(e.getMessage()).endsWith("Please try again in 30 seconds.");
        assertThat(e.retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void aForbiddenReasonIsAKeyToo() {
        ForbiddenException e = new ForbiddenException("error.notFound.detail");
        assertThat(e.getMessage()).isEqualTo("找不到该内容，或您无权查看。");
    }

    @Test
    void aListIsJoinedTheWayTheLanguageJoinsLists() {
        UserMessage m = UserMessage.of("media.error.allowed", UserMessage.list(java.util.List.of("甲", "乙", "丙")));
        assertThat(m.text()).isEqualTo("只能上传：甲、乙、丙。");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(m.text()).isEqualTo("Allowed: 甲, 乙, 丙.");
        assertThat(UserMessage.list(java.util.List.of())).isEqualTo("");
        assertThat(UserMessage.list(java.util.List.of("甲"))).isEqualTo("甲");
    }

    /** A key missing from the bundles shows as the key (UserMessageKeysTests keeps this from happening). */
    @Test
    void aMissingKeyShowsAsTheKey() {
        assertThat(UserMessage.of("campaign.error.noSuchKey", 3).text()).isEqualTo("campaign.error.noSuchKey");
    }
}
