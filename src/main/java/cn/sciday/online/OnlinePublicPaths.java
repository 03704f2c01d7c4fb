package cn.sciday.online;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.sciday.web.PublicPaths;

/**
 * The 云上科普日 pages anyone may read: the hub, the video gallery and entry pages with their files (checked per
 * entry: only approved ones are served to others), volunteers, topics and live streams. The public API lives under
 * {@code /api/v1/public/online/**}. Liking, commenting and submitting need a login.
 */
@Configuration(proxyBeanMethods = false)
class OnlinePublicPaths {

    @Bean
    PublicPaths onlinePaths() {
        return PublicPaths.of("/online", "/online/videos", "/online/videos/*", "/online/videos/*/video",
                "/online/videos/*/cover", "/online/videos/*/thumbnail", "/online/volunteers",
                "/online/volunteers/*/photo", "/online/topics", "/online/topics/*", "/online/live",
                "/api/v1/public/online/**");
    }
}
