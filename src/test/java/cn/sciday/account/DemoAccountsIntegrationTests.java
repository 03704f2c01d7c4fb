package cn.sciday.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.organization.OrganizationStatus;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitType;
import cn.sciday.web.PersonalData;
import cn.sciday.web.Role;

/** Demo mode creates the accounts the login page and the README list, all with the password sciday-demo. */
@IntegrationTest
@TestPropertySource(properties = "sciday.demo.mode=on")
class DemoAccountsIntegrationTests {

    /** One demo account: its role, and the organization it acts for with, for a unit, its 归口. */
    record Demo(String username, Role role, String organization, String parent) {
    }

    static final List<Demo> STAFF = List.of(
            new Demo("admin", Role.CITY_ADMIN, "江门市科学技术协会", null),
            new Demo("jianghai", Role.COORDINATOR, "江海区", null),
            new Demo("xinhui", Role.COORDINATOR, "新会区", null),
            new Demo("jh-school", Role.ORGANIZER, DemoAccountsSeeder.SCHOOL, "江海区"),
            new Demo("xh-museum", Role.ORGANIZER, DemoAccountsSeeder.MUSEUM, "新会区"),
            new Demo("jh-community", Role.ORGANIZER, DemoAccountsSeeder.COMMUNITY, "江海区"));

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    PersonalData personalData;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachDemoAccountHasItsRoleAndOrganizationAndLogsInWithTheDemoPassword() throws Exception {
        for (Demo demo : STAFF) {
            StaffAccount account = accounts.findStaff(demo.username()).orElseThrow();
            assertThat(account.role()).as(demo.username()).isEqualTo(demo.role());
            OrganizationView org = organizations.get(account.organizationId());
            assertThat(demo.organization()).as(demo.username()).isIn(org.name(), org.fullName());
            if (demo.parent() != null) {
                assertThat(org.parentName()).as("归口 of " + demo.username()).isEqualTo(demo.parent());
            }
            mvc.perform(formLogin("/login").user(demo.username()).password("sciday-demo"))
                    .andExpect(redirectedUrl("/workbench"));
        }
        assertThat(unit("jh-school").unitType()).isEqualTo(UnitType.SCHOOL);
        assertThat(unit("jh-school").status()).isEqualTo(OrganizationStatus.APPROVED);
        assertThat(unit("xh-museum").unitType()).isEqualTo(UnitType.MUSEUM);
        assertThat(unit("xh-museum").status()).isEqualTo(OrganizationStatus.APPROVED);
        assertThat(unit("jh-community").status()).isEqualTo(OrganizationStatus.PENDING);
        assertThat(jdbc.sql("select role from account where mobile_hash = ?")
                .param(personalData.hash("13800000000")).query(String.class).list())
                .as("the demo citizen").containsExactly("PUBLIC");
    }

    @Test
    void theLoginPageAndTheReadmeListThem() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (Demo demo : STAFF) {
            mvc.perform(get("/login")).andExpect(content().string(containsString("<td>" + demo.username() + "</td>")));
            assertThat(readme).contains("`" + demo.username() + "`");
        }
        mvc.perform(get("/login")).andExpect(content().string(containsString("13800000000")))
                .andExpect(content().string(containsString("sciday-demo")));
        assertThat(readme).contains("`sciday-demo`").contains("`13800000000`");
    }

    private OrganizationView unit(String username) {
        return organizations.get(accounts.findStaff(username).orElseThrow().organizationId());
    }
}
