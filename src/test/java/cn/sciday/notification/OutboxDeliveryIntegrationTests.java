package cn.sciday.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.PersonalData;

/**
 * Delivery through a real SMTP server (GreenMail on a local port that Spring's mail sender is configured for) and
 * the recording SMS sender: outages are retried with backoff and nothing is lost or sent twice.
 */
@IntegrationTest
class OutboxDeliveryIntegrationTests {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    cn.sciday.RecordingSmsSender sms;
    @Autowired
    PersonalData personalData;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    GreenMail smtp;

    @BeforeEach
    void clean() {
        jdbc.sql("delete from outbox_message").update();
        sms.clear();
        clock.reset();
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        clock.reset();
    }

    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    List<Map<String, Object>> rows() {
        return jdbc.sql("select * from outbox_message order by id").query().listOfRows();
    }

    static String outboxId(MimeMessage m) {
        try {
            return m.getHeader("X-SciDay-Outbox-Id", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBurstWhileTheMailServerIsDownIsDeliveredExactlyOnceWhenItIsBack() throws Exception {
        List<Actor> staff = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            staff.add(TestRecipients.staff(accounts, organizations, "新会区", "burst" + i + "@example.cn"));
        }
        for (int i = 0; i < staff.size(); i++) {
            notifications.notify(staff.get(i).accountId(), "活动审核结果 " + i, "您的活动已通过审核。", "/activities/" + i);
        }
        Instant start = clock.instant();
        // the server is down: each run tries once, records the failure and leaves the rest waiting
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(dispatcher.dispatchDue()).isZero();
        List<Map<String, Object>> failed = rows().stream().filter(r -> r.get("last_error") != null).toList();
        assertThat(failed).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("delivered_at")).isNull();
            assertThat(((Number) r.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) r.get("last_error")).containsIgnoringCase("connect");
        });
        assertThat(instant(failed.get(0).get("next_attempt_at")))
                .isEqualTo(start.plusSeconds(30));
        assertThat(rows()).allSatisfy(r -> assertThat(r.get("delivered_at")).isNull());

        startSmtp();
        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.dispatchDue()).isEqualTo(6);
        clock.advance(Duration.ofHours(2));
        assertThat(dispatcher.dispatchDue()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(6);
        assertThat(Arrays.stream(received).map(OutboxDeliveryIntegrationTests::outboxId).distinct()).hasSize(6);
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("活动审核结果 0", "活动审核结果 1", "活动审核结果 2", "活动审核结果 3",
                "活动审核结果 4", "活动审核结果 5");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(rows()).allSatisfy(r -> assertThat(r.get("delivered_at")).isNotNull());
    }

    @Test
    void textPeopleTypedIsMailedAsPlainTextAsTheyTypedIt() throws Exception {
        startSmtp();
        Actor staff = TestRecipients.staff(accounts, organizations, "新会区", "plain@example.cn");
        String name = "<script>alert(1)</script>科普";
        String reason = "\"><img src=x onerror=alert(1)>";
        notifications.notify(staff.accountId(), "活动被退回修改：" + name, "“" + name + "”被退回，理由：" + reason + "。",
                "/activities/manage/1");
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getContentType()).as("never HTML").startsWith("text/plain");
        assertThat(mail.getSubject()).isEqualTo("活动被退回修改：" + name);
        assertThat((String) mail.getContent()).contains("“" + name + "”被退回，理由：" + reason + "。")
                .doesNotContain("&lt;").doesNotContain("&quot;");
    }

    @Test
    void twoDispatchersRunningTogetherNeverSendAnEmailTwice() throws Exception {
        startSmtp();
        Instant now = clock.instant();
        int count = 40;
        for (int i = 0; i < count; i++) {
            outbox.insert(Channel.EMAIL, 1000 + i, personalData.encrypt("race" + i + "@example.cn"), "并发 " + i,
                    "正文 " + i, now);
        }
        OutboxDispatcher second = new OutboxDispatcher(outbox, () -> mailSender, sms, personalData, clock,
                "科普日活动平台 <noreply@sciday.local>");
        List<Integer> delivered = runTogether(List.of(dispatcher, second));
        assertThat(delivered.stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
        Map<String, Long> perRow = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(OutboxDeliveryIntegrationTests::outboxId, Collectors.counting()));
        assertThat(perRow).hasSize(count);
        assertThat(perRow.values()).allMatch(n -> n == 1);
    }

    @Test
    void smsGoesThroughTheSmsSenderAndIsRetriedAfterAFailure() {
        String mobile = TestRecipients.randomMobile();
        Actor citizen = TestRecipients.publicUser(accounts, mobile);
        notifications.notifyBySms(citizen.accountId(), "您报名的活动改到 9月18日 14:00。");
        sms.failNext.set(1);
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(rows()).singleElement().satisfies(r -> {
            assertThat((String) r.get("last_error")).contains("503");
            assertThat(((Number) r.get("attempts")).intValue()).isEqualTo(1);
        });
        assertThat(dispatcher.dispatchDue()).as("not due before the backoff").isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(sms.sent()).containsExactly(new cn.sciday.RecordingSmsSender.Sms(mobile, "您报名的活动改到 9月18日 14:00。"));
    }

    /** Starts the dispatchers at the same moment and runs each until nothing is due; returns what each delivered. */
    static List<Integer> runTogether(List<OutboxDispatcher> dispatchers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(dispatchers.size());
        ExecutorService pool = Executors.newFixedThreadPool(dispatchers.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (OutboxDispatcher d : dispatchers) {
                results.add(pool.submit(() -> {
                    start.await();
                    int total = 0;
                    for (int i = 0; i < 5; i++) {
                        total += d.dispatchDue();
                    }
                    return total;
                }));
            }
            List<Integer> delivered = new ArrayList<>();
            for (Future<Integer> f : results) {
                delivered.add(f.get());
            }
            return delivered;
        } finally {
            pool.shutdownNow();
        }
    }

    static Instant instant(Object timestamp) {
        return timestamp instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) timestamp).toInstant();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
