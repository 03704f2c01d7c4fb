package cn.sciday.activity;

import java.awt.Color;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.DemoMode;
import cn.sciday.web.Role;

/**
 * Demo data (demo mode only), after the demo activities: completion of some published activities (complete on time,
 * complete late, partly done; photos are small PNGs made in code) and stage summaries of a few units and 江海区
 * (on time, late, accepted; the others are missing). Dated as they would have happened, around the 10-22 deadline,
 * whatever the demo clock says. Runs once: nothing happens when the main event's completion exists.
 */
@Component
@Order(25)
class CompletionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CompletionDemoData.class);

    /** A completion to fill in: which activity, when, and what. */
    record Fill(String activity, String at, int photos, List<Link> links, Integer participants, boolean url,
            String summary) {
    }

    /** A news report or video link. */
    record Link(String kind, String title, String url) {
    }

    /** A stage summary: whose, when, and whether its 归口 accepts it the next day. */
    record Stage(String organization, String at, boolean accepted, String body) {
    }

    static final String MAIN_EVENT = "第三届江门科普嘉年华暨2021年全国科普日江门市主场活动";

    static final List<Fill> FILLS = List.of(
            new Fill(MAIN_EVENT, "2021-09-20T16:00:00+08:00", 3,
                    List.of(new Link("NEWS", "江门日报：第三届江门科普嘉年华开幕，万余市民体验科技魅力",
                            "https://www.jmnews.cn/kepu/2021/0917/carnival.html"),
                            new Link("VIDEO", "科普嘉年华主场活动直播回放", "https://live.kepuri.cn/jm2021/replay")),
                    12000, true, "主场活动设科普展区、科学表演和互动体验，线上直播观看逾五万人次。"),
            new Fill("新会科技馆“航天梦”主题展", "2021-10-25T10:30:00+08:00", 2,
                    List.of(new Link("NEWS", "新会科技馆航天主题展吸引众多市民", "https://www.xinhui.gov.cn/news/2021/space.html")),
                    2600, false, "展期共接待观众两千六百余人次，组织讲解二十场。"),
            new Fill("走近“华龙一号”核电科普开放日", "2021-09-30T09:00:00+08:00", 2,
                    List.of(new Link("VIDEO", "华龙一号科普开放日短片", "https://v.kepuri.cn/taishan/hualong")),
                    380, true, "公众参观核电科普展厅，工程师现场答疑，线上同步直播。"),
            new Fill("第三届江门科普嘉年华分会场·科技馆奇妙夜", "2021-09-22T11:00:00+08:00", 0,
                    List.of(new Link("NEWS", "科技馆奇妙夜：夜游科技馆成新风尚", "https://www.jmnews.cn/kepu/2021/0918/night.html")),
                    760, false, "夜间开放三小时，开展科学表演和天文观测。"),
            new Fill("礼乐中学第五届校园科技节", "2021-09-27T15:00:00+08:00", 1, List.of(), 1180, false, null),
            new Fill("全媒体科普专栏“科普江门”", "2021-10-08T09:00:00+08:00", 0,
                    List.of(new Link("NEWS", "“科普江门”专栏第一期：走进江门科技馆", "https://www.jmnews.cn/kepu/column/1.html"),
                            new Link("NEWS", "“科普江门”专栏第二期：侨乡科技史", "https://www.jmnews.cn/kepu/column/2.html")),
                    null, true, "专栏已刊发两期，客户端阅读量逾十万。"));

    static final List<Stage> STAGES = List.of(
            new Stage(ActivityDemoData.SCHOOL, "2021-10-20T17:00:00+08:00", false,
                    "我校科普日期间举办校园科技节等活动三项，参与师生一千二百余人次。"),
            new Stage(ActivityDemoData.XH_MUSEUM, "2021-10-18T10:00:00+08:00", true,
                    "我馆举办航天主题展、讲解员大赛等活动，接待观众两千六百余人次。"),
            new Stage("江海区科技馆", "2021-10-25T09:30:00+08:00", false,
                    "科技馆奇妙夜等活动顺利开展，阶段性总结因整理数据延迟报送。"),
            new Stage("台山市核电科普教育基地", "2021-10-26T16:00:00+08:00", false,
                    "开放日接待公众三百八十人，网络竞答参与三千余人次。"),
            new Stage("江海区", "2021-10-22T20:00:00+08:00", false,
                    "江海区共组织科普日活动十余项，各单位阶段性总结正在汇总。"));

    private final ActivityRepository activities;
    private final CompletionManagement completions;
    private final CompletionRepository completionRepo;
    private final SummaryManagement summaries;
    private final Organizations organizations;
    private final DemoMode demo;

    CompletionDemoData(ActivityRepository activities, CompletionManagement completions,
            CompletionRepository completionRepo, SummaryManagement summaries, Organizations organizations,
            DemoMode demo) {
        this.activities = activities;
        this.completions = completions;
        this.completionRepo = completionRepo;
        this.summaries = summaries;
        this.organizations = organizations;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.isOn()) {
            seed();
        }
    }

    /** Seeds completion and summaries unless they are there; returns how many completions were filled. */
    int seed() {
        Optional<Long> main = activities.idNamed(MAIN_EVENT);
        if (main.isEmpty() || completionRepo.find(main.get()).isPresent()) {
            return 0;
        }
        int filled = 0;
        for (Fill fill : FILLS) {
            Optional<Long> id = activities.idNamed(fill.activity());
            if (id.isPresent()) {
                fill(id.get(), fill);
                filled++;
            }
        }
        for (Stage stage : STAGES) {
            organizations.findByName(stage.organization()).ifPresent(o -> stage(o, stage));
        }
        log.info("Demo data: completion of {} activities, {} stage summaries", filled, STAGES.size());
        return filled;
    }

    private void fill(long id, Fill fill) {
        Activity a = activities.findById(id).orElseThrow();
        Actor proposer = proposer(organizations.get(a.organizationId()));
        Instant at = OffsetDateTime.parse(fill.at()).toInstant();
        Color[] colours = {new Color(11, 79, 156), new Color(29, 107, 54), new Color(138, 28, 28)};
        for (int i = 0; i < fill.photos(); i++) {
            completions.addPhoto(proposer, id, DemoFiles.upload("现场照片" + (i + 1) + ".png",
                    DemoFiles.png(colours[i % colours.length], "SciDay 2021 photo " + (i + 1))), at);
        }
        for (Link link : fill.links()) {
            completions.addLink(proposer, id, new CompletionLinkForm(CompletionLinkKind.valueOf(link.kind()),
                    link.title(), link.url()), at);
        }
        completions.update(proposer, id, new CompletionForm(fill.participants(),
                fill.url() ? a.details().onlineUrl() : null, fill.summary()), at);
    }

    private void stage(OrganizationView o, Stage stage) {
        Instant at = OffsetDateTime.parse(stage.at()).toInstant();
        SummaryView view = summaries.submit(proposer(o), SummaryKind.STAGE, stage.body(), List.of(
                DemoFiles.upload("阶段性总结.pdf", DemoFiles.pdf("Stage summary (demo) - " + o.id()))), List.of(), at);
        if (stage.accepted() && o.parentId() != null) {
            Actor coordinator = new Actor(0, "demo", organizations.get(o.parentId()).name() + "审核员（演示）",
                    Role.COORDINATOR, o.parentId(), true);
            summaries.accept(coordinator, view.state().summaryId(), at.plusSeconds(86_400));
        }
    }

    private Actor proposer(OrganizationView org) {
        Role role = org.isUnit() ? Role.ORGANIZER : org.parentId() == null ? Role.CITY_ADMIN : Role.COORDINATOR;
        return new Actor(0, "demo", org.name() + "填报员（演示）", role, org.id(), true);
    }
}
