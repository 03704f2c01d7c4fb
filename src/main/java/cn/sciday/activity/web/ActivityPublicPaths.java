package cn.sciday.activity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.sciday.web.PublicPaths;

/** Published activities are open to anonymous visitors through the public API. */
@Configuration(proxyBeanMethods = false)
class ActivityPublicPaths {

    @Bean
    PublicPaths activityPaths() {
        return PublicPaths.of("/api/v1/public/activities", "/api/v1/public/activities/**");
    }
}
