package cn.sciday.portal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.sciday.web.DemoMode;

/**
 * Demo data (demo mode only): the 2021 notice itself (江府办函〔2021〕117号) as the city government's office
 * published it on 2021-09-16, with a summary of the plan, a link to the plan's page and its two forms as Excel
 * attachments (意向征集表, 汇总表; the columns of the field notes). Runs once: nothing happens when the notice exists.
 */
@Component
@Order(50)
class NoticeDemoData implements ApplicationRunner {

    static final String TITLE = "江门市人民政府办公室关于印发《2021年江门市全国科普日活动方案》的通知";
    static final String NUMBER = "江府办函〔2021〕117号";
    static final String ISSUER = "江门市人民政府办公室";
    static final LocalDate ISSUED = LocalDate.of(2021, 9, 16);

    static final String SUMMARY = "《2021年江门市全国科普日活动方案》已经市人民政府同意，现印发各市（区）人民政府和市有关单位，"
            + "请认真贯彻实施。活动时间为9月11日至12月10日，主题为“百年再出发，迈向高水平科技自立自强”。";

    static final String BODY = """
            各市（区）人民政府，市有关单位：
            《2021年江门市全国科普日活动方案》已经市人民政府同意，现印发给你们，请认真贯彻实施。实施过程中遇到的问题，请径向市科协反映。
            方案要点如下。
            一、主题和时间。主题为“百年再出发，迈向高水平科技自立自强”，活动时间为9月11日至12月10日。9月17日在江海区科技馆举办第三届江门科普嘉年华暨2021年全国科普日江门市主场活动；各市（区）、各部门在9月至12月结合实际开展分会场活动。
            二、活动内容。围绕建党百年回望创新发展；弘扬科学精神，激发科学梦想；倡导绿色发展，服务生态建设；立足全面小康，助力乡村振兴；开展志愿服务，深化文明实践；宣传科学素质纲要，推动贯彻实施。
            三、主要活动。举办启动仪式（主场活动）；分阶段推进节能低碳、青少年科技教育、高端创新资源、科技资源科普化、新能源、水利、乡村振兴、卫生健康、应急、学会基地、科普阵地和全媒体科普传播等十二项联合行动；开展“云上科普日”活动，包括科普知识网络答题、科普直播、点赞科技志愿和“点亮好奇心”短视频征集等线上活动。
            四、工作要求。提高站位，服务大局；强化服务，营造氛围；注重创新，普惠群众；精心组织，务求实效；加强风险研判，做好疫情防控，线下活动须制定疫情防控工作方案。
            五、有关事项。9月24日前报送活动意向征集表和汇总表（电子版及盖章扫描件）至市科协，并在全国科普日网站或科普中国客户端注册、填报活动信息；10月22日前补充完善活动信息和进展成果，提交阶段性总结；12月10日前报送全面总结材料。各类活动须标注“2021年全国科普日活动”，“归口单位”选择“广东省江门市科学技术协会”。
            江门市人民政府办公室
            2021年9月13日""";

    static final List<String> INTENTION_COLUMNS = List.of("序号", "活动名称", "举办单位", "归口单位", "所属联合行动",
            "活动主题", "活动形式（线下/线上/线上+线下）", "开始时间", "结束时间", "所在市（区）", "活动地点", "面向对象",
            "预计参与人数", "是否申报重点活动", "线上活动网址", "活动简介（200字以内）", "联系人", "联系电话", "备注");
    static final List<String> SUMMARY_COLUMNS = List.of("填报单位", "联系人", "联系电话", "活动总数", "线下活动数",
            "线上活动数", "线上+线下活动数", "联合行动活动数", "预计参与人数", "实际参与人数", "参与科技工作者和志愿者人数",
            "媒体报道数", "备注");

    private static final Logger log = LoggerFactory.getLogger(NoticeDemoData.class);

    private final DemoMode demo;
    private final Notices notices;
    private final TransactionTemplate tx;

    NoticeDemoData(DemoMode demo, Notices notices, TransactionTemplate tx) {
        this.demo = demo;
        this.notices = notices;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.isOn() || notices.existsTitled(TITLE)) {
            return;
        }
        tx.executeWithoutResult(status -> {
            NoticeView n = notices.create(new NoticeForm(TITLE, NUMBER, ISSUER, ISSUED, SUMMARY, BODY, "/campaign",
                    "查看《2021年江门市全国科普日活动方案》全文", null), 0L);
            notices.attach(null, 0L, n.id(), "附件1：2021年江门市全国科普日活动项目意向征集表", AttachmentKind.FORM,
                    "附件1-活动项目意向征集表.xlsx", new ByteArrayInputStream(form("意向征集表", INTENTION_COLUMNS)));
            notices.attach(null, 0L, n.id(), "附件2：2021年江门市全国科普日活动汇总表", AttachmentKind.FORM,
                    "附件2-活动汇总表.xlsx", new ByteArrayInputStream(form("汇总表", SUMMARY_COLUMNS)));
            notices.publish(n.id(), 0L);
        });
        log.info("Demo notice published: {}", TITLE);
    }

    /** An empty form: a title row and the column headings. */
    static byte[] form(String sheetName, List<String> columns) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            sheet.createRow(0).createCell(0).setCellValue("2021年江门市全国科普日活动" + sheetName);
            Row header = sheet.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
                sheet.setColumnWidth(i, 16 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
