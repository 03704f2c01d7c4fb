package cn.sciday.signup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.sciday.platform.CacheSpec;
import cn.sciday.signup.RegistrationRepository.Slot;

/**
 * The terms of an activity's sign-up that every sign-up checks before it takes a seat (the activity's name and times,
 * open or not, real-name or not), cached so that a burst of sign-ups does not read them again each time. They change
 * only when the organizer edits the activity or sign-up closes ({@link Registrations#openSlot},
 * {@link Registrations#closeSlot}), which publishes {@link SlotTermsChanged}: the cache is then cleared on every
 * instance after the commit, and an entry lives {@link #TIME_TO_LIVE} at most in case a message between instances is
 * lost. The seat itself is never decided from here: taking one checks {@code open_for_signup} and the capacity in the
 * same statement that counts it.
 */
@Component
class SlotTerms {

    static final String CACHE = "signup.slot-terms";
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

    /** What a sign-up checks and shows. */
    record Terms(long activityId, String activityName, boolean realNameRequired, boolean open, Instant startsAt,
            Instant endsAt) {
    }

    private final RegistrationRepository repo;

    SlotTerms(RegistrationRepository repo) {
        this.repo = repo;
    }

    /** The activity's terms, or empty when it takes no sign-ups (not cached then). */
    @Cacheable(value = CACHE, unless = "#result == null")
    public Optional<Terms> of(long activityId) {
        return repo.slot(activityId, false).map(s -> new Terms(s.activityId(), s.activityName(),
                s.realNameRequired(), s.open(), s.startsAt(), s.endsAt()));
    }

    /** Published when an activity's sign-up terms change (clears the cache on every instance after the commit). */
    record SlotTermsChanged(long activityId) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Caches {

        @Bean
        CacheSpec slotTermsCache() {
            return CacheSpec.of(CACHE, TIME_TO_LIVE, 10_000).clearedOn(SlotTermsChanged.class);
        }
    }
}
