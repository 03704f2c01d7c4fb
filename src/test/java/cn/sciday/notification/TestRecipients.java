package cn.sciday.notification;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** Real accounts (the notification module finds recipients through the account module's directory). */
final class TestRecipients {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestRecipients() {
    }

    /** A coordinator of a seeded division with an e-mail address. */
    static Actor staff(Accounts accounts, Organizations organizations, String division, String email) {
        long org = organizations.findByName(division).orElseThrow().id();
        String username = "notify" + System.nanoTime() % 1_000_000_000 + "x" + SEQ.incrementAndGet();
        long id = accounts.createStaff(username, "Sciday-2021-pass", "测试员" + SEQ.get(), email, Role.COORDINATOR,
                org).id();
        return accounts.currentActor(id).orElseThrow();
    }

    /** A public user (identified by a mobile number, no e-mail). */
    static Actor publicUser(Accounts accounts, String mobile) {
        return accounts.publicUser(mobile);
    }

    static String randomMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
