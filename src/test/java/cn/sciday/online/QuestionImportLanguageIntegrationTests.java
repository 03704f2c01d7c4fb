package cn.sciday.online;

import static cn.sciday.online.QuestionImportIntegrationTests.HEADER;
import static cn.sciday.online.QuestionImportIntegrationTests.row;
import static cn.sciday.online.QuestionImportIntegrationTests.xlsx;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Preferences;
import cn.sciday.web.Role;

/** The question import names row, column and problem in the reader's language (the column title is the sheet's). */
@IntegrationTest
class QuestionImportLanguageIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;

    @Test
    void rowAndColumnErrorsInChineseByDefaultAndInEnglishWithTheCookie() throws Exception {
        String unique = "语言测试" + System.nanoTime();
        MockMultipartFile file = new MockMultipartFile("file", "题库.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(HEADER,
                        row("单选题", unique, "甲", "乙", "丙", "丁", "E", "解析", "3"),
                        row("单选题", "", "甲", "乙", "", "", "B", "解析", "2")));
        var admin = TestLogins.as(TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()));

        mvc.perform(multipart("/admin/quiz/questions/import").file(file).with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第2行 G列（正确答案）")))
                .andExpect(content().string(containsString("正确答案“E”没有对应的选项（只有 4 个选项）。")))
                .andExpect(content().string(containsString("第3行 B列（题干）")))
                .andExpect(content().string(containsString("请填写题干。")));
        mvc.perform(multipart("/admin/quiz/questions/import").file(file).with(csrf()).with(admin)
                        .cookie(new Cookie(Preferences.LANGUAGE_COOKIE, "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Row 2, column G (正确答案)")))
                .andExpect(content().string(containsString(
                        "The correct answer &quot;E&quot; has no matching option (there are only 4 options).")))
                .andExpect(content().string(containsString("Row 3, column B (题干)")))
                .andExpect(content().string(containsString("Enter the question.")))
                .andExpect(content().string(not(containsString("请填写题干"))));
    }
}
