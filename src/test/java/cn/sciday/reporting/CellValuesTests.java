package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.Audience;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.TestCampaigns;

/** How the cells people type are read: dates, lists, numbers and names of joint actions and themes. */
class CellValuesTests {

    static final Campaign CAMPAIGN = TestCampaigns.jiangmen2021();

    static XlsxSheetReader.Cell text(String s) {
        return new XlsxSheetReader.Cell(s, null, false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2021年9月18日 9:30|2021-09-18|09:30",
            "2021年9月18日9:30|2021-09-18|09:30",
            "2021/9/18|2021-09-18|",
            "2021-09-18 09:30|2021-09-18|09:30",
            "2021-09-18T09:30|2021-09-18|09:30",
            "2021-09-18 09:30:00|2021-09-18|09:30",
            "２０２１－０９－１８　０９：３０|2021-09-18|09:30",
            "2021.9.18|2021-09-18|",
            "9月18日|2021-09-18|",
            "2021年9月18日 下午2:30|2021-09-18|14:30",
            "2021年9月18日 14时30分|2021-09-18|14:30",
            "20210918|2021-09-18|",
            " 2021/9/18 |2021-09-18|"})
    void textDates(String typed, String date, String time) throws Exception {
        CellValues.When w = CellValues.when(text(typed), 2021);
        assertThat(w.date()).isEqualTo(LocalDate.parse(date));
        assertThat(w.time()).isEqualTo(time == null ? null : LocalTime.parse(time));
    }

    @Test
    void excelDatesWithAndWithoutTime() throws Exception {
        double withTime = DateUtil.getExcelDate(LocalDateTime.parse("2021-09-18T09:30"));
        CellValues.When w = CellValues.when(new XlsxSheetReader.Cell(null, withTime, true), 2021);
        assertThat(w.asStart()).isEqualTo(LocalDateTime.parse("2021-09-18T09:30"));

        double dayOnly = DateUtil.getExcelDate(LocalDateTime.parse("2021-09-18T00:00"));
        CellValues.When d = CellValues.when(new XlsxSheetReader.Cell(null, dayOnly, true), 2021);
        assertThat(d.time()).isNull();
        assertThat(d.asStart()).isEqualTo(LocalDateTime.parse("2021-09-18T00:00"));
        assertThat(d.asEnd()).isEqualTo(LocalDateTime.parse("2021-09-18T23:59"));

        // a date serial in a cell formatted as a plain number still reads as a date
        assertThat(CellValues.when(new XlsxSheetReader.Cell(null, withTime, false), 2021).asStart())
                .isEqualTo(LocalDateTime.parse("2021-09-18T09:30"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2021-02-30|日期“2021-02-30”不存在。", "明天上午|无法识别的日期“明天上午”",
            "2021-09-18 25:00|时间“2021-09-18 25:00”不存在"})
    void badDatesSayWhy(String typed, String message) {
        assertThatThrownBy(() -> CellValues.when(text(typed), 2021)).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2|2", "２|2", "二|2", "(二)|2", "第2项|2", "2.青少年科技教育联合行动|2",
            "2、青少年科技教育联合行动|2", "青少年科技教育联合行动|2", "青少年科技教育|2", "12|12", "十二|12",
            "全媒体科普传播行动|12", " 7 |7"})
    void jointActionByNumberOrName(String typed, int number) throws Exception {
        assertThat(CellValues.jointAction(typed, CAMPAIGN)).isEqualTo(number);
    }

    @Test
    void noJointAction() throws Exception {
        assertThat(CellValues.jointAction("无", CAMPAIGN)).isNull();
        assertThat(CellValues.jointAction(" ", CAMPAIGN)).isNull();
    }

    @Test
    void jointActionMistakesSayWhy() {
        assertThatThrownBy(() -> CellValues.jointAction("13", CAMPAIGN)).hasMessage("没有编号为 13 的联合行动（编号为 1–12）。");
        assertThatThrownBy(() -> CellValues.jointAction("2.水利科普联合行动", CAMPAIGN))
                .hasMessage("联合行动的编号 2 与名称“水利科普联合行动”不一致。");
        assertThatThrownBy(() -> CellValues.jointAction("科普", CAMPAIGN)).hasMessageContaining("可以指多个联合行动");
        assertThatThrownBy(() -> CellValues.jointAction("天文观测", CAMPAIGN)).hasMessageContaining("不是本次活动方案的联合行动");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2、6|2,6", "2，6|2,6", "2,6|2,6", "2;6|2,6", "2；6|2,6", "2/6|2,6",
            "２、６|2,6", "2.弘扬科学精神，激发科学梦想|2", "弘扬科学精神，激发科学梦想、倡导绿色发展，服务生态建设|2,3",
            "1、弘扬科学精神，激发科学梦想|2", "弘扬科学精神|2", "(二)、(六)|2,6"})
    void themesBySeparatorsNumbersAndTitles(String typed, String numbers) throws Exception {
        List<Integer> expected = java.util.Arrays.stream(numbers.split(",")).map(Integer::valueOf).toList();
        assertThat(CellValues.themes(typed, CAMPAIGN)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void unknownThemeSaysWhich() {
        assertThatThrownBy(() -> CellValues.themes("2、天文", CAMPAIGN)).hasMessageContaining("活动主题“天文”不是本次活动方案的主题");
        assertThatThrownBy(() -> CellValues.themes("9", CAMPAIGN)).hasMessageContaining("“9”");
    }

    @Test
    void audiencesAndSynonyms() throws Exception {
        assertThat(CellValues.audiences("青少年、公众")).containsExactlyInAnyOrder(Audience.YOUTH, Audience.GENERAL_PUBLIC);
        assertThat(CellValues.audiences("青少年，老年人;农民,产业工人；社区居民"))
                .containsExactlyInAnyOrder(Audience.YOUTH, Audience.ELDERLY, Audience.FARMERS, Audience.WORKERS,
                        Audience.RESIDENTS);
        assertThat(CellValues.audiences("领导干部和公务员")).containsExactly(Audience.OFFICIALS);
        assertThat(CellValues.audiences("中小学生 ")).containsExactly(Audience.YOUTH);
        assertThat(CellValues.audiences("社会公众")).containsExactly(Audience.GENERAL_PUBLIC);
        assertThatThrownBy(() -> CellValues.audiences("青少年、外星人")).hasMessageContaining("“外星人”无法识别");
    }

    @Test
    void formatsYesNoAndCounts() throws Exception {
        assertThat(CellValues.format("线下")).isEqualTo(ActivityFormat.OFFLINE);
        assertThat(CellValues.format("线上")).isEqualTo(ActivityFormat.ONLINE);
        assertThat(CellValues.format("线上+线下")).isEqualTo(ActivityFormat.BOTH);
        assertThat(CellValues.format("线上＋线下")).isEqualTo(ActivityFormat.BOTH);
        assertThat(CellValues.format("线上线下结合")).isEqualTo(ActivityFormat.BOTH);
        assertThatThrownBy(() -> CellValues.format("户外")).hasMessage("活动形式只能是线下、线上或线上+线下。");
        assertThat(CellValues.yesNo("是")).isTrue();
        assertThat(CellValues.yesNo("否")).isFalse();
        assertThat(CellValues.yesNo("")).isFalse();
        assertThatThrownBy(() -> CellValues.yesNo("也许")).hasMessage("请填写“是”或“否”。");
        assertThat(CellValues.count(text("２００"))).isEqualTo(200);
        assertThat(CellValues.count(text("约200人"))).isEqualTo(200);
        assertThat(CellValues.count(text("1,200"))).isEqualTo(1200);
        assertThat(CellValues.count(new XlsxSheetReader.Cell(null, 300.0, false))).isEqualTo(300);
        assertThatThrownBy(() -> CellValues.count(text("很多"))).hasMessage("预计参与人数应为整数，如 200。");
        assertThatThrownBy(() -> CellValues.count(new XlsxSheetReader.Cell(null, 2.5, false)))
                .hasMessage("预计参与人数应为 1 以上的整数。");
    }

    @Test
    void headersAreRecognisedInTheFormsPeopleType() {
        assertThat(IntentionColumn.byHeader("所在市(区)")).contains(IntentionColumn.DIVISION);
        assertThat(IntentionColumn.byHeader("所在市（区）")).contains(IntentionColumn.DIVISION);
        assertThat(IntentionColumn.byHeader(" 活动 名称* ")).contains(IntentionColumn.NAME);
        assertThat(IntentionColumn.byHeader("预计参与人数（人）")).contains(IntentionColumn.EXPECTED);
        assertThat(IntentionColumn.byHeader("活动简介(200字以内)")).contains(IntentionColumn.SUMMARY);
        assertThat(IntentionColumn.byHeader("随便")).isEmpty();
    }
}
