package cn.sciday.campaign;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.sciday.web.PublicPaths;

@Configuration(proxyBeanMethods = false)
class CampaignPublicPaths {

    @Bean
    PublicPaths campaignPaths() {
        return PublicPaths.of("/campaign", "/api/v1/campaigns/current");
    }
}
