package cn.sciday.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * JSON of the API. Jackson's Blackbird module reads record components and writes properties through generated
 * lambdas instead of reflective calls: writing a quiz paper or result (20 questions with options and explanations)
 * was a sixth of the request's processor time, most of it in the reflective getter calls.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }
}
