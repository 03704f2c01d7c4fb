package cn.sciday.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.RecordingSmsSender;
import cn.sciday.TestLogins;
import cn.sciday.account.AccountLoggedIn;
import cn.sciday.account.AccountLoginFailed;
import cn.sciday.account.Accounts;
import cn.sciday.account.ApiTokenIssued;
import cn.sciday.account.ApiTokenRevoked;
import cn.sciday.account.StaffAccount;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignDetails;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationKind;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.Role;

/** Every kind of change other modules announce leaves an entry, written in the transaction of the change. */
@IntegrationTest
class AuditListenersIntegrationTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    CampaignManagement campaigns;
    @Autowired
    Organizations organizations;
    @Autowired
    Accounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    RecordingSmsSender sms;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
        clock.reset();
    }

    @Test
    void campaignEditIsRecordedWithTheLoggedInActorAndAddressAndTime() {
        Actor admin = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        logIn(admin);
        fromAddress("203.0.113.7");
        clock.set("2021-09-16T10:30:00+08:00");
        Campaign c = campaigns.requireCurrent();

        campaigns.edit(c.id(), new CampaignDetails(c.title(), c.theme(), c.startsOn(), c.endsOn(), c.brandLabel(),
                c.affiliation(), c.lateSubmissionAllowed()));

        AuditEntry e = latest("CAMPAIGN_EDITED", "CAMPAIGN", String.valueOf(c.id()));
        assertThat(e.actorId()).isEqualTo(admin.accountId());
        assertThat(e.actorName()).isEqualTo(admin.displayName() + "（" + admin.username() + "）");
        assertThat(e.address()).isEqualTo("203.0.113.7");
        assertThat(e.at()).isEqualTo(clock.instant());
        assertThat(e.detail()).isEqualTo("2021年：" + c.title());
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void unitRegistrationApprovalAndRejectionAreRecorded() {
        RequestContextHolder.resetRequestAttributes(); // outside a request (the test context sets up a mock one)
        OrganizationView division = organizations.divisions().get(0);
        OrganizationView first = organizations.registerUnit(unit(division));
        AuditEntry registered = latest("UNIT_REGISTERED", "UNIT", String.valueOf(first.id()));
        assertThat(registered.actorName()).isEqualTo(AuditTrail.SYSTEM);
        assertThat(registered.actorId()).isNull();
        assertThat(registered.address()).isNull();
        assertThat(registered.detail()).contains(first.name()).contains("#" + division.id());

        Actor coordinator = TestLogins.actor(Role.COORDINATOR, division.id());
        organizations.approve(coordinator, first.id());
        AuditEntry approved = latest("UNIT_APPROVED", "UNIT", String.valueOf(first.id()));
        assertThat(approved.actorId()).isEqualTo(coordinator.accountId());

        OrganizationView second = organizations.registerUnit(unit(division));
        logIn(coordinator);
        organizations.reject(coordinator, second.id(), "信用代码与营业执照不符");
        AuditEntry rejected = latest("UNIT_REJECTED", "UNIT", String.valueOf(second.id()));
        assertThat(rejected.actorId()).isEqualTo(coordinator.accountId());
        assertThat(rejected.actorName()).contains(coordinator.username());
        assertThat(rejected.detail()).contains("理由：信用代码与营业执照不符");

        // the rejected unit's organizer corrects the contact details and asks again: a new entry by the organizer
        Actor organizer = TestLogins.pendingOrganizer(second.id());
        logIn(organizer);
        long before = count("UNIT_REGISTERED", "UNIT", String.valueOf(second.id()));
        organizations.resubmit(organizer, second.id(), "赵老师", "0750-3000001", null);
        assertThat(count("UNIT_REGISTERED", "UNIT", String.valueOf(second.id()))).isEqualTo(before + 1);
        assertThat(latest("UNIT_REGISTERED", "UNIT", String.valueOf(second.id())).actorId())
                .isEqualTo(organizer.accountId());
    }

    @Test
    void organizationCreatedAndRenamedAreRecorded() {
        String name = "审计测试部门" + suffix();
        OrganizationView dept = organizations.createCoordinatingBody(OrganizationKind.DEPARTMENT, name, null, null);
        assertThat(latest("ORGANIZATION_CREATED", "ORGANIZATION", String.valueOf(dept.id())).detail())
                .isEqualTo(name);
        organizations.rename(dept.id(), name + "二", null, null);
        assertThat(latest("ORGANIZATION_RENAMED", "ORGANIZATION", String.valueOf(dept.id())).detail())
                .isEqualTo(name + "二");
    }

    @Test
    void accountCreatedDisabledAndPasswordChangeAreRecorded() {
        Actor admin = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        logIn(admin);
        String username = "audit" + suffix();
        StaffAccount staff = accounts.createStaff(username, "Secret-pass-2021", "审计测试员", null, Role.COORDINATOR,
                organizations.divisions().get(1).id());
        AuditEntry created = latest("ACCOUNT_CREATED", "ACCOUNT", String.valueOf(staff.id()));
        assertThat(created.actorId()).isEqualTo(admin.accountId());
        assertThat(created.detail()).contains(username).contains("COORDINATOR");

        accounts.setEnabled(admin, staff.id(), false);
        assertThat(latest("ACCOUNT_DISABLED", "ACCOUNT", String.valueOf(staff.id())).actorId())
                .isEqualTo(admin.accountId());
        accounts.setEnabled(admin, staff.id(), true);
        assertThat(latest("ACCOUNT_ENABLED", "ACCOUNT", String.valueOf(staff.id())).actorId())
                .isEqualTo(admin.accountId());

        Actor me = accounts.currentActor(staff.id()).orElseGet(() -> new Actor(staff.id(), username, "审计测试员",
                Role.COORDINATOR, staff.organizationId(), true));
        logIn(me);
        accounts.changePassword(me, "Secret-pass-2021", "Another-pass-2022");
        AuditEntry changed = latest("ACCOUNT_PASSWORD", "ACCOUNT", String.valueOf(staff.id()));
        assertThat(changed.actorId()).isEqualTo(staff.id());
        assertThat(changed.detail()).doesNotContain("Another-pass-2022");
    }

    @Test
    void loginsAreRecordedWithTheAccountAndTheAddressTheEventCarries() {
        inTransaction(() -> events.publishEvent(new AccountLoggedIn(424242L, "zhangsan", "198.51.100.4")));
        AuditEntry login = latest("LOGIN", "ACCOUNT", "424242");
        assertThat(login.actorId()).isEqualTo(424242L);
        assertThat(login.actorName()).isEqualTo("zhangsan");
        assertThat(login.address()).isEqualTo("198.51.100.4");

        inTransaction(() -> events.publishEvent(new AccountLoginFailed("lisi-" + suffix(), true, "198.51.100.5")));
        AuditEntry failed = latest("LOGIN_FAILED", "ACCOUNT", null);
        assertThat(failed.actorId()).isNull();
        assertThat(failed.actorName()).startsWith("lisi-");
        assertThat(failed.address()).isEqualTo("198.51.100.5");
        assertThat(failed.detail()).contains("已锁定");
    }

    /** Through the real login form, the token API and the mobile-code pages, with the client's address. */
    @Test
    void realLoginsFailedLoginsAndCodeLoginsAreRecordedWithTheClientAddress() throws Exception {
        String username = "auditlogin" + suffix();
        StaffAccount staff = accounts.createStaff(username, "Secret-pass-2021", "审计登录", null, Role.COORDINATOR,
                organizations.divisions().get(2).id());

        mvc.perform(post("/login").param("username", username).param("password", "Wrong-pass-2021").with(csrf())
                .with(from("198.51.100.21"))).andExpect(redirectedUrl("/login?error"));
        AuditEntry failed = latestBy(username, "LOGIN_FAILED");
        assertThat(failed.address()).isEqualTo("198.51.100.21");
        assertThat(failed.actorId()).isNull();

        mvc.perform(post("/login").param("username", username).param("password", "Secret-pass-2021").with(csrf())
                .with(from("198.51.100.22"))).andExpect(redirectedUrl("/workbench"));
        AuditEntry login = latest("LOGIN", "ACCOUNT", String.valueOf(staff.id()));
        assertThat(login.actorId()).isEqualTo(staff.id());
        assertThat(login.address()).isEqualTo("198.51.100.22");

        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).with(from("198.51.100.23"))
                .content("{\"username\":\"" + username + "\",\"password\":\"Secret-pass-2021\"}"))
                .andExpect(status().isCreated());
        assertThat(latest("LOGIN", "ACCOUNT", String.valueOf(staff.id())).address()).isEqualTo("198.51.100.23");
        AuditEntry token = latestBy(username, "API_TOKEN_ISSUED");
        assertThat(token.actorId()).isEqualTo(staff.id());
        assertThat(token.address()).isEqualTo("198.51.100.23");

        String mobile = "1355" + String.format("%07d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
        mvc.perform(post("/login/code").param("mobile", mobile).with(csrf()).with(from("198.51.100.24")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/login/mobile").param("mobile", mobile).param("code", sms.lastCode(mobile).orElseThrow())
                .with(csrf()).with(from("198.51.100.24"))).andExpect(redirectedUrl("/workbench"));
        long citizen = accounts.publicUser(mobile).accountId();
        assertThat(latest("ACCOUNT_CREATED", "ACCOUNT", String.valueOf(citizen)).detail())
                .as("a public account is created on its first login, its number masked")
                .contains("PUBLIC").doesNotContain(mobile);
        AuditEntry codeLogin = latest("LOGIN", "ACCOUNT", String.valueOf(citizen));
        assertThat(codeLogin.address()).isEqualTo("198.51.100.24");
        assertThat(codeLogin.actorId()).isEqualTo(citizen);
    }

    @Test
    void apiTokensIssuedAndRevokedAreRecordedWithTheOwnerAsActor() {
        inTransaction(() -> events.publishEvent(new ApiTokenIssued(515151L, 77L, "报表脚本")));
        AuditEntry issued = latest("API_TOKEN_ISSUED", "API_TOKEN", "77");
        assertThat(issued.actorId()).isEqualTo(515151L);
        assertThat(issued.actorName()).isEqualTo("#515151");
        assertThat(issued.detail()).contains("报表脚本");

        Actor owner = TestLogins.actor(Role.ORGANIZER, null);
        logIn(owner);
        inTransaction(() -> events.publishEvent(new ApiTokenRevoked(owner.accountId(), 78L)));
        assertThat(latest("API_TOKEN_REVOKED", "API_TOKEN", "78").actorId()).isEqualTo(owner.accountId());
    }

    @Test
    void anyModuleCanAskForAnEntryEvenDuringARead() {
        Actor admin = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        logIn(admin);
        fromAddress("192.0.2.10");
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        String id = suffix();
        readOnly.executeWithoutResult(s -> events.publishEvent(
                new AuditEvent("REGISTRANT_PHONE_VIEWED", "REGISTRATION", id, "查看完整手机号")));

        AuditEntry e = latest("REGISTRANT_PHONE_VIEWED", "REGISTRATION", id);
        assertThat(e.actorId()).isEqualTo(admin.accountId());
        assertThat(e.address()).isEqualTo("192.0.2.10");
    }

    @Test
    void aChangeThatRollsBackLeavesNoEntry() {
        String id = suffix();
        assertThatThrownBy(() -> inTransaction(() -> {
            events.publishEvent(new AuditEvent("DOOMED", "TEST", id, null));
            throw new IllegalStateException("the change fails after announcing itself");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(trail.search(new AuditFilter(null, "DOOMED", "TEST", id, null, null), 1).total()).isZero();
    }

    @Test
    void entriesOfOneTransactionAreAppendedInOrderAtCommit() {
        String id = suffix();
        long before = headSeq();
        inTransaction(() -> {
            events.publishEvent(new AuditEvent("FIRST", "TEST", id, null));
            clock.advance(Duration.ofSeconds(1));
            events.publishEvent(new AuditEvent("SECOND", "TEST", id, null));
            assertThat(headSeq()).as("nothing is appended before the commit").isEqualTo(before);
        });
        trail.linkWaiting();
        AuditEntry first = latest("FIRST", "TEST", id);
        AuditEntry second = latest("SECOND", "TEST", id);
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void writeNowWritesWhatWasRecordedBeforeTheTransactionGoesOn() {
        String id = suffix();
        inTransaction(() -> {
            events.publishEvent(new AuditEvent("EARLY", "TEST", id, null));
            assertThat(rows("EARLY", id)).as("recorded, not yet written").isZero();
            events.publishEvent(new cn.sciday.web.AuditWriteNow());
            assertThat(rows("EARLY", id)).as("written in the transaction, before anything else it does").isEqualTo(1);
            events.publishEvent(new AuditEvent("LATE", "TEST", id, null));
            events.publishEvent(new cn.sciday.web.AuditWriteNow());
            events.publishEvent(new cn.sciday.web.AuditWriteNow());
        });
        trail.linkWaiting();
        assertThat(rows("EARLY", id)).isEqualTo(1);
        assertThat(rows("LATE", id)).as("each entry once").isEqualTo(1);
        assertThat(latest("LATE", "TEST", id).seq()).isEqualTo(latest("EARLY", "TEST", id).seq() + 1);
        assertThat(verifier.verify().ok()).isTrue();

        String rolledBack = suffix();
        assertThatThrownBy(() -> inTransaction(() -> {
            events.publishEvent(new AuditEvent("EARLY", "TEST", rolledBack, null));
            events.publishEvent(new cn.sciday.web.AuditWriteNow());
            throw new IllegalStateException("the change fails after writing its entry");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows("EARLY", rolledBack)).as("written early, rolled back with the change").isZero();
    }

    private long rows(String action, String targetId) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?").params(action, targetId)
                .query(Long.class).single();
    }

    private long headSeq() {
        return jdbc.sql("select seq from audit_head").query(Long.class).single();
    }

    private AuditEntry latest(String action, String targetType, String targetId) {
        AuditPage page = trail.search(new AuditFilter(null, action, targetType, targetId, null, null), 1);
        assertThat(page.items()).as("an entry %s %s %s", action, targetType, targetId).isNotEmpty();
        return page.items().get(0);
    }

    private long count(String action, String targetType, String targetId) {
        return trail.search(new AuditFilter(null, action, targetType, targetId, null, null), 1).total();
    }

    /** The newest entry of an action whose actor name contains the text. */
    private AuditEntry latestBy(String actor, String action) {
        AuditPage page = trail.search(new AuditFilter(actor, action, null, null, null, null), 1);
        assertThat(page.items()).as("an entry %s by %s", action, actor).isNotEmpty();
        return page.items().get(0);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> work.run());
    }

    private static void logIn(Actor actor) {
        SecurityContextHolder.getContext().setAuthentication(TestLogins.authentication(actor));
    }

    private static void fromAddress(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private static UnitRegistration unit(OrganizationView parent) {
        String digits = String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        return new UnitRegistration("审计测试学校" + suffix(), UnitType.SCHOOL, CreditCode.complete("12440700" + digits),
                "王老师", "0750-3000000", "江门市", parent.id());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
