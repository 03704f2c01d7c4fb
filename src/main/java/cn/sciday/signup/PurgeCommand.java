package cn.sciday.signup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code java -jar sciday.jar --sciday.privacy.purge}: purges what is due, prints the count and exits. */
@Component
@Order(100)
class PurgeCommand implements ApplicationRunner {

    private final PersonalDataPurge purge;
    private final ApplicationContext context;

    PurgeCommand(PersonalDataPurge purge, ApplicationContext context) {
        this.purge = purge;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("sciday.privacy.purge")) {
            return;
        }
        int n = purge.purgeDue();
        System.out.println("Personal data purged from " + n + " registrations (retention "
                + purge.retentionDays() + " days after the campaign ends).");
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
