package cn.sciday.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.DemoMode;
import cn.sciday.web.Role;

/**
 * Demo mode: the accounts listed on the login page and in the README, all with the password {@code sciday-demo}.
 * Outside demo mode, the first city admin comes from {@code sciday.bootstrap.admin-password} (no known password).
 */
@Component
@Order(10)
class DemoAccountsSeeder implements ApplicationRunner {

    static final String DEMO_PASSWORD = "sciday-demo";
    static final String SCHOOL = "江门市江海区礼乐中学";
    static final String MUSEUM = "新会区科学技术馆";
    static final String COMMUNITY = "江海区外海街道金溪社区居民委员会";

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsSeeder.class);

    private final DemoMode demo;
    private final Accounts accounts;
    private final AccountRepository repo;
    private final Organizations organizations;
    private final String bootstrapPassword;

    DemoAccountsSeeder(DemoMode demo, Accounts accounts, AccountRepository repo, Organizations organizations,
            @Value("${sciday.bootstrap.admin-password:}") String bootstrapPassword) {
        this.demo = demo;
        this.accounts = accounts;
        this.repo = repo;
        this.organizations = organizations;
        this.bootstrapPassword = bootstrapPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isOn()) {
            bootstrapAdmin();
            return;
        }
        long city = organizations.city().id();
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        long xinhui = organizations.findByName("新会区").orElseThrow().id();
        long school = unit(SCHOOL, UnitType.SCHOOL, "52440704MJL", jianghai, "林老师", "0750-3861234", true);
        long museum = unit(MUSEUM, UnitType.MUSEUM, "12440705MB2", xinhui, "陈馆长", "0750-6612345", true);
        long community = unit(COMMUNITY, UnitType.COMMUNITY_COMMITTEE, "55440704MC3", jianghai, "黄主任",
                "0750-3867788", false);
        staff("admin", "市科协 李科长", Role.CITY_ADMIN, city);
        staff("jianghai", "江海区科协 张干事", Role.COORDINATOR, jianghai);
        staff("xinhui", "新会区科协 周干事", Role.COORDINATOR, xinhui);
        staff("jh-school", "礼乐中学 林老师", Role.ORGANIZER, school);
        staff("xh-museum", "新会区科学技术馆 陈馆长", Role.ORGANIZER, museum);
        staff("jh-community", "金溪社区 黄主任", Role.ORGANIZER, community);
        accounts.publicUser("13800000000");
        log.info("Demo accounts ready (password {}): admin, jianghai, xinhui, jh-school, xh-museum, jh-community; "
                + "public mobile 13800000000 (its codes are written to this log)", DEMO_PASSWORD);
    }

    private long unit(String name, UnitType type, String codePrefix, long parent, String contact, String phone,
            boolean approved) {
        return organizations.findByName(name).map(OrganizationView::id).orElseGet(() -> {
            UnitRegistration form = new UnitRegistration(name, type, CreditCode.complete(codePrefix + "000001"),
                    contact, phone, null, parent);
            return (approved ? organizations.createApprovedUnit(form) : organizations.registerUnit(form)).id();
        });
    }

    private void staff(String username, String displayName, Role role, long organizationId) {
        if (repo.findByUsername(username).isEmpty()) {
            accounts.createStaff(username, DEMO_PASSWORD, displayName, username + "@demo.sciday.cn", role,
                    organizationId);
        }
    }

    private void bootstrapAdmin() {
        if (repo.anyCityAdmin()) {
            return;
        }
        if (bootstrapPassword.isBlank()) {
            log.warn("No city admin account exists. Start once with SCIDAY_BOOTSTRAP_ADMINPASSWORD set to create "
                    + "the account 'admin' with that password (see docs/operations.md).");
            return;
        }
        accounts.createStaff("admin", bootstrapPassword, "市科协管理员", null, Role.CITY_ADMIN,
                organizations.city().id());
        log.info("Created the first city admin account 'admin'; change its password after logging in.");
    }
}
