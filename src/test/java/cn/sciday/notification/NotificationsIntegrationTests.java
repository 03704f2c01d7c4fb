package cn.sciday.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.PersonalData;
import cn.sciday.web.Role;

import io.micrometer.core.instrument.MeterRegistry;

/** Writing notifications: inbox and outbox rows in the caller's transaction; e-mail waits without a mail server. */
@IntegrationTest
class NotificationsIntegrationTests {

    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PersonalData personalData;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    List<Map<String, Object>> outbox(long accountId) {
        return jdbc.sql("select * from outbox_message where account_id = ? order by id").param(accountId)
                .query().listOfRows();
    }

    long inboxCount(long accountId) {
        return jdbc.sql("select count(*) from inbox_message where account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    @Test
    void notifyWritesAnInboxMessageAndAnEncryptedEmailRow() {
        Actor staff = TestRecipients.staff(accounts, organizations, "江海区", "li.hua@example.cn");
        notifications.notify(staff.accountId(), "活动已退回", "请补充活动地点。", "/activities/7");
        List<InboxMessage> inbox = notifications.inbox(staff, 10);
        assertThat(inbox).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("活动已退回");
            assertThat(m.link()).isEqualTo("/activities/7");
            assertThat(m.unread()).isTrue();
        });
        List<Map<String, Object>> rows = outbox(staff.accountId());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("channel")).isEqualTo("EMAIL");
            assertThat((String) r.get("address")).doesNotContain("li.hua");
            assertThat(personalData.decrypt((String) r.get("address"))).isEqualTo("li.hua@example.cn");
            assertThat((String) r.get("body")).contains("请补充活动地点。")
                    .contains("http://localhost:8080/activities/7");
            assertThat(r.get("delivered_at")).isNull();
        });
    }

    @Test
    void nothingIsWrittenWhenTheCallersTransactionRollsBack() {
        Actor staff = TestRecipients.staff(accounts, organizations, "江海区", "rollback@example.cn");
        transactions.executeWithoutResult(status -> {
            notifications.notify(staff.accountId(), "不会发出", "回滚", null);
            notifications.notifyBySms(staff.accountId(), "不会发出");
            assertThat(inboxCount(staff.accountId())).isEqualTo(2);
            status.setRollbackOnly();
        });
        assertThat(inboxCount(staff.accountId())).isZero();
        assertThat(outbox(staff.accountId())).isEmpty();
    }

    @Test
    void smsGoesToTheMobileAndFallsBackToEmailForStaffWithoutOne() {
        String mobile = TestRecipients.randomMobile();
        Actor citizen = TestRecipients.publicUser(accounts, mobile);
        notifications.notifyBySms(citizen.accountId(), "您已成功报名“走进科技馆”，9月17日 9:00 入场。");
        assertThat(outbox(citizen.accountId())).singleElement().satisfies(r -> {
            assertThat(r.get("channel")).isEqualTo("SMS");
            assertThat((String) r.get("address")).doesNotContain(mobile);
            assertThat(personalData.decrypt((String) r.get("address"))).isEqualTo(mobile);
        });
        assertThat(notifications.inbox(citizen, 5)).singleElement()
                .satisfies(m -> assertThat(m.body()).startsWith("您已成功报名"));
        Actor staff = TestRecipients.staff(accounts, organizations, "江海区", "nomobile@example.cn");
        notifications.notifyBySms(staff.accountId(), "明天截止");
        assertThat(outbox(staff.accountId())).singleElement().satisfies(r -> assertThat(r.get("channel"))
                .isEqualTo("EMAIL"));
        notifications.notify(citizen.accountId(), "只在站内", "公众没有邮箱", null);
        assertThat(outbox(citizen.accountId())).hasSize(1);
        assertThat(inboxCount(citizen.accountId())).isEqualTo(2);
    }

    @Test
    void notifyOrganizationReachesEveryEnabledAccountOfIt() {
        Actor first = TestRecipients.staff(accounts, organizations, "恩平市", "a@example.cn");
        Actor second = TestRecipients.staff(accounts, organizations, "恩平市", "b@example.cn");
        Actor disabled = TestRecipients.staff(accounts, organizations, "恩平市", "c@example.cn");
        accounts.setEnabled(TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()), disabled.accountId(),
                false);
        int told = notifications.notifyOrganization(first.organizationId(), "请提交汇总表", "截止 10月22日。",
                "/reports");
        assertThat(told).isGreaterThanOrEqualTo(2);
        assertThat(inboxCount(first.accountId())).isEqualTo(1);
        assertThat(inboxCount(second.accountId())).isEqualTo(1);
        assertThat(inboxCount(disabled.accountId())).isZero();
    }

    @Test
    void unknownAccountsAreSkippedAndForeignLinksRefused() {
        notifications.notify(987_654_321L, "无人", "无人", null);
        assertThat(inboxCount(987_654_321L)).isZero();
        Actor staff = TestRecipients.staff(accounts, organizations, "江海区", "links@example.cn");
        for (String link : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil", "javascript:x"}) {
            assertThatThrownBy(() -> notifications.notify(staff.accountId(), "x", "y", link))
                    .as(link).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void withoutAMailServerEmailsWaitInTheOutbox() {
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
        Actor staff = TestRecipients.staff(accounts, organizations, "江海区", "waits@example.cn");
        notifications.notify(staff.accountId(), "等待发送", "邮件服务器未配置", null);
        dispatcher.dispatchDue();
        assertThat(outbox(staff.accountId())).singleElement().satisfies(r -> {
            assertThat(r.get("delivered_at")).isNull();
            assertThat(((Number) r.get("attempts")).intValue()).isZero();
            assertThat(r.get("last_error")).isNull();
        });
    }

    @Test
    void metricsShowTheBacklogAndTheAgeOfTheOldestUndeliveredMessage() {
        Actor staff = TestRecipients.staff(accounts, organizations, "江海区", "metrics@example.cn");
        notifications.notify(staff.accountId(), "积压", "积压", null);
        long emails = jdbc.sql("select count(*) from outbox_message where delivered_at is null and channel = 'EMAIL'")
                .query(Long.class).single();
        assertThat(meters.get("sciday.outbox.backlog").tag("channel", "email").gauge().value())
                .isEqualTo((double) emails).isPositive();
        clock.advance(Duration.ofMinutes(10));
        assertThat(meters.get("sciday.outbox.oldest.age").timeGauge().value(java.util.concurrent.TimeUnit.SECONDS))
                .isGreaterThanOrEqualTo(600.0);
    }

    @Test
    void backoffStartsAtThirtySecondsAndDoublesUpToAnHour() {
        assertThat(OutboxDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxDispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(OutboxDispatcher.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(OutboxDispatcher.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxDispatcher.backoff(100)).isEqualTo(Duration.ofHours(1));
    }
}
