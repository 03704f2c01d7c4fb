package cn.sciday.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.sciday.account.AccountChanged;
import cn.sciday.account.AccountCreated;
import cn.sciday.account.AccountLoggedIn;
import cn.sciday.account.AccountLoginFailed;
import cn.sciday.account.Accounts;
import cn.sciday.account.ApiTokenIssued;
import cn.sciday.account.ApiTokenRevoked;
import cn.sciday.campaign.CampaignChanged;
import cn.sciday.organization.OrganizationChanged;
import cn.sciday.organization.OrganizationStatus;
import cn.sciday.organization.UnitRegistered;
import cn.sciday.organization.UnitReviewed;
import cn.sciday.web.Actors;
import cn.sciday.web.AuditEvent;

/**
 * Writes an entry for every change other modules announce. Listeners run synchronously in the publisher's thread,
 * so the entry joins the transaction of the change (see {@link AuditTrail}). Where an event names the account that
 * acted and nobody is logged in (a login, a token issued by password), that account is the actor.
 */
@Component
class AuditListeners {

    private final AuditTrail trail;
    private final Accounts accounts;

    AuditListeners(AuditTrail trail, Accounts accounts) {
        this.trail = trail;
        this.accounts = accounts;
    }

    @EventListener
    void on(AuditEvent e) {
        trail.record(e.action(), e.targetType(), e.targetId(), e.detail());
    }

    @EventListener
    void on(cn.sciday.web.AuditWriteNow e) {
        trail.writeRecorded();
    }

    @EventListener
    void on(CampaignChanged e) {
        trail.record("CAMPAIGN_" + e.change(), "CAMPAIGN", id(e.campaignId()),
                e.year() + "年" + (e.detail() == null || e.detail().isBlank() ? "" : "：" + e.detail()));
    }

    @EventListener
    void on(UnitRegistered e) {
        trail.record("UNIT_REGISTERED", "UNIT", id(e.unitId()), e.name() + "；归口单位 #" + e.parentId());
    }

    @EventListener
    void on(UnitReviewed e) {
        String action = e.status() == OrganizationStatus.APPROVED ? "UNIT_APPROVED"
                : e.status() == OrganizationStatus.REJECTED ? "UNIT_REJECTED" : "UNIT_REVIEWED";
        String detail = e.name() + (e.reason() == null ? "" : "；理由：" + e.reason());
        byAccount(e.reviewerId(), action, "UNIT", id(e.unitId()), detail);
    }

    @EventListener
    void on(OrganizationChanged e) {
        trail.record("ORGANIZATION_" + e.change(), "ORGANIZATION", id(e.organizationId()), e.name());
    }

    @EventListener
    void on(AccountCreated e) {
        trail.record("ACCOUNT_CREATED", "ACCOUNT", id(e.accountId()), "用户名 " + e.username() + "；角色 " + e.role()
                + (e.organizationId() == null ? "" : "；所属组织 #" + e.organizationId()));
    }

    @EventListener
    void on(AccountChanged e) {
        trail.record("ACCOUNT_" + e.change(), "ACCOUNT", id(e.accountId()), "用户名 " + e.username());
    }

    @EventListener
    void on(AccountLoggedIn e) {
        trail.record(e.accountId(), e.username(), e.address(), "LOGIN", "ACCOUNT", id(e.accountId()), null);
    }

    /** The actor of a failed login is whoever typed the user name: not an account, so no actor id. */
    @EventListener
    void on(AccountLoginFailed e) {
        trail.record(null, e.username(), e.address(), "LOGIN_FAILED", "ACCOUNT", null,
                e.locked() ? "用户名或密码错误；连续失败次数过多，账号已锁定" : "用户名或密码错误");
    }

    @EventListener
    void on(ApiTokenIssued e) {
        byAccount(e.accountId(), "API_TOKEN_ISSUED", "API_TOKEN", id(e.tokenId()),
                "账号 #" + e.accountId() + (e.label() == null || e.label().isBlank() ? "" : "；名称 " + e.label()));
    }

    @EventListener
    void on(ApiTokenRevoked e) {
        byAccount(e.accountId(), "API_TOKEN_REVOKED", "API_TOKEN", id(e.tokenId()), "账号 #" + e.accountId());
    }

    /** The logged-in actor if there is one, otherwise the account the event names. */
    private void byAccount(long accountId, String action, String targetType, String targetId, String detail) {
        if (Actors.current().isPresent()) {
            trail.record(action, targetType, targetId, detail);
            return;
        }
        String name = accounts.currentActor(accountId).map(AuditTrail::nameOf).orElse("#" + accountId);
        trail.record(accountId, name, AuditTrail.currentAddress(), action, targetType, targetId, detail);
    }

    private static String id(long id) {
        return Long.toString(id);
    }
}
