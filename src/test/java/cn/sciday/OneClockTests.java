package cn.sciday;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every use of time goes through the one injected {@link Clock} (the demo clock in demo mode), so that tests can fix
 * it: no production class reads the system time itself except the configuration that builds that clock.
 */
class OneClockTests {

    static final String CLOCK_CONFIGURATION = "cn.sciday.web.ClockConfiguration";

    static final Set<String> TIME_TYPES = Set.of(Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
            OffsetDateTime.class, ZonedDateTime.class, Year.class, YearMonth.class).stream().map(Class::getName)
            .collect(java.util.stream.Collectors.toSet());

    /** {@code Instant.now()}, {@code LocalDate.now(zone)} and the like (not {@code now(clock)}), system clocks, millis. */
    static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_TIME = DescribedPredicate.describe(
            "reads the system time instead of the injected Clock", call -> {
                String owner = call.getTarget().getOwner().getName();
                String name = call.getTarget().getName();
                boolean now = TIME_TYPES.contains(owner) && name.equals("now") && call.getTarget()
                        .getRawParameterTypes().stream().noneMatch(p -> p.isEquivalentTo(Clock.class));
                boolean systemClock = owner.equals(Clock.class.getName()) && name.startsWith("system");
                boolean millis = owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
                return now || systemClock || millis;
            });

    static final ArchRule ONE_CLOCK = noClasses().that().doNotHaveFullyQualifiedName(CLOCK_CONFIGURATION)
            .should().callMethodWhere(READS_THE_SYSTEM_TIME)
            .orShould().callConstructor(java.util.Date.class);

    @Test
    void noProductionClassReadsTheSystemTime() {
        JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.sciday");
        ONE_CLOCK.check(production);
    }

    @Test
    void theRuleCatchesAClassThatAsksTheSystemForTheDate() {
        JavaClasses offender = new ClassFileImporter().importClasses(AsksTheSystem.class);
        assertThatThrownBy(() -> ONE_CLOCK.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("LocalDate.now").hasMessageContaining("Clock.systemUTC");
        JavaClasses polite = new ClassFileImporter().importClasses(AsksTheClock.class);
        ONE_CLOCK.check(polite);
    }

    static class AsksTheSystem {

        LocalDate today() {
            return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        }

        Clock clock() {
            return Clock.systemUTC();
        }
    }

    static class AsksTheClock {

        LocalDate today(Clock clock) {
            return LocalDate.now(clock);
        }
    }
}
