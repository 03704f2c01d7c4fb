package cn.sciday.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Actor;
import cn.sciday.web.DemoMode;
import cn.sciday.web.Role;

/**
 * Demo data (demo mode only): about fifty activities of units across the seven divisions and the city departments,
 * covering the twelve joint actions and every state, so that a new user sees a living campaign. 江门市江海区礼乐中学
 * has one activity in each state and 江海区 has three awaiting its review. Runs once: nothing happens when the
 * demo's main-event activity exists. Each activity is walked through the real transitions, back-dated before the demo clock;
 * offline ones get a small epidemic-prevention plan PDF before they are submitted.
 */
@Component
@Order(20)
class ActivityDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ActivityDemoData.class);

    /** A demo unit: name, type, the division or department it registers under, contact. */
    record Unit(String name, UnitType type, String parent, String contact, String phone, String address) {
    }

    /** A demo activity: who runs it, what, when (day, hour, hours long), where, for whom, and the state to reach. */
    record Spec(String organizer, String name, Integer jointAction, List<Integer> themes, ActivityFormat format,
            String day, int hour, int hours, String division, String venue, String url, Set<Audience> audiences,
            int expected, Integer capacity, boolean key, String summary, ActivityStatus target, String reason) {
    }

    static final String SCHOOL = "江门市江海区礼乐中学";
    static final String XH_MUSEUM = "新会区科学技术馆";

    static final List<Unit> UNITS = List.of(
            new Unit(SCHOOL, UnitType.SCHOOL, "江海区", "梁老师", "0750-3862101", "江海区礼乐街道礼乐中学"),
            new Unit("江海区科技馆", UnitType.MUSEUM, "江海区", "陈馆长", "0750-3862210", "江海区五邑路科技馆"),
            new Unit("江海区外海街道麻一村民委员会", UnitType.COMMUNITY_COMMITTEE, "江海区", "黄主任", "0750-3730112",
                    "江海区外海街道麻一村"),
            new Unit(XH_MUSEUM, UnitType.MUSEUM, "新会区", "李主任", "0750-6630215", "新会区会城新会大道科学技术馆"),
            new Unit("江门市新会区陈皮行业协会", UnitType.SOCIETY, "新会区", "区秘书长", "0750-6638820", "新会区会城街道"),
            new Unit("江门市蓬江区荷塘镇中心小学", UnitType.SCHOOL, "蓬江区", "容老师", "0750-3711025", "蓬江区荷塘镇"),
            new Unit("蓬江区环市街道东华社区居民委员会", UnitType.COMMUNITY_COMMITTEE, "蓬江区", "何主任", "0750-3322415",
                    "蓬江区环市街道东华社区"),
            new Unit("台山市核电科普教育基地", UnitType.OTHER, "台山市", "伍工程师", "0750-5512301", "台山市赤溪镇"),
            new Unit("台山市人民医院", UnitType.HOSPITAL, "台山市", "甄医生", "0750-5522120", "台山市台城桥湖路"),
            new Unit("开平市第一中学", UnitType.SCHOOL, "开平市", "关老师", "0750-2212086", "开平市长沙街道"),
            new Unit("开平市水口镇农业技术推广站", UnitType.OTHER, "开平市", "司徒站长", "0750-2561104", "开平市水口镇"),
            new Unit("鹤山市人民医院", UnitType.HOSPITAL, "鹤山市", "冯医生", "0750-8882310", "鹤山市沙坪街道"),
            new Unit("鹤山市沙坪街道新时代文明实践所", UnitType.OTHER, "鹤山市", "吕干事", "0750-8896021", "鹤山市沙坪街道"),
            new Unit("恩平市地热科普馆", UnitType.MUSEUM, "恩平市", "吴馆长", "0750-7712009", "恩平市良西镇"),
            new Unit("恩平市恩城街道中心小学", UnitType.SCHOOL, "恩平市", "郑老师", "0750-7721308", "恩平市恩城街道"),
            new Unit("江门市第一中学", UnitType.SCHOOL, "市教育局", "余老师", "0750-3300125", "蓬江区建设三路"),
            new Unit("江门市中心医院", UnitType.HOSPITAL, "市卫生健康局", "许医生", "0750-3165012", "蓬江区海傍街"),
            new Unit("江门市应急救援协会", UnitType.SOCIETY, "市应急管理局", "钟会长", "0750-3390119", "蓬江区港口路"),
            new Unit("江门市节约用水办公室", UnitType.OTHER, "市水利局", "谭科长", "0750-3270306", "蓬江区胜利路"),
            new Unit("江门市农业科学研究所", UnitType.OTHER, "市农业农村局", "林研究员", "0750-3568012", "蓬江区杜阮镇"),
            new Unit("江门市博物馆", UnitType.MUSEUM, "市文化广电旅游体育局", "赵馆员", "0750-3501618", "蓬江区白沙大道"),
            new Unit("江门日报社", UnitType.ENTERPRISE, "市委宣传部", "温编辑", "0750-3502345", "蓬江区迎宾大道"),
            new Unit("江门市青少年宫", UnitType.OTHER, "团市委", "卢老师", "0750-3283100", "蓬江区江华路"),
            new Unit("江门市环境科学学会", UnitType.SOCIETY, "市生态环境局", "曾秘书长", "0750-3228016", "蓬江区天沙河畔"),
            new Unit("江门市节能协会", UnitType.SOCIETY, "市发展改革局", "马秘书长", "0750-3278090", "蓬江区建设路"),
            new Unit("江门市高新技术企业协会", UnitType.SOCIETY, "市科技局", "梁秘书长", "0750-3160025", "江海区高新区"));

    private static final Set<Audience> YOUTH = EnumSet.of(Audience.YOUTH);
    private static final Set<Audience> PUBLIC = EnumSet.of(Audience.GENERAL_PUBLIC);
    private static final Set<Audience> FAMILY = EnumSet.of(Audience.YOUTH, Audience.GENERAL_PUBLIC);
    private static final Set<Audience> ELDER = EnumSet.of(Audience.ELDERLY, Audience.RESIDENTS);
    private static final Set<Audience> RURAL = EnumSet.of(Audience.FARMERS, Audience.RESIDENTS);
    private static final Set<Audience> WORK = EnumSet.of(Audience.WORKERS);
    private static final Set<Audience> CADRE = EnumSet.of(Audience.OFFICIALS, Audience.GENERAL_PUBLIC);

    private static final ActivityFormat OFF = ActivityFormat.OFFLINE;
    private static final ActivityFormat ON = ActivityFormat.ONLINE;
    private static final ActivityFormat BOTH = ActivityFormat.BOTH;
    private static final ActivityStatus D = ActivityStatus.DRAFT;
    private static final ActivityStatus S = ActivityStatus.SUBMITTED;
    private static final ActivityStatus E = ActivityStatus.ENDORSED;
    private static final ActivityStatus P = ActivityStatus.PUBLISHED;
    private static final ActivityStatus R = ActivityStatus.RETURNED;
    private static final ActivityStatus W = ActivityStatus.WITHDRAWN;
    private static final ActivityStatus C = ActivityStatus.CANCELLED;

    static Spec spec(String org, String name, Integer ja, List<Integer> themes, ActivityFormat format, String day,
            int hour, int hours, String division, String venue, Set<Audience> audiences, int expected,
            Integer capacity, boolean key, String summary, ActivityStatus target, String reason) {
        String url = format == OFF ? null : "https://www.kepuri.cn/activity/jm2021-" + Math.abs(name.hashCode() % 100000);
        return new Spec(org, name, ja, themes, format, day, hour, hours, division, venue, url, audiences, expected,
                capacity, key, summary, target, reason);
    }

    static final List<Spec> SPECS = List.of(
            // 江门市江海区礼乐中学: one activity in each state, two awaiting 江海区.
            spec(SCHOOL, "礼乐中学第五届校园科技节", 2, List.of(2), OFF, "2021-09-24", 8, 8, "江海区", "礼乐中学体育馆及各实验室",
                    YOUTH, 1200, null, true, "以“百年再出发”为主题，开展科技小制作展评、科学实验秀和科普知识竞赛，全校师生共同参与。", P, null),
            spec(SCHOOL, "“小小科学家”趣味实验课堂", 2, List.of(2), OFF, "2021-10-09", 14, 2, "江海区", "礼乐中学物理实验室",
                    YOUTH, 80, 60, false, "邀请五邑大学志愿者带领学生动手完成趣味物理、化学实验，激发科学兴趣。", S, null),
            spec(SCHOOL, "青少年人工智能编程体验营", 2, List.of(2, 6), BOTH, "2021-10-16", 9, 6, "江海区", "礼乐中学信息技术室",
                    YOUTH, 150, 100, false, "通过图形化编程和智能小车任务，让中学生体验人工智能的基本原理。", S, null),
            spec(SCHOOL, "机器人竞赛校内选拔赛", 2, List.of(2), OFF, "2021-10-23", 8, 6, "江海区", "礼乐中学科技楼",
                    YOUTH, 200, null, false, "选拔优秀队伍参加江门市青少年机器人竞赛，设搭建、编程和答辩环节。", E, null),
            spec(SCHOOL, "大手拉小手·家长科普开放日", 2, List.of(2, 5), OFF, "2021-11-06", 9, 3, "江海区", "礼乐中学校园",
                    FAMILY, 300, 150, false, "邀请家长和孩子一起参观学校科技社团，体验科学小实验。", D, null),
            spec(SCHOOL, "校园防震减灾应急演练", 9, List.of(6), OFF, "2021-10-13", 15, 2, "江海区", "礼乐中学",
                    YOUTH, 1500, null, false, "组织全校师生开展地震应急疏散演练，并由消防员讲解自救互救知识。", R,
                    "请补充演练地点的详细地址（具体到操场或楼栋），并核对活动时间是否与期中考试冲突。"),
            spec(SCHOOL, "航模制作兴趣课", 2, List.of(2), OFF, "2021-10-30", 14, 3, "江海区", "礼乐中学劳技室",
                    YOUTH, 40, 40, false, "指导学生制作橡筋动力飞机模型并开展试飞比赛。", W, null),
            spec(SCHOOL, "科普研学一日游（五邑大学实验室）", 4, List.of(2), OFF, "2021-09-25", 8, 9, "蓬江区",
                    "五邑大学智能制造实验室", YOUTH, 90, 90, false, "组织学生走进高校实验室，了解智能制造与新材料研究。", C,
                    "因疫情防控要求，暂停校外集体研学活动。"),
            // 江海区
            spec("江海区科技馆", "第三届江门科普嘉年华分会场·科技馆奇妙夜", 11, List.of(1, 2), OFF, "2021-09-18", 18, 3, "江海区",
                    "江海区科技馆一楼展厅", FAMILY, 800, 500, true, "夜间开放科技馆，设置科学表演、天文观测和互动展项讲解。", P, null),
            spec("江海区科技馆", "“点亮好奇心”科学表演秀", 10, List.of(2), OFF, "2021-10-02", 10, 2, "江海区", "江海区科技馆报告厅",
                    FAMILY, 300, 200, false, "科学辅导员表演液氮、静电和声学实验，现场讲解背后的科学原理。", S, null),
            spec("江海区外海街道麻一村民委员会", "乡村振兴·农技服务进村", 7, List.of(4), OFF, "2021-10-20", 9, 3, "江海区",
                    "麻一村党群服务中心", RURAL, 120, null, false, "邀请农技专家讲解水稻病虫害绿色防控和农产品电商知识。", P, null),
            // 新会区
            spec(XH_MUSEUM, "新会科技馆“航天梦”主题展", 10, List.of(1, 2), OFF, "2021-09-19", 9, 8, "新会区",
                    "新会区科学技术馆二楼展厅", FAMILY, 2000, null, true, "展出航天模型与中国空间站图片，回顾建党百年航天成就。", P, null),
            spec(XH_MUSEUM, "科普讲解员大赛（新会赛区）", 10, List.of(2, 5), OFF, "2021-10-17", 14, 3, "新会区",
                    "新会区科学技术馆报告厅", PUBLIC, 200, null, false, "面向全区科普工作者开展讲解比赛，选拔优秀科普讲解员。", E, null),
            spec(XH_MUSEUM, "云游科技馆·线上导览直播", 12, List.of(2), ON, "2021-10-24", 19, 1, null, null,
                    PUBLIC, 5000, null, false, "讲解员通过网络直播带观众参观科技馆常设展厅，在线互动答题。", S, null),
            spec("江门市新会区陈皮行业协会", "新会陈皮产业科技创新讲座", 3, List.of(4), OFF, "2021-11-12", 14, 2, "新会区",
                    "新会陈皮村会议中心", WORK, 150, null, false, "介绍陈皮陈化、检测和深加工新技术，推动产业升级。", P, null),
            spec("江门市新会区陈皮行业协会", "陈皮种植户科学管理培训", 7, List.of(4), OFF, "2021-11-20", 9, 4, "新会区",
                    "新会区三江镇农技站", RURAL, 100, null, false, "为柑农讲解科学施肥、病虫害防治和安全用药。", R,
                    "请写明培训讲师和培训内容，并补充面向对象的预计人数依据。"),
            // 蓬江区
            spec("江门市蓬江区荷塘镇中心小学", "荷塘小学科学实验周", 2, List.of(2), OFF, "2021-10-11", 8, 8, "蓬江区",
                    "荷塘镇中心小学", YOUTH, 900, null, false, "每天一个主题实验，让每名学生至少参加一次科普活动。", P, null),
            spec("江门市蓬江区荷塘镇中心小学", "小学生节水小卫士行动", 6, List.of(3), OFF, "2021-11-03", 14, 2, "蓬江区",
                    "荷塘镇中心小学操场", YOUTH, 300, null, false, "开展节水知识竞答和家庭节水小调查。", S, null),
            spec("蓬江区环市街道东华社区居民委员会", "社区长者防诈骗与智能手机课堂", 8, List.of(5, 6), OFF, "2021-09-28", 9, 2,
                    "蓬江区", "东华社区长者饭堂", ELDER, 60, 60, false, "手把手教长者使用健康码和识别电信诈骗。", P, null),
            spec("蓬江区环市街道东华社区居民委员会", "垃圾分类与低碳生活宣传日", 1, List.of(3), OFF, "2021-10-30", 9, 3, "蓬江区",
                    "东华社区文化广场", ELDER, 200, null, false, "通过游戏和展板宣传垃圾分类与节能低碳生活方式。", D, null),
            // 台山市
            spec("台山市核电科普教育基地", "走近“华龙一号”核电科普开放日", 5, List.of(1, 3), BOTH, "2021-09-26", 9, 6, "台山市",
                    "台山市核电科普展厅", PUBLIC, 400, 300, true, "公众参观核电科普展厅，听工程师讲解核安全与新能源知识。", P, null),
            spec("台山市核电科普教育基地", "核安全知识网络竞答", 5, List.of(3, 6), ON, "2021-10-15", 9, 72, null, null,
                    PUBLIC, 3000, null, false, "线上答题普及核安全与辐射防护知识，答对者可获纪念品。", E, null),
            spec("台山市人民医院", "秋冬季传染病防治健康讲座", 8, List.of(5), OFF, "2021-11-10", 15, 2, "台山市",
                    "台山市人民医院学术报告厅", ELDER, 150, 120, false, "讲解流感、诺如病毒等秋冬季传染病的预防和就医常识。", S, null),
            // 开平市
            spec("开平市第一中学", "开平一中青少年科技创新大赛作品展", 2, List.of(2), OFF, "2021-10-18", 8, 8, "开平市",
                    "开平市第一中学图书馆", YOUTH, 1000, null, false, "展出学生科技创新作品，并由作者现场讲解。", P, null),
            spec("开平市水口镇农业技术推广站", "丝苗米高产栽培技术田间课", 7, List.of(4), OFF, "2021-10-08", 9, 3, "开平市",
                    "水口镇示范田", RURAL, 80, null, false, "在示范田现场讲解丝苗米高产栽培和机械化收割技术。", P, null),
            spec("开平市水口镇农业技术推广站", "智慧农业无人机植保演示", 7, List.of(4, 1), OFF, "2021-11-18", 9, 3, "开平市",
                    "水口镇示范田", RURAL, 100, null, false, "演示植保无人机作业，讲解精准施药和安全操作。", W, null),
            // 鹤山市
            spec("鹤山市人民医院", "心肺复苏与AED急救培训", 9, List.of(5), OFF, "2021-10-12", 14, 3, "鹤山市",
                    "鹤山市人民医院培训中心", PUBLIC, 100, 80, false, "医护人员教授心肺复苏和AED使用，学员现场实操考核。", P, null),
            spec("鹤山市沙坪街道新时代文明实践所", "科技志愿服务进社区", 10, List.of(5), OFF, "2021-09-30", 9, 3, "鹤山市",
                    "沙坪街道新时代文明实践所", ELDER, 200, null, false, "科技志愿者为居民提供家电维修、健康咨询和科普展览。", E, null),
            spec("鹤山市沙坪街道新时代文明实践所", "学习《科学素质纲要》专题宣讲", null, List.of(6), OFF, "2021-11-25", 15, 2,
                    "鹤山市", "沙坪街道会议室", CADRE, 80, null, false, "面向机关干部和社区工作者宣讲全民科学素质行动规划纲要。", S, null),
            // 恩平市
            spec("恩平市地热科普馆", "地热能与温泉科学探秘", 1, List.of(3), OFF, "2021-10-05", 10, 5, "恩平市",
                    "恩平市地热科普馆", FAMILY, 500, 300, false, "介绍地热能的形成与利用，体验温泉水质检测小实验。", P, null),
            spec("恩平市恩城街道中心小学", "气象科普进校园", 9, List.of(2, 3), OFF, "2021-11-16", 14, 2, "恩平市",
                    "恩城街道中心小学报告厅", YOUTH, 400, null, false, "气象专家讲解台风、暴雨预警和防灾避险知识。", D, null),
            // 市直部门下属单位
            spec("江门市第一中学", "院士专家进校园科普报告会", 4, List.of(1, 2), BOTH, "2021-10-22", 15, 2, "蓬江区",
                    "江门市第一中学大礼堂", YOUTH, 1500, null, true, "邀请广东院士联合会专家作科普报告，分享科研报国故事。", E, null),
            spec("江门市中心医院", "“健康江门”卫生科普直播周", 8, List.of(5), ON, "2021-10-25", 20, 1, null, null,
                    PUBLIC, 20000, null, false, "每晚一位专家直播讲解慢病管理、儿童健康和科学防疫。", P, null),
            spec("江门市中心医院", "儿童青少年近视防控讲座", 8, List.of(2, 5), OFF, "2021-11-13", 9, 2, "蓬江区",
                    "江门市中心医院门诊楼报告厅", FAMILY, 200, 150, false, "眼科医生讲解近视成因、防控方法和科学用眼习惯。", S, null),
            spec("江门市应急救援协会", "防溺水与自救互救科普进社区", 9, List.of(5), OFF, "2021-09-29", 9, 3, "新会区",
                    "新会区会城街道社区广场", FAMILY, 300, null, false, "演示溺水急救和心肺复苏，发放防溺水宣传资料。", P, null),
            spec("江门市应急救援协会", "家庭应急包与防灾避险展", 9, List.of(6), OFF, "2021-12-04", 9, 6, "江海区",
                    "江海区文化广场", PUBLIC, 600, null, false, "展示家庭应急包的配置，讲解台风、火灾等防灾避险知识。", R,
                    "活动结束时间晚于展区可用时间，请与场地方确认后修改结束时间。"),
            spec("江门市节约用水办公室", "节水护水·水科学知识进校园", 6, List.of(3), OFF, "2021-10-21", 14, 2, "鹤山市",
                    "鹤山市第一中学", YOUTH, 500, null, false, "讲解水资源保护和水污染防治，开展节水知识竞答。", P, null),
            spec("江门市节约用水办公室", "“水韵侨乡”水利科普线上展", 6, List.of(3), ON, "2021-11-01", 9, 240, null, null,
                    PUBLIC, 8000, null, false, "线上展示江门水利工程与节水型社会建设成果。", C,
                    "线上展览平台升级，改为12月另行举办。"),
            spec("江门市农业科学研究所", "农业科研开放日", 4, List.of(4), OFF, "2021-10-14", 9, 5, "蓬江区",
                    "江门市农业科学研究所试验基地", RURAL, 150, 100, false, "开放试验基地，展示水稻新品种和绿色种养技术。", S, null),
            spec("江门市博物馆", "侨乡科技史图片展", 11, List.of(1), OFF, "2021-09-20", 9, 8, "蓬江区",
                    "江门市博物馆临展厅", PUBLIC, 3000, null, false, "以图片和实物回顾侨乡百年科技发展与华侨科技贡献。", P, null),
            spec("江门市博物馆", "博物馆奇妙夜·文物里的科学", 11, List.of(2), OFF, "2021-11-27", 18, 3, "蓬江区",
                    "江门市博物馆", FAMILY, 200, 120, false, "讲解员带领亲子家庭探寻青铜器、陶瓷中的科学原理。", E, null),
            spec("江门日报社", "全媒体科普专栏“科普江门”", 12, List.of(2, 6), BOTH, "2021-09-13", 9, 24, "蓬江区",
                    "江门日报社融媒体中心", PUBLIC, 100000, null, true, "在报纸、客户端和短视频平台开设科普专栏，分期报道全市科普活动。", P,
                    null),
            spec("江门市青少年宫", "青少年科技创新大赛辅导营", 2, List.of(2), OFF, "2021-10-31", 9, 6, "蓬江区",
                    "江门市青少年宫科技活动室", YOUTH, 120, 100, false, "辅导老师指导学生完成科技创新项目的选题、实验和答辩准备。", S,
                    null),
            spec("江门市环境科学学会", "碳达峰碳中和科普讲座", 1, List.of(3), OFF, "2021-10-19", 15, 2, "江海区",
                    "江海区图书馆报告厅", CADRE, 180, null, false, "专家解读碳达峰、碳中和目标与绿色低碳生活方式。", P, null),
            spec("江门市节能协会", "企业节能降碳技术交流会", 1, List.of(3), OFF, "2021-11-09", 9, 4, "江海区",
                    "江门国家高新区会展中心", WORK, 160, null, false, "组织企业交流节能改造案例，普及能效管理知识。", E, null),
            spec("江门市高新技术企业协会", "高新技术企业开放参观日", 3, List.of(1, 2), OFF, "2021-10-27", 9, 5, "江海区",
                    "江门国家高新区企业展示中心", WORK, 300, 200, false, "组织市民和产业工人参观高新企业生产线，体验科技成果。", P, null));

    /** Activities divisions, departments and the city propose for themselves (reviewed by the city alone). */
    static final List<Spec> OWN = List.of(
            spec("市科协", "第三届江门科普嘉年华暨2021年全国科普日江门市主场活动", null, List.of(1, 2, 3, 4, 5, 6), BOTH,
                    "2021-09-17", 9, 8, "江海区", "江海区科技馆", PUBLIC, 10000, null, true,
                    "全市科普日主场活动：科普展览、科学表演、互动体验和“云上科普日”直播，聚集各级优质科普资源。", P, null),
            spec("蓬江区", "蓬江区科普日主题宣传活动", 10, List.of(2, 6), OFF, "2021-09-19", 9, 4, "蓬江区",
                    "蓬江区江门市民广场", PUBLIC, 3000, null, true, "区科协联合各学会设置科普展位，开展科普咨询和展板宣传。", P, null),
            spec("新会区", "新会区科技工作者科普志愿服务月", 10, List.of(5), OFF, "2021-10-10", 9, 6, "新会区",
                    "新会区各镇（街）新时代文明实践站", PUBLIC, 2000, null, false, "组织科技工作者深入镇街开展科普志愿服务。", S, null),
            spec("市科技局", "创新驱动成果展及科普一日游", 3, List.of(1, 2), OFF, "2021-11-05", 9, 7, "江海区",
                    "江门国家高新区", PUBLIC, 500, 300, true, "展示全市创新驱动发展成果，组织市民走进科技企业和研发平台。", S, null));

    private final Activities activities;
    private final ActivityUploads uploads;
    private final Organizations organizations;
    private final DemoMode demo;

    ActivityDemoData(Activities activities, ActivityUploads uploads, Organizations organizations, DemoMode demo) {
        this.activities = activities;
        this.uploads = uploads;
        this.organizations = organizations;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.isOn()) {
            seed();
        }
    }

    /** Seeds the demo activities unless they are there; returns how many were created. */
    int seed() {
        if (organizations.isEmpty() || activities.existsNamed(OWN.get(0).name())) {
            return 0;
        }
        for (int i = 0; i < UNITS.size(); i++) {
            ensureUnit(UNITS.get(i), i);
        }
        Instant clock = OffsetDateTime.parse("2021-09-06T09:00:00+08:00").toInstant();
        int created = 0;
        List<Spec> all = new ArrayList<>(OWN);
        all.addAll(SPECS);
        for (Spec spec : all) {
            walk(spec, clock.plus(Duration.ofMinutes(37L * created)));
            created++;
        }
        log.info("Demo data: {} activities", created);
        return created;
    }

    private void ensureUnit(Unit unit, int index) {
        if (organizations.findByName(unit.name()).isPresent()) {
            return;
        }
        OrganizationView parent = organizations.findByName(unit.parent())
                .orElseThrow(() -> new IllegalStateException("demo data: no organization " + unit.parent()));
        String code = CreditCode.complete("52440700MJ" + String.format("%07d", 1000 + index));
        organizations.createApprovedUnit(new UnitRegistration(unit.name(), unit.type(), code, unit.contact(),
                unit.phone(), unit.address(), parent.id()));
    }

    private void walk(Spec spec, Instant createdAt) {
        OrganizationView org = organizations.findByName(spec.organizer())
                .orElseThrow(() -> new IllegalStateException("demo data: no organization " + spec.organizer()));
        Actor proposer = actor(org, org.isUnit() ? Role.ORGANIZER : org.parentId() == null ? Role.CITY_ADMIN
                : Role.COORDINATOR, "填报员");
        Actor coordinator = org.isUnit() ? actor(organizations.get(org.parentId()), Role.COORDINATOR, "审核员") : null;
        Actor city = actor(organizations.city(), Role.CITY_ADMIN, "审核员");
        Unit unit = UNITS.stream().filter(u -> u.name().equals(spec.organizer())).findFirst().orElse(null);
        ActivityView view = activities.create(proposer, form(spec, unit), createdAt);
        long id = view.id();
        ActivityStatus target = spec.target();
        if (target == ActivityStatus.DRAFT) {
            return;
        }
        Instant at = createdAt.plus(Duration.ofHours(20));
        if (spec.format().hasOfflinePart()) {
            uploads.attachEpidemicPlan(proposer, id, DemoFiles.upload("疫情防控方案.pdf",
                    DemoFiles.pdf("Epidemic prevention plan (demo) - activity " + id)), at.minus(Duration.ofHours(1)));
        }
        activities.act(proposer, id, ActivityAction.SUBMIT, null, at);
        switch (target) {
            case RETURNED -> activities.act(coordinator != null ? coordinator : city, id, ActivityAction.RETURN,
                    spec.reason(), at.plus(Duration.ofHours(26)));
            case WITHDRAWN -> activities.act(proposer, id, ActivityAction.WITHDRAW, "计划调整，暂不举办。",
                    at.plus(Duration.ofHours(5)));
            case ENDORSED -> activities.act(coordinator, id, ActivityAction.ENDORSE, "内容符合活动方案，同意推荐。",
                    at.plus(Duration.ofHours(22)));
            case PUBLISHED, CANCELLED -> {
                if (coordinator != null) {
                    activities.act(coordinator, id, ActivityAction.ENDORSE, "同意推荐。", at.plus(Duration.ofHours(22)));
                }
                activities.act(city, id, ActivityAction.APPROVE, "同意发布。", at.plus(Duration.ofHours(46)));
                if (target == ActivityStatus.CANCELLED) {
                    activities.act(proposer, id, ActivityAction.CANCEL, spec.reason(), at.plus(Duration.ofHours(70)));
                }
            }
            default -> {
            }
        }
    }

    private ActivityForm form(Spec s, Unit unit) {
        LocalDateTime start = LocalDateTime.parse(s.day() + "T" + String.format("%02d", s.hour()) + ":00");
        Long division = s.division() == null ? null : organizations.findByName(s.division())
                .orElseThrow(() -> new IllegalStateException("demo data: no division " + s.division())).id();
        return new ActivityForm(s.name(), s.jointAction(), s.themes(), null, s.format(), start,
                start.plusHours(s.hours()), division, s.venue(), s.url(), s.audiences(), s.expected(),
                s.capacity() != null, s.capacity(), s.key(), s.summary(),
                s.summary() + "活动严格落实疫情防控要求，参加者须出示健康码并佩戴口罩。欢迎关注“" + s.name() + "”。",
                unit == null ? "科普日工作联系人" : unit.contact(), unit == null ? "0750-3501234" : unit.phone());
    }

    private static Actor actor(OrganizationView org, Role role, String what) {
        return new Actor(0, "demo", org.name() + what + "（演示）", role, org.id(), true);
    }
}
