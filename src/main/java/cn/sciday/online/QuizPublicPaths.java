package cn.sciday.online;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.sciday.web.PublicPaths;

/** The quiz pages and API anyone may read: the current round, its rules and the leaderboards. */
@Configuration(proxyBeanMethods = false)
class QuizPublicPaths {

    @Bean
    PublicPaths quizPaths() {
        return PublicPaths.of("/quiz", "/quiz/leaderboard", "/api/v1/public/quiz/**");
    }
}
