package cn.sciday.campaign;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Seeds the database from the configured plan files at start-up; a broken file stops start-up. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanSeeder.class);

    private final CampaignManagement campaigns;
    private final ResourceLoader resources;
    private final List<String> planFiles;

    PlanSeeder(CampaignManagement campaigns, ResourceLoader resources,
            @Value("${sciday.plan.files:classpath:plans/jiangmen-2021.yml}") List<String> planFiles) {
        this.campaigns = campaigns;
        this.resources = resources;
        this.planFiles = planFiles;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String location : planFiles) {
            if (location.isBlank()) {
                continue;
            }
            Resource file = resources.getResource(location.strip());
            Campaign c = campaigns.load(file);
            log.info("Plan {} ready: campaign {} ({} joint actions)", location, c.planKey(), c.jointActions().size());
        }
    }
}
