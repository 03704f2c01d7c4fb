package cn.sciday.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;

/**
 * Errors in the reader's language: the API's problem details follow the cookie, then Accept-Language, then Chinese,
 * and carry the message's key as {@code code}; pages follow the cookie (or {@code ?lang=}) and are Chinese otherwise,
 * whatever the browser asks for.
 */
@IntegrationTest
class ErrorLanguageIntegrationTests {

    static final String API = "/api/v1/campaigns/current";
    static final String BAD = "a\u0001b";

    @Autowired
    MockMvc mvc;

    @Test
    void theApiAnswersInChineseByDefaultWithTheKeyAsCode() throws Exception {
        mvc.perform(get(API).param("q", BAD))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.controlCharacters"))
                .andExpect(jsonPath("$.detail").value("q: 提交的内容含有不可见的控制字符，请删除后再提交。"))
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].code").value("error.controlCharacters"))
                .andExpect(jsonPath("$.errors[0].message").value("提交的内容含有不可见的控制字符，请删除后再提交。"));
    }

    @Test
    void theApiFollowsAcceptLanguage() throws Exception {
        mvc.perform(get(API).param("q", BAD).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.controlCharacters"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The text contains invisible control characters. Remove them and submit again."));
        mvc.perform(get(API).param("q", BAD).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8"))
                .andExpect(jsonPath("$.errors[0].message").value("提交的内容含有不可见的控制字符，请删除后再提交。"));
        mvc.perform(get(API).param("q", BAD).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,en;q=0.5"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("invisible control characters")));
        mvc.perform(get(API).param("q", BAD).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("控制字符")));
        mvc.perform(get(API).param("q", BAD).header(HttpHeaders.ACCEPT_LANGUAGE, ";;;not a list"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("控制字符")));
    }

    @Test
    void theLanguageCookieWinsOverAcceptLanguage() throws Exception {
        mvc.perform(get(API).param("q", BAD).cookie(new Cookie(Preferences.LANGUAGE_COOKIE, "en"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("invisible control characters")));
        mvc.perform(get(API).param("q", BAD).cookie(new Cookie(Preferences.LANGUAGE_COOKIE, "zh-CN"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("控制字符")));
    }

    @Test
    void aNotFoundInTheApiHasItsCodeToo() throws Exception {
        mvc.perform(get("/api/v1/public/activities/99999999").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("error.notFound.detail"))
                .andExpect(jsonPath("$.detail").value("This could not be found, or you may not see it."));
        mvc.perform(get("/api/v1/public/activities/99999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("找不到该内容，或您无权查看。"));
    }

    /** Pages stay Chinese for a browser set to English until the visitor switches; then the error is in English. */
    @Test
    void pagesFollowTheCookieNotTheBrowser() throws Exception {
        mvc.perform(get("/").param("q", BAD).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("提交的内容含有不可见的控制字符")));
        mvc.perform(get("/").param("q", BAD).cookie(new Cookie(Preferences.LANGUAGE_COOKIE, "en")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The text contains invisible control characters")))
                .andExpect(content().string(not(containsString("控制字符"))));
    }
}
