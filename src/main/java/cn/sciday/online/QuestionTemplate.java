package cn.sciday.online;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.sciday.campaign.ContentTheme;

/** The import template: the header row, one example per question type, and a sheet of instructions. */
final class QuestionTemplate {

    private QuestionTemplate() {
    }

    static void write(OutputStream out, List<ContentTheme> themes) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("题目");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> headers = QuestionImport.HEADERS.entrySet().stream()
                    .filter(h -> !QuestionImport.OPTIONAL.contains(h.getKey())).map(java.util.Map.Entry::getValue)
                    .toList();
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 1 || i == 7 ? 40 : 14) * 256);
            }
            row(sheet, 1, "判断题", "我国第一颗人造地球卫星“东方红一号”于1970年4月24日发射成功。", "", "", "", "", "对",
                    "东方红一号由长征一号运载火箭在酒泉卫星发射中心发射，我国由此成为第五个独立研制并发射人造卫星的国家。", "1");
            row(sheet, 2, "单选题", "植物通过光合作用吸收的气体是？", "二氧化碳", "氧气", "氮气", "一氧化碳", "A",
                    "光合作用利用光能把二氧化碳和水合成有机物，同时释放氧气。", "3");
            row(sheet, 3, "多选题", "下列属于可再生能源的有？", "太阳能", "风能", "水能", "石油", "ABC",
                    "太阳能、风能、水能可以不断再生；石油是化石能源，短期内无法再生。", "3");
            Sheet help = wb.createSheet("填写说明");
            String[] lines = {
                "每行一道题，从第 2 行起填写；第 1 行表头不要修改。示例行可以删除或改写。",
                "题型：单选题、多选题或判断题。",
                "选项：单选题至少 2 个选项，多选题至少 3 个，按 A、B、C、D 的顺序填写；判断题不填选项（固定为“对”“错”）。"
                    + "需要更多选项时可加“选项E”“选项F”两列。",
                "正确答案：单选题填一个字母（如 A）；多选题填两个或以上字母（如 ACD）；判断题填“对”或“错”。",
                "解析：答题提交后展示给答题者，请写清依据。",
                "内容主题：填写下列编号之一。",
                "整个文件全部无误才会导入；有任何错误时不会导入任何一题，并会逐条列出行号、列号和原因。",
                "文件须为 .xlsx 格式，不超过 5 MB，一次最多 2000 道题。"
            };
            int r = 0;
            for (String line : lines) {
                help.createRow(r++).createCell(0).setCellValue(line);
            }
            for (ContentTheme t : themes) {
                help.createRow(r++).createCell(0).setCellValue(t.number() + "  " + t.title());
            }
            help.setColumnWidth(0, 120 * 256);
            wb.write(out);
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
