package cn.sciday.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;

/** The inbox page and API: only the owner sees and reads its messages; others' answer 404. */
@IntegrationTest
class InboxWebIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;

    Actor owner;
    Actor other;
    long linked;
    long plain;

    @BeforeEach
    void setUp() {
        owner = TestRecipients.publicUser(accounts, TestRecipients.randomMobile());
        other = TestRecipients.staff(accounts, organizations, "台山市", "other@example.cn");
        notifications.notify(owner.accountId(), "报名成功", "您已报名“走进科技馆”。", "/campaign");
        notifications.notify(owner.accountId(), "活动提醒", "明天 9:00 开始。", null);
        var messages = notifications.inbox(owner, 10);
        linked = messages.stream().filter(m -> m.link() != null).findFirst().orElseThrow().id();
        plain = messages.stream().filter(m -> m.link() == null).findFirst().orElseThrow().id();
    }

    @Test
    void anonymousVisitorsAreSentToLoginOrGet401() throws Exception {
        mvc.perform(get("/inbox")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/inbox")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/inbox/" + linked + "/read").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(post("/inbox/read-all").with(csrf())).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theOwnerSeesItsMessagesNewestFirstWithUnreadMarkedInWords() throws Exception {
        mvc.perform(get("/inbox").with(TestLogins.as(owner)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报名成功")))
                .andExpect(content().string(containsString("活动提醒")))
                .andExpect(content().string(containsString("共 2 条消息，其中 2 条未读。")))
                .andExpect(content().string(containsString(">未读<")))
                .andExpect(content().string(containsString("收件箱 (2)")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/api/v1/inbox").with(TestLogins.as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unreadCount").value(2))
                .andExpect(jsonPath("$.messages.length()").value(2))
                .andExpect(jsonPath("$.messages[0].subject").value("活动提醒"));
    }

    @Test
    void anotherAccountsMessageIsNotFound() throws Exception {
        mvc.perform(post("/inbox/" + linked + "/read").with(TestLogins.as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/inbox/" + linked + "/read").with(TestLogins.as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/inbox").with(TestLogins.as(other)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("报名成功"))));
        assertThat(notifications.unreadCount(owner)).isEqualTo(2);
    }

    @Test
    void openingAMessageMarksItReadAndFollowsItsLink() throws Exception {
        mvc.perform(post("/inbox/" + linked + "/read").with(TestLogins.as(owner)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/inbox/" + linked + "/read").with(TestLogins.as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/campaign"));
        mvc.perform(post("/inbox/" + plain + "/read").with(TestLogins.as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(notifications.unreadCount(owner)).isZero();
        mvc.perform(get("/inbox").with(TestLogins.as(owner)))
                .andExpect(content().string(containsString("收件箱 (0)")))
                .andExpect(content().string(not(containsString(">未读<"))));
    }

    @Test
    void readAllAndTheApiMarkRead() throws Exception {
        mvc.perform(post("/api/v1/inbox/" + plain + "/read").with(TestLogins.as(owner)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").isNotEmpty());
        assertThat(notifications.unreadCount(owner)).isEqualTo(1);
        mvc.perform(post("/inbox/read-all").with(TestLogins.as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(notifications.unreadCount(owner)).isZero();
        assertThat(notifications.unreadCount(other)).isZero();
    }

    @Test
    void theLayoutShowsTheInboxLinkOnlyToLoggedInUsers() throws Exception {
        mvc.perform(get("/").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("收件箱"))));
        mvc.perform(get("/").with(TestLogins.as(owner)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("收件箱 (2)")));
        mvc.perform(get("/").with(TestLogins.as(owner)).param("lang", "en"))
                .andExpect(content().string(containsString("Inbox (2)")));
    }
}
