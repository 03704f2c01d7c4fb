package cn.sciday.online;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.sciday.organization.OrganizationChanged;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.platform.CacheSpec;

/**
 * What a leaderboard read needs besides the board: the round and the division names, cached (platform
 * {@link CacheSpec}s, cleared on every instance when a round or an organization changes, 60 s at most otherwise), so
 * that with Redis configured a board read needs no database at all.
 */
@Component
class QuizBoardLookups {

    static final String ROUNDS = "online.quiz-round";
    static final String DIVISIONS = "online.division-names";

    private final QuizRounds rounds;
    private final Organizations organizations;

    QuizBoardLookups(QuizRounds rounds, Organizations organizations) {
        this.rounds = rounds;
        this.organizations = organizations;
    }

    /** The round (404 for an unknown one, which is not cached). */
    @Cacheable(ROUNDS)
    public QuizRound round(long id) {
        return rounds.get(id);
    }

    /** Division id → name. */
    @Cacheable(DIVISIONS)
    public Map<Long, String> divisionNames() {
        return Map.copyOf(organizations.divisions().stream()
                .collect(Collectors.toMap(OrganizationView::id, OrganizationView::name)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Caches {

        @Bean
        CacheSpec quizRoundCache() {
            return CacheSpec.of(ROUNDS, Duration.ofSeconds(60), 200).clearedOn(QuizRoundChanged.class);
        }

        @Bean
        CacheSpec divisionNamesCache() {
            return CacheSpec.of(DIVISIONS, Duration.ofSeconds(60), 1).clearedOn(OrganizationChanged.class);
        }
    }
}
