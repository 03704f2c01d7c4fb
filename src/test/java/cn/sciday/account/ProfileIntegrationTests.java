package cn.sciday.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.sciday.IntegrationTest;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Role;

/** The profile page: tokens issued, listed and revoked by their owner only; passwords changed with the policy. */
@IntegrationTest
class ProfileIntegrationTests {

    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    ApiTokens tokens;

    @Test
    void anonymousVisitorsAreSentToLogin() throws Exception {
        mvc.perform(get("/profile")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/profile/tokens").with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aTokenIsShownOnceListedAndRevocableOnlyByItsOwner() throws Exception {
        String owner = account();
        String other = account();
        MockHttpSession ownerSession = login(owner);
        MvcResult issued = mvc.perform(post("/profile/tokens").param("label", "区县报表系统").with(csrf())
                .session(ownerSession)).andExpect(redirectedUrl("/profile")).andReturn();
        String secret = (String) issued.getFlashMap().get("newToken");
        assertThat(secret).startsWith("sd_");
        mvc.perform(get("/profile").session(ownerSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString(secret)));
        mvc.perform(get("/profile").session(ownerSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString("区县报表系统")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret))));
        long id = tokens.of(accounts.findStaff(owner).orElseThrow().id()).get(0).id();

        mvc.perform(post("/profile/tokens/" + id + "/revoke").with(csrf()).session(login(other)))
                .andExpect(status().isNotFound());
        assertThat(tokens.authenticate(secret)).isPresent();
        mvc.perform(post("/profile/tokens/" + id + "/revoke").with(csrf()).session(ownerSession))
                .andExpect(redirectedUrl("/profile"));
        assertThat(tokens.authenticate(secret)).isEmpty();
    }

    @Test
    void passwordChangeChecksTheCurrentPasswordAndThePolicy() throws Exception {
        String user = account();
        MockHttpSession session = login(user);
        mvc.perform(post("/profile/password").param("current", "wrong-one-11").param("next", "New-password-2")
                .param("confirm", "New-password-2").with(csrf()).session(session))
                .andExpect(flash().attribute("passwordError", containsString("当前密码")));
        mvc.perform(post("/profile/password").param("current", "Good-password-1").param("next", "short")
                .param("confirm", "short").with(csrf()).session(session))
                .andExpect(flash().attribute("passwordError", containsString("10")));
        mvc.perform(post("/profile/password").param("current", "Good-password-1").param("next", "New-password-2")
                .param("confirm", "New-password-2").with(csrf()).session(session))
                .andExpect(flash().attribute("notice", "account.profile.passwordChanged"));
        mvc.perform(formLogin("/login").user(user).password("New-password-2")).andExpect(redirectedUrl("/workbench"));
    }

    private String account() {
        String user = "prof" + SERIAL.incrementAndGet();
        accounts.createStaff(user, "Good-password-1", "用户", null, Role.COORDINATOR,
                organizations.findByName("江海区").orElseThrow().id());
        return user;
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("Good-password-1"))
                .andExpect(redirectedUrl("/workbench")).andReturn().getRequest().getSession(false);
    }
}
