package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;

/**
 * The accessibility and security statement is open to everyone, shows the configured retention of personal data,
 * and every browser test it names exists and runs axe-core.
 */
@IntegrationTest
class StatementIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Value("${sciday.privacy.retention-days:90}")
    int retentionDays;

    @Test
    void anyoneReadsItWithTheConfiguredRetentionAndTheCheckedPages() throws Exception {
        String page = mvc.perform(get("/statement")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>无障碍声明与安全说明</h1>")
                .contains("活动方案结束 " + retentionDays + " 天后")
                .contains("PortalBrowserTests").contains("首页、找活动列表");
        String english = mvc.perform(get("/statement").param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("deleted automatically " + retentionDays + " days after the campaign ends")
                .contains("Home, activity list with filters");
    }

    @Test
    void everyTestTheStatementNamesExistsAndChecksWithAxe() throws Exception {
        List<StatementController.CheckedPages> pages = StatementController.readPages();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(10);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            sources = files.filter(f -> f.toString().endsWith("BrowserTests.java")).toList();
        }
        for (StatementController.CheckedPages p : pages) {
            Path source = sources.stream().filter(f -> f.getFileName().toString().equals(p.test() + ".java"))
                    .findFirst().orElseThrow(() -> new AssertionError("no browser test " + p.test()));
            assertThat(Files.readString(source)).as(p.test()).contains("Browser.assertAccessible(");
        }
    }
}
