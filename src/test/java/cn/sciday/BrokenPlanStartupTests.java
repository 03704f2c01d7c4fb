package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import cn.sciday.campaign.PlanFileException;

/** A broken plan file stops start-up with a message naming the file, the field and the problem. */
@ExtendWith(OutputCaptureExtension.class)
class BrokenPlanStartupTests {

    @Test
    void brokenPlanFileStopsStartUp(CapturedOutput output) {
        Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(SciDayApplication.class)
                .run("--spring.datasource.url=jdbc:h2:mem:broken;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                        "--server.port=0", "--sciday.demo.mode=off", "--logging.level.root=OFF",
                        "--logging.level.org.springframework.boot.diagnostics=ERROR",
                        "--sciday.plan.files=classpath:plans/broken-test.yml")
                .close());
        Throwable root = NestedExceptionUtils.getMostSpecificCause(thrown);
        assertThat(root).isInstanceOf(PlanFileException.class);
        assertThat(root.getMessage()).contains("broken-test.yml").contains("'period'").contains("is required");
        // what the person starting the app reads: Spring Boot's short failure report, not a stack trace
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("file:    class path resource [plans/broken-test.yml]").contains("field:   period")
                .contains("problem: is required").contains("sciday.plan.files");
    }
}
