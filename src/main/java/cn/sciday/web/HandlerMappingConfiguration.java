package cn.sciday.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;

/**
 * Spring MVC maps requests with {@link PathPrefixHandlerMapping}. htmx-spring-boot registers its own
 * {@link WebMvcRegistrations}; Spring Boot takes only one (the primary one when there are several), so this one is
 * primary and hands the adapter and the exception resolver to htmx's.
 */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfiguration {

    @Bean
    @Primary
    WebMvcRegistrations pathPrefixHandlerMapping(HtmxMvcAutoConfiguration htmx) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathPrefixHandlerMapping();
            }

            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return htmx.getRequestMappingHandlerAdapter();
            }

            @Override
            public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                return htmx.getExceptionHandlerExceptionResolver();
            }
        };
    }
}
