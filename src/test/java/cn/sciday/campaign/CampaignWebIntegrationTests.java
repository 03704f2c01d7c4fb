package cn.sciday.campaign;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;

@IntegrationTest
class CampaignWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void currentCampaignApiIsPublicJson() throws Exception {
        mvc.perform(get("/api/v1/campaigns/current"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.theme").value("百年再出发，迈向高水平科技自立自强"))
                .andExpect(jsonPath("$.period.start").value("2021-09-11"))
                .andExpect(jsonPath("$.period.end").value("2021-12-10"))
                .andExpect(jsonPath("$.brandLabel").value("2021年全国科普日活动"))
                .andExpect(jsonPath("$.affiliation").value("广东省江门市科学技术协会"))
                .andExpect(jsonPath("$.mainEvent.date").value("2021-09-17"))
                .andExpect(jsonPath("$.mainEvent.venue").value("江海区科技馆"))
                .andExpect(jsonPath("$.mainEvent.leadUnits", hasSize(3)))
                .andExpect(jsonPath("$.mainEvent.leadUnits[2]").value("江海区政府"))
                .andExpect(jsonPath("$.themes", hasSize(6)))
                .andExpect(jsonPath("$.themes[2].title").value("倡导绿色发展，服务生态建设"))
                .andExpect(jsonPath("$.jointActions", hasSize(12)))
                .andExpect(jsonPath("$.jointActions[0].number").value(1))
                .andExpect(jsonPath("$.jointActions[0].name").value("节能低碳科普联合行动"))
                .andExpect(jsonPath("$.jointActions[0].leadUnits", contains("市发展改革局", "市生态环境局", "市科协")))
                .andExpect(jsonPath("$.jointActions[4].description", containsString("华龙一号")))
                .andExpect(jsonPath("$.jointActions[11].number").value(12))
                .andExpect(jsonPath("$.jointActions[*].description", everyItem(not(emptyOrNullString()))))
                .andExpect(jsonPath("$.jointActions[4].leadUnits[0]").value("台山市政府"))
                .andExpect(jsonPath("$.jointActions[11].leadUnits[1]").value("市委宣传部"))
                .andExpect(jsonPath("$.milestones[?(@.kind == 'INTENTION')].dueDate").value("2021-09-24"))
                .andExpect(jsonPath("$.milestones[?(@.kind == 'COMPLETION')].dueDate").value("2021-10-22"))
                .andExpect(jsonPath("$.milestones[?(@.kind == 'STAGE_SUMMARY')].dueDate").value("2021-10-22"))
                .andExpect(jsonPath("$.milestones[?(@.kind == 'FULL_SUMMARY')].dueDate").value("2021-12-10"));
    }

    @Test
    void campaignPageShowsThePlan() throws Exception {
        mvc.perform(get("/campaign"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("百年再出发，迈向高水平科技自立自强")))
                .andExpect(content().string(containsString("全媒体科普传播行动")))
                .andExpect(content().string(containsString("台山市政府、市科协")))
                .andExpect(content().string(containsString("江海区科技馆")))
                .andExpect(content().string(containsString("datetime=\"2021-09-11\"")))
                .andExpect(content().string(containsString("datetime=\"2021-12-10\"")))
                .andExpect(content().string(containsString("倡导绿色发展，服务生态建设")))
                .andExpect(content().string(containsString("宣传科学素质纲要，推动贯彻实施")))
                .andExpect(content().string(containsString("lang=\"zh-CN\"")));
    }

    /** The home page now belongs to the portal module; it still shows the campaign's theme, period and main event. */
    @Test
    void homePageShowsThemePeriodAndMainEvent() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2021年全国科普日活动")))
                .andExpect(content().string(containsString("百年再出发，迈向高水平科技自立自强")))
                .andExpect(content().string(containsString("第三届江门科普嘉年华")))
                .andExpect(content().string(containsString("9月11日")))
                .andExpect(content().string(containsString("活动意向征集表和汇总表报送")));
    }

    @Test
    void englishSwitchIsRememberedInACookie() throws Exception {
        mvc.perform(get("/campaign").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(cookie().exists("sciday-lang"))
                .andExpect(content().string(containsString("Joint actions")))
                .andExpect(content().string(containsString("lang=\"en\"")));
        mvc.perform(get("/campaign").cookie(new Cookie("sciday-lang", "en")))
                .andExpect(content().string(containsString("Lead units")));
    }

    @Test
    void elderlyModeIsSwitchedByALinkAndRemembered() throws Exception {
        mvc.perform(get("/").param("elderly", "on"))
                .andExpect(cookie().value("sciday-elderly", "on"))
                .andExpect(content().string(containsString("class=\"elderly\"")))
                .andExpect(content().string(containsString("退出长者模式")));
        mvc.perform(get("/").cookie(new Cookie("sciday-elderly", "on")))
                .andExpect(content().string(containsString("class=\"elderly\"")));
        mvc.perform(get("/"))
                .andExpect(content().string(not(containsString("class=\"elderly\""))));
    }

    @Test
    void everyResponseCarriesSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
        mvc.perform(get("/api/v1/campaigns/current"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void healthIsUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
