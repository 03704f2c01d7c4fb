package cn.sciday.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.platform.CacheBus;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * A token found live is kept with its account (cache {@value ApiTokens#LIVE}): its requests do not read the database
 * again, and what changes it (revoking, disabling the account, a new password) applies to the next request.
 */
@IntegrationTest
class ApiTokenCacheIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CacheBus bus;

    @Test
    void aKeptTokenIsNotReadAgainUntilTheCacheIsCleared() throws Exception {
        String token = keptToken(AccountSecurityIntegrationTests.coordinator(accounts, organizations, "江海区"));

        // revoked behind the module's back (no event): the kept token still stands, so it was not read again
        revokeBehindTheModulesBack(token);
        me(token, status().isOk());

        bus.clear(ApiTokens.LIVE);
        me(token, status().isUnauthorized());
        me(token, status().isUnauthorized());
    }

    @Test
    void disablingTheAccountRefusesItsKeptTokenAtOnce() throws Exception {
        String user = AccountSecurityIntegrationTests.coordinator(accounts, organizations, "新会区");
        String token = keptToken(user);
        long id = accounts.findStaff(user).orElseThrow().id();
        var admin = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());

        accounts.setEnabled(admin, id, false);
        me(token, status().isUnauthorized());
        accounts.setEnabled(admin, id, true);
        me(token, status().isOk());
    }

    @Test
    void aNewPasswordClearsTheKeptTokensSoThatChangesBehindThemAreSeen() throws Exception {
        String user = AccountSecurityIntegrationTests.coordinator(accounts, organizations, "蓬江区");
        String token = keptToken(user);
        revokeBehindTheModulesBack(token);

        long id = accounts.findStaff(user).orElseThrow().id();
        Actor me = new Actor(id, user, "协调员", Role.COORDINATOR, null, true);
        accounts.changePassword(me, AccountSecurityIntegrationTests.PASSWORD, "Another-password-2");
        me(token, status().isUnauthorized());
    }

    /** A new token of the account, used once (so that it is kept). */
    private String keptToken(String user) throws Exception {
        String token = AccountSecurityIntegrationTests.staffToken(mvc, user);
        me(token, status().isOk());
        return token;
    }

    private void revokeBehindTheModulesBack(String token) {
        jdbc.sql("update api_token set revoked_at = current_timestamp where token_hash = ?")
                .param(ApiTokens.hash(token)).update();
    }

    private void me(String token, ResultMatcher expected) throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(expected);
    }
}
