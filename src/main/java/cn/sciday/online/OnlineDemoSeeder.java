package cn.sciday.online;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.sciday.account.Accounts;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.media.Visibility;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.DemoMode;

/**
 * Demo mode: an open video round with approved entries, science volunteers, two topics with comments and three live
 * streams (one on air at the demo clock's start, one later that day, one at the main event). Every part is created
 * once: a second start changes nothing.
 */
@Component
@Order(40)
class OnlineDemoSeeder implements ApplicationRunner {

    static final String DEMO_CITIZEN = "13800000000";
    private static final Logger log = LoggerFactory.getLogger(OnlineDemoSeeder.class);

    private record DemoVideo(String title, String description, String author, String unit, int category, String link) {
    }

    private static final List<DemoVideo> VIDEOS = List.of(
            new DemoVideo("厨房里的化学魔术：紫甘蓝变色实验", "用紫甘蓝汁、白醋和小苏打，在家就能看到酸碱指示剂的神奇变色。",
                    "陈思雨", "江门市第一中学", 0, "https://video.example.cn/jmkp2021/purple-cabbage"),
            new DemoVideo("一分钟看懂碳达峰与碳中和", "用动画讲清楚什么是碳达峰、碳中和，以及每个人能做的小事。",
                    "李浩然", "江海区外海中学", 3, "https://video.example.cn/jmkp2021/carbon-neutral"),
            new DemoVideo("袁隆平爷爷的稻田梦", "讲述“杂交水稻之父”袁隆平院士“禾下乘凉梦”和“杂交水稻覆盖全球梦”的故事。",
                    "黄嘉怡", "新会区会城创新小学", 2, "https://video.example.cn/jmkp2021/yuan-longping"),
            new DemoVideo("中微子是什么？走近江门中微子实验", "在开平地下七百米，科学家们正在“捕捉”来自核电站的中微子。",
                    "梁志明", "开平市", 1, "https://video.example.cn/jmkp2021/juno"),
            new DemoVideo("台风来了怎么办：家庭防灾小贴士", "台风预警分几级？门窗怎么加固？应急包里放什么？一个视频讲清楚。",
                    "冯嘉欣", "台山市台城街道", 1, "https://video.example.cn/jmkp2021/typhoon"),
            new DemoVideo("新会陈皮的科学：从果皮到“千年药”", "陈皮为什么越陈越香？走进新会柑种植基地和陈皮晒场。",
                    "区文杰", "新会区三江镇", 5, "https://video.example.cn/jmkp2021/chenpi"),
            new DemoVideo("秋季流感预防，这些误区要避开", "抗生素能治流感吗？接种流感疫苗有什么讲究？社区医生来解答。",
                    "谭慧敏", "蓬江区白沙街道社区卫生服务中心", 4, "https://video.example.cn/jmkp2021/flu"),
            new DemoVideo("农田里的“飞行医生”：植保无人机", "一架无人机一天能喷洒几百亩农田，精准又省药，看看它是怎么工作的。",
                    "司徒国强", "台山市都斛镇", 5, "https://video.example.cn/jmkp2021/drone"));

    private final DemoMode demo;
    private final CampaignManagement campaigns;
    private final Organizations organizations;
    private final Accounts accounts;
    private final VideoEntries videos;
    private final Volunteers volunteers;
    private final Topics topics;
    private final LiveStreams streams;
    private final Likes likes;
    private final OnlineMedia media;
    private final Clock clock;

    OnlineDemoSeeder(DemoMode demo, CampaignManagement campaigns, Organizations organizations, Accounts accounts,
            VideoEntries videos, Volunteers volunteers, Topics topics, LiveStreams streams, Likes likes,
            OnlineMedia media, Clock clock) {
        this.demo = demo;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.accounts = accounts;
        this.videos = videos;
        this.volunteers = volunteers;
        this.topics = topics;
        this.streams = streams;
        this.likes = likes;
        this.media = media;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.isOn()) {
            return;
        }
        Optional<Campaign> campaign = campaigns.current();
        if (campaign.isEmpty()) {
            log.warn("No campaign: online demo data skipped");
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Campaign.ZONE);
        List<Actor> citizens = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            citizens.add(accounts.publicUser(String.format("138%08d", i)));
        }
        seedVideos(campaign.get(), today, citizens);
        seedVolunteers(today, citizens);
        seedTopics(today, citizens);
        seedStreams(campaign.get());
        log.info("Online demo data ready: video round, volunteers, topics and live streams");
    }

    private void seedVideos(Campaign campaign, LocalDate today, List<Actor> citizens) {
        if (!videos.rounds().isEmpty()) {
            return;
        }
        long round = videos.seedRound(campaign.id(), "“点亮好奇心”短视频征集",
                today.minusDays(4).atStartOfDay(Campaign.ZONE).toInstant(),
                today.plusDays(37).atTime(LocalTime.of(23, 59)).atZone(Campaign.ZONE).toInstant());
        long city = organizations.city().id();
        for (int i = 0; i < VIDEOS.size(); i++) {
            DemoVideo v = VIDEOS.get(i);
            long cover = media.store(null, city, "online-video-cover", Visibility.SCOPED,
                    new OnlineUpload("cover-" + (i + 1) + ".png", cover(i)::open), OnlineMedia.IMAGES,
                    OnlineMedia.IMAGE_MAX_BYTES, "cover").id();
            Instant at = today.minusDays(3).atTime(9 + i, 15).atZone(Campaign.ZONE).toInstant();
            long id = videos.seedApproved(round, citizens.get(i % citizens.size()).accountId(), null, v.title(),
                    v.description(), v.author(), v.unit(), VideoEntries.DEFAULT_CATEGORIES.get(v.category()), v.link(),
                    cover, at);
            likeOnEarlierDays(LikeTarget.VIDEO, id, citizens, (i * 5 + 3) % citizens.size(), today);
        }
    }

    private void seedVolunteers(LocalDate today, List<Actor> citizens) {
        Optional<OrganizationView> school = organizations.findByName("江门市江海区礼乐中学");
        Optional<OrganizationView> museum = organizations.findByName("新会区科学技术馆");
        if (school.isEmpty() || museum.isEmpty()) {
            return;
        }
        String[][] people = {
            {"S", "林晓彤", "礼乐中学物理教师，十年来带领学生科技社团开展“小小气象站”观测，每周六义务为社区孩子上科学实验课，累计服务超过 600 小时。"},
            {"S", "何志强", "学校信息技术教师，组织“银龄触网”志愿服务队，手把手教社区老人使用智能手机挂号、防范电信诈骗，帮助 300 多位长者跨越“数字鸿沟”。"},
            {"S", "梁嘉敏", "高二学生，科技社团社长。她和同学们自制“垃圾分类”互动游戏，走进 12 个社区宣传垃圾分类知识，还把活动做成了短视频。"},
            {"M", "陈美玲", "科技馆金牌讲解员，每逢周末和节假日义务讲解“中微子探秘”展区，用通俗的比喻把深奥的物理知识讲给孩子们听，观众亲切地叫她“中微子姐姐”。"},
            {"M", "周建华", "退休电力工程师，七十岁仍坚持在科技馆做志愿者，修复了馆里多件老旧展品，还带着“科普大篷车”走进台山、恩平的乡村小学。"},
            {"M", "吴秀英", "社区卫生服务中心护士，业余时间在科技馆开设“健康小课堂”，讲解心肺复苏和家庭急救，已培训居民 1500 多人次。"},
        };
        for (int i = 0; i < people.length; i++) {
            long unit = "S".equals(people[i][0]) ? school.get().id() : museum.get().id();
            long id = volunteers.seedApproved(unit, people[i][1], people[i][2],
                    today.minusDays(5).atTime(10, i * 7).atZone(Campaign.ZONE).toInstant());
            if (id > 0) {
                likeOnEarlierDays(LikeTarget.VOLUNTEER, id, citizens, (i * 3 + 4) % citizens.size(), today);
            }
        }
    }

    private void seedTopics(LocalDate today, List<Actor> citizens) {
        Instant opens = today.minusDays(2).atTime(8, 0).atZone(Campaign.ZONE).toInstant();
        Instant closes = today.plusDays(20).atTime(23, 59).atZone(Campaign.ZONE).toInstant();
        long carbon = topics.seed(new Topic(0, "您身边有哪些“低碳生活”的好做法？",
                "围绕碳达峰、碳中和目标，说说您和家人在节约用电、绿色出行、垃圾分类方面的小妙招。留言会即时展示。",
                null, opens, closes, TopicModeration.SHOW_AT_ONCE, null), 0);
        if (carbon > 0) {
            Instant at = opens.plus(Duration.ofHours(3));
            topics.seedComment(carbon, citizens.get(0), "我家把灯全换成了LED，夏天空调定在26度，电费一个月省了五十多元。", at, false);
            topics.seedComment(carbon, citizens.get(1), "上下班改骑共享单车，既锻炼身体又减少排放，一举两得。",
                    at.plus(Duration.ofMinutes(40)), false);
            topics.seedComment(carbon, citizens.get(2), "小区的厨余垃圾现在拿去做堆肥，种出来的蔬菜特别好。",
                    at.plus(Duration.ofHours(5)), false);
            topics.seedComment(carbon, citizens.get(3), "加微信领取免费节能灯，名额有限！", at.plus(Duration.ofHours(6)), false);
        }
        long scientist = topics.seed(new Topic(0, "如果能和一位科学家对话，您最想问什么？",
                "可以是历史上的科学家，也可以是身边的科技工作者。留言经审核后展示。", null, opens, closes,
                TopicModeration.WAIT_FOR_APPROVAL, null), 0);
        if (scientist > 0) {
            Instant at = opens.plus(Duration.ofHours(4));
            topics.seedComment(scientist, citizens.get(4), "想问屠呦呦奶奶：做了190次实验都失败，是什么让您坚持下来的？", at, true);
            topics.seedComment(scientist, citizens.get(5), "想问王贻芳院士：江门中微子实验什么时候能出结果？", at.plus(Duration.ofHours(2)),
                    true);
            topics.seedComment(scientist, citizens.get(6), "想问钟南山院士：普通人平时怎样增强免疫力？", at.plus(Duration.ofHours(3)),
                    false);
        }
    }

    private void seedStreams(Campaign campaign) {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(Campaign.ZONE);
        streams.seed(new LiveStream(0, "2021年全国科普日江门市“云上科普日”启动仪式", "江门科协视频号",
                "https://live.example.cn/jmkx/2021-kick-off", now.minus(Duration.ofMinutes(30)),
                now.plus(Duration.ofMinutes(90)), null,
                "市科协联合各市（区）科协同步直播“云上科普日”启动仪式，介绍短视频征集、网络答题和点赞科技志愿等线上活动。"));
        ZonedDateTime afternoon = local.toLocalDate().atTime(15, 0).atZone(Campaign.ZONE);
        if (!afternoon.toInstant().isAfter(now.plus(Duration.ofMinutes(90)))) {
            afternoon = local.plusHours(3);
        }
        streams.seed(new LiveStream(0, "抗击新冠肺炎疫情科普直播：疫苗接种十问十答", "江门疾控微信视频号",
                "https://live.example.cn/jmcdc/vaccine-qa", afternoon.toInstant(),
                afternoon.plusMinutes(60).toInstant(), null,
                "疾控专家在线解答新冠疫苗接种的常见问题：哪些人可以接种、接种后注意什么、加强针怎么打。"));
        LocalDate mainDay = campaign.mainEvent().date();
        streams.seed(new LiveStream(0, "第三届江门科普嘉年华暨2021年全国科普日江门市主场活动直播", "江门广播电视台",
                "https://live.example.cn/jmtv/carnival-2021",
                mainDay.atTime(9, 30).atZone(Campaign.ZONE).toInstant(),
                mainDay.atTime(12, 0).atZone(Campaign.ZONE).toInstant(), null,
                "在" + campaign.mainEvent().venue() + "现场直播主场活动：科技展品体验、科学实验秀和科普讲座。"));
    }

    /** Likes from some demo citizens on the two days before today (today stays free for a visitor to like). */
    private void likeOnEarlierDays(LikeTarget target, long id, List<Actor> citizens, int count, LocalDate today) {
        for (int day = 1; day <= 2; day++) {
            for (int i = 0; i < Math.max(0, count - day + 1); i++) {
                Instant at = today.minusDays(day).atTime(10 + i % 10, (i * 13 + day * 7) % 60)
                        .atZone(Campaign.ZONE).toInstant();
                likes.seed(target, id, citizens.get(i).accountId(), at);
            }
        }
    }

    /** A 640×360 PNG cover: a soft gradient with a few circles, different per entry. */
    static ByteArrayInputStreamSource cover(int i) {
        float hue = (i * 0.13f) % 1f;
        Color a = Color.getHSBColor(hue, 0.55f, 0.85f);
        Color b = Color.getHSBColor((hue + 0.12f) % 1f, 0.65f, 0.55f);
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, a, 640, 360, b));
        g.fillRect(0, 0, 640, 360);
        g.setColor(new Color(255, 255, 255, 70));
        for (int k = 0; k < 5; k++) {
            int r = 40 + ((i + 1) * (k + 3) * 17) % 90;
            g.fillOval((k * 131 + i * 47) % 600, (k * 71 + i * 29) % 320, r, r);
        }
        g.setColor(new Color(255, 255, 255, 200));
        int[] xs = {280, 280, 380};
        int[] ys = {130, 230, 180};
        g.fillPolygon(xs, ys, 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStreamSource(out.toByteArray());
    }

    /** Bytes that can be opened as a stream more than once. */
    record ByteArrayInputStreamSource(byte[] bytes) {
        java.io.InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
