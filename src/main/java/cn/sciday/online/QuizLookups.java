package cn.sciday.online;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.sciday.organization.OrganizationChanged;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.platform.CacheSpec;

/**
 * What the busy quiz requests (starting and submitting attempts, reading leaderboards) read besides the attempt
 * itself, cached in platform {@link CacheSpec}s so that they cost no query: the round, the division names, the ids of
 * the enabled questions of each type (the pools an attempt draws from) and the questions by id. Each cache is cleared
 * on every instance after the commit of a change to what it holds ({@link QuizRoundChanged},
 * {@link OrganizationChanged}, {@link QuestionBankChanged}) and lives 60 s at most, which bounds staleness if a
 * message between instances is lost. With Redis configured a leaderboard read touches no database at all.
 */
@Component
class QuizLookups {

    static final String ROUNDS = "online.quiz-round";
    static final String DIVISIONS = "online.division-names";
    static final String POOLS = "online.quiz-pool";
    static final String QUESTIONS = "online.quiz-question";
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

    private final QuizRounds rounds;
    private final Organizations organizations;
    private final QuestionRepository questions;
    private final Cache questionCache;

    QuizLookups(QuizRounds rounds, Organizations organizations, QuestionRepository questions, CacheManager caches) {
        this.rounds = rounds;
        this.organizations = organizations;
        this.questions = questions;
        this.questionCache = caches.getCache(QUESTIONS);
    }

    /** The round (404 for an unknown one, which is not cached). */
    @Cacheable(value = ROUNDS, sync = true)
    public QuizRound round(long id) {
        return rounds.get(id);
    }

    /** Division id → name. */
    @Cacheable(value = DIVISIONS, sync = true)
    public Map<Long, String> divisionNames() {
        return Map.copyOf(organizations.divisions().stream()
                .collect(Collectors.toMap(OrganizationView::id, OrganizationView::name)));
    }

    /** The ids of the enabled questions of a type: the pool an attempt draws from. */
    @Cacheable(value = POOLS, sync = true)
    public List<Long> enabledIds(QuestionType type) {
        return List.copyOf(questions.enabledIds(type));
    }

    /** The questions with these ids (enabled or not: an attempt keeps the questions it drew), one query for those not cached. */
    public Map<Long, QuizQuestion> questions(List<Long> ids) {
        Map<Long, QuizQuestion> found = new HashMap<>(ids.size() * 2);
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            QuizQuestion q = questionCache.get(id, QuizQuestion.class);
            if (q == null) {
                missing.add(id);
            } else {
                found.put(id, q);
            }
        }
        if (!missing.isEmpty()) {
            for (QuizQuestion q : questions.findByIds(missing)) {
                questionCache.put(q.id(), q);
                found.put(q.id(), q);
            }
        }
        return found;
    }

    @Configuration(proxyBeanMethods = false)
    static class Caches {

        @Bean
        CacheSpec quizRoundCache() {
            return CacheSpec.of(ROUNDS, TIME_TO_LIVE, 200).clearedOn(QuizRoundChanged.class);
        }

        @Bean
        CacheSpec divisionNamesCache() {
            return CacheSpec.of(DIVISIONS, TIME_TO_LIVE, 1).clearedOn(OrganizationChanged.class);
        }

        @Bean
        CacheSpec quizPoolCache() {
            return CacheSpec.of(POOLS, TIME_TO_LIVE, QuestionType.values().length)
                    .clearedOn(QuestionBankChanged.class);
        }

        @Bean
        CacheSpec quizQuestionCache() {
            return CacheSpec.of(QUESTIONS, TIME_TO_LIVE, 20_000).clearedOn(QuestionBankChanged.class);
        }
    }
}
