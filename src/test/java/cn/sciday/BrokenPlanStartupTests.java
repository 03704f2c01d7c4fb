package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import cn.sciday.campaign.PlanFileException;

/** A broken plan file stops start-up with a message naming the file, the field and the problem. */
class BrokenPlanStartupTests {

    @Test
    void brokenPlanFileStopsStartUp() {
        Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(SciDayApplication.class)
                .run("--spring.datasource.url=jdbc:h2:mem:broken;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                        "--server.port=0", "--sciday.demo.mode=off", "--logging.level.root=OFF",
                        "--sciday.plan.files=classpath:plans/broken-test.yml")
                .close());
        Throwable root = NestedExceptionUtils.getMostSpecificCause(thrown);
        assertThat(root).isInstanceOf(PlanFileException.class);
        assertThat(root.getMessage()).contains("broken-test.yml").contains("'period'").contains("is required");
    }
}
