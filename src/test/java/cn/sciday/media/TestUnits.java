package cn.sciday.media;

import java.util.concurrent.ThreadLocalRandom;

import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;

/** Approved test units with fresh credit codes, under a seeded division. */
final class TestUnits {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestUnits() {
    }

    static OrganizationView unitUnder(Organizations organizations, String division, String name) {
        long parent = organizations.findByName(division).orElseThrow().id();
        StringBuilder code = new StringBuilder("91440704MA5");
        for (int i = 0; i < 6; i++) {
            code.append(CHARS.charAt(ThreadLocalRandom.current().nextInt(CHARS.length())));
        }
        return organizations.createApprovedUnit(new UnitRegistration(name + " " + code.substring(11),
                UnitType.SCHOOL, CreditCode.complete(code.toString()), "张老师", "0750-3520000", "江门市", parent));
    }
}
