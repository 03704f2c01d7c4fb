package cn.sciday.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import javax.imageio.ImageIO;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;

import cn.sciday.campaign.Campaign;

/**
 * Writes the special report (专报) for the city committee and government as .docx: overview, totals, a table per
 * division/department and per joint action, charts as PNG images (each followed by its figures as a table),
 * highlights (the recommended activities, one photo each when there is one), participation and feedback,
 * completion and lateness. Totals come from the same figures as the dashboard.
 */
final class SpecialReportWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The photo of a highlight, read by the caller (null when there is none). */
    interface Photos {
        byte[] photo(long activityId);
    }

    private SpecialReportWriter() {
    }

    static String title(Campaign c) {
        return "关于" + c.year() + "年" + c.city() + "全国科普日活动开展情况的专报";
    }

    static void write(Campaign campaign, LocalDate today, Dashboard.Data d, List<Compliance.MilestoneStatus> compliance,
            List<Recommendations.Recommended> highlights, Photos photos, IntConsumer progress, OutputStream out)
            throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph t = doc.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            run(t, title(campaign), 18, true);
            XWPFParagraph from = doc.createParagraph();
            from.setAlignment(ParagraphAlignment.CENTER);
            run(from, d.scopeName() + "　" + DAY.format(today), 12, false);

            heading(doc, "一、活动概况");
            para(doc, "根据《" + campaign.title() + "》" + (campaign.document() == null ? ""
                    : "（" + campaign.document().number() + "）") + "，" + campaign.year() + "年全国科普日活动以“"
                    + campaign.theme() + "”为主题，于" + DAY.format(campaign.startsOn()) + "至"
                    + DAY.format(campaign.endsOn()) + "在全市开展。"
                    + (campaign.mainEvent() == null ? "" : campaign.mainEvent().name() + "于"
                            + DAY.format(campaign.mainEvent().date()) + "在" + campaign.mainEvent().venue() + "举办。"));
            para(doc, "全市共申报科普活动 " + d.activities() + " 项（已提交、归口已推荐、已发布和退回修改中的活动），其中已发布 "
                    + count(d.byStatus(), "PUBLISHED") + " 项；预计参与 " + d.expected() + " 人次，实际参与 " + d.actual()
                    + " 人次；公众报名 " + d.signups() + " 人次，现场签到 " + d.checkins() + " 人次。");
            progress.accept(20);

            heading(doc, "二、主要数据");
            XWPFTable totals = table(doc, List.of("指标", "数量"));
            row(totals, "申报活动（项）", String.valueOf(d.activities()));
            for (Dashboard.Count s : d.byStatus()) {
                row(totals, "其中" + Labels.status(cn.sciday.activity.ActivityStatus.valueOf(s.label())) + "（项）",
                        String.valueOf(s.count()));
            }
            row(totals, "预计参与人数", String.valueOf(d.expected()));
            row(totals, "实际参与人数", String.valueOf(d.actual()));
            row(totals, "报名人数", String.valueOf(d.signups()));
            row(totals, "签到人数", String.valueOf(d.checkins()));
            row(totals, "公众评价（条）", String.valueOf(d.ratings()));
            row(totals, "平均评分（5分制）", d.ratings() == 0 ? "—" : String.valueOf(d.averageRating()));

            heading(doc, "三、各市（区）、各部门开展情况");
            List<Dashboard.BodyFigures> bodies = new ArrayList<>(d.divisions());
            bodies.addAll(d.departments());
            XWPFTable perBody = table(doc, List.of("市（区）/部门", "活动（项）", "预计参与", "实际参与", "报名", "签到"));
            long[] sum = new long[5];
            for (Dashboard.BodyFigures b : bodies) {
                row(perBody, b.name(), String.valueOf(b.activities()), String.valueOf(b.expected()),
                        String.valueOf(b.actual()), String.valueOf(b.signups()), String.valueOf(b.checkins()));
                sum[0] += b.activities();
                sum[1] += b.expected();
                sum[2] += b.actual();
                sum[3] += b.signups();
                sum[4] += b.checkins();
            }
            row(perBody, "合计", String.valueOf(sum[0]), String.valueOf(sum[1]), String.valueOf(sum[2]),
                    String.valueOf(sum[3]), String.valueOf(sum[4]));
            chart(doc, "图1 各市（区）、各部门活动数量（项）",
                    bodies.stream().map(b -> new ChartImages.Bar(b.name(), b.activities())).toList());
            progress.accept(40);

            heading(doc, "四、联合行动开展情况");
            XWPFTable perAction = table(doc, List.of("联合行动", "活动（项）"));
            for (Dashboard.Count c : d.byJointAction()) {
                row(perAction, "—".equals(c.label()) ? "未归入联合行动" : c.label(), String.valueOf(c.count()));
            }
            row(perAction, "合计", String.valueOf(d.byJointAction().stream().mapToLong(Dashboard.Count::count).sum()));
            chart(doc, "图2 各联合行动活动数量（项）", d.byJointAction().stream()
                    .map(c -> new ChartImages.Bar("—".equals(c.label()) ? "未归入联合行动" : c.label(), c.count()))
                    .toList());
            progress.accept(55);

            heading(doc, "五、亮点活动");
            if (highlights.isEmpty()) {
                para(doc, "暂无择优推荐的活动。");
            }
            int n = 1;
            for (Recommendations.Recommended r : highlights) {
                ActivityRow a = r.activity();
                XWPFParagraph p = doc.createParagraph();
                run(p, n++ + ". " + a.name() + "（" + r.level().label() + "）", 12, true);
                para(doc, "举办单位：" + a.organizationName() + "；归口单位：" + a.bodyName() + "。" + a.summary());
                para(doc, "推荐理由：" + r.reason());
                byte[] photo = photos.photo(a.id());
                if (photo != null) {
                    picture(doc, photo, a.name());
                }
            }
            progress.accept(70);

            heading(doc, "六、公众参与和评价");
            para(doc, "公众报名 " + d.signups() + " 人次，签到 " + d.checkins() + " 人次"
                    + (d.signups() == 0 ? "" : "，签到率 " + Math.round(100.0 * d.checkins() / d.signups()) + "%")
                    + "。共收到公众评价 " + d.ratings() + " 条"
                    + (d.ratings() == 0 ? "。" : "，平均 " + d.averageRating() + " 分（5 分制）。"));
            XWPFTable ratings = table(doc, List.of("评分", "评价（条）"));
            for (Dashboard.Count c : d.ratingDistribution()) {
                row(ratings, c.label() + " 分", String.valueOf(c.count()));
            }
            chart(doc, "图3 公众评分分布（条）", d.ratingDistribution().stream()
                    .map(c -> new ChartImages.Bar(c.label() + " 分", c.count())).toList());
            progress.accept(85);

            heading(doc, "七、信息完善、总结报送和逾期情况");
            if (d.completionKnown()) {
                para(doc, "已结束的已发布活动 " + d.endedPublished() + " 项，已完善信息 " + d.completed() + " 项"
                        + (d.completionRate() == null ? "。" : "，完善率 " + d.completionRate() + "%。"));
            } else {
                para(doc, "活动信息完善和总结数据尚未接入本平台，以下仅列出可统计的节点。");
            }
            XWPFTable late = table(doc, List.of("工作节点", "截止日期", "应报单位", "按时", "逾期完成", "未完成"));
            for (Compliance.MilestoneStatus m : compliance) {
                if (!m.known()) {
                    row(late, m.title(), DAY.format(m.dueOn()), "—", "—", "—", "—");
                    continue;
                }
                row(late, m.title(), DAY.format(m.dueOn()), String.valueOf(m.units()), String.valueOf(m.metOnTime()),
                        String.valueOf(m.metLate().size()), String.valueOf(m.missing().size()));
            }
            for (Compliance.MilestoneStatus m : compliance) {
                List<String> overdue = m.missing().stream().filter(Compliance.UnitStatus::overdue)
                        .map(u -> u.unitName() + "（逾期" + u.daysLate() + "天）").toList();
                if (!overdue.isEmpty()) {
                    para(doc, m.title() + "逾期未完成：" + String.join("、", overdue.subList(0, Math.min(50,
                            overdue.size()))) + (overdue.size() > 50 ? "等 " + overdue.size() + " 个单位" : "") + "。");
                }
            }
            doc.write(out);
        }
    }

    private static long count(List<Dashboard.Count> counts, String label) {
        return counts.stream().filter(c -> c.label().equals(label)).mapToLong(Dashboard.Count::count).sum();
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        run(p, text, 14, true);
    }

    private static void para(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setFirstLineIndent(480);
        run(p, text, 12, false);
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily("仿宋", XWPFRun.FontCharRange.eastAsia);
    }

    private static XWPFTable table(XWPFDocument doc, List<String> header) {
        XWPFTable t = doc.createTable(1, header.size());
        t.setWidth("100%");
        XWPFTableRow h = t.getRow(0);
        for (int i = 0; i < header.size(); i++) {
            h.getCell(i).setText(header.get(i));
        }
        h.setRepeatHeader(true);
        return t;
    }

    private static void row(XWPFTable t, String... cells) {
        XWPFTableRow r = t.createRow();
        for (int i = 0; i < cells.length; i++) {
            r.getCell(i).setText(cells[i]);
        }
    }

    private static void chart(XWPFDocument doc, String caption, List<ChartImages.Bar> bars) throws IOException {
        byte[] png = ChartImages.bars(caption, bars);
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        int widthPt = 440;
        int heightPt = (int) Math.round(widthPt * ChartImages.height(bars.size()) / (double) ChartImages.WIDTH);
        try (InputStream in = new ByteArrayInputStream(png)) {
            p.createRun().addPicture(in, PictureType.PNG, caption + ".png", Units.toEMU(widthPt),
                    Units.toEMU(heightPt));
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
        XWPFParagraph c = doc.createParagraph();
        c.setAlignment(ParagraphAlignment.CENTER);
        String legend = ChartImages.chineseLabels() ? "" : "（图中编号依次对应上表各行）";
        run(c, caption + legend, 10, false);
    }

    private static void picture(XWPFDocument doc, byte[] photo, String name) throws IOException {
        java.awt.image.BufferedImage img = ImageIO.read(new ByteArrayInputStream(photo));
        if (img == null) {
            return;
        }
        boolean png = photo.length > 4 && (photo[0] & 0xff) == 0x89 && photo[1] == 'P';
        int widthPt = Math.min(360, img.getWidth());
        int heightPt = (int) Math.round(widthPt * img.getHeight() / (double) img.getWidth());
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try (InputStream in = new ByteArrayInputStream(photo)) {
            p.createRun().addPicture(in, png ? PictureType.PNG : PictureType.JPEG, name + (png ? ".png" : ".jpg"),
                    Units.toEMU(widthPt), Units.toEMU(heightPt));
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
    }
}
