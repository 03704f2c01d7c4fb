package cn.sciday.campaign;

import org.springframework.core.io.ClassPathResource;

/** The 2021 Jiangmen campaign read from its plan file, for tests of other modules that need no database. */
public final class TestCampaigns {

    private TestCampaigns() {
    }

    public static Campaign jiangmen2021() {
        return PlanFileReader.read(new ClassPathResource("plans/jiangmen-2021.yml"));
    }
}
