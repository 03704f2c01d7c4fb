package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.Role;

/** The xlsx import is all or nothing, names row and column of every problem, and refuses unsafe files. */
@IntegrationTest
class QuestionImportIntegrationTests {

    static final String[] HEADER = {"题型", "题干", "选项A", "选项B", "选项C", "选项D", "正确答案", "解析", "内容主题"};

    @Autowired
    MockMvc mvc;
    @Autowired
    QuestionBank bank;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;
    @Autowired
    QuizLookups lookups;

    @Test
    void aFileWithProblemsImportsNothingAndNamesEveryRowAndColumn() throws IOException {
        String unique = "导入测试" + System.nanoTime();
        byte[] file = xlsx(HEADER,
                row("单选题", unique + "：正确的一行", "甲", "乙", "丙", "丁", "A", "解析", "1"),
                row("单选题", "", "甲", "乙", "", "", "B", "解析", "2"),
                row("填空题", unique + "：题型不对", "", "", "", "", "A", "解析", "2"),
                row("单选题", unique + "：没有E选项", "甲", "乙", "丙", "丁", "E", "解析", "3"),
                row("多选题", unique + "：主题不对", "甲", "乙", "丙", "", "AC", "解析", "9"),
                row("单选题", unique + "：正确的一行", "甲", "乙", "", "", "A", "解析", "1"),
                row("判断题", unique + "：判断题答案不对", "", "", "", "", "不知道", "", "主题2"),
                row("多选题", unique + "：选项空缺", "甲", "", "丙", "丁", "A", "解析", "4"));
        int before = count();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> bank.importRows(QuestionImport.read("题库.xlsx", file)));
        assertThat(e.problems()).extracting(p -> p.field() + "：" + p.message()).containsExactly(
                "第3行 B列（题干）：请填写题干。",
                "第4行 A列（题型）：题型应为单选题、多选题或判断题，不能是“填空题”。",
                "第5行 G列（正确答案）：正确答案“E”没有对应的选项（只有 4 个选项）。",
                "第6行 I列（内容主题）：内容主题应为活动方案中的主题编号（1–6）或主题名称，不能是“9”。",
                "第7行 B列（题干）：与第 2 行的题干相同。",
                "第8行 G列（正确答案）：判断题的正确答案应为“对”或“错”，不能是“不知道”。",
                "第8行 H列（解析）：请填写解析，答题后会展示给答题者。",
                "第9行 D列（选项B）：选项B为空，但后面的选项有内容；请按 A、B、C…的顺序填写选项。",
                "第9行 G列（正确答案）：多选题至少要有两个正确答案（现为 A）；只有一个请改为单选题。");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aGoodFileImportsEveryRowAndTheSameFileAgainIsRefusedAsDuplicates() throws IOException {
        String unique = "导入成功" + System.nanoTime();
        byte[] file = xlsx(new String[] {"内容主题", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "正确答案", "解析"},
                row("3", "单选题", unique + " 1", "甲", "乙", "", "", "", "b", "解析一"),
                row("倡导绿色发展，服务生态建设", "多选题", unique + " 2", "甲", "乙", "丙", "丁", "戊", "A、C，E", "解析二"),
                row("1", "判断题", unique + " 3", "", "", "", "", "", "×", "解析三"));
        int before = count();
        List<Long> pool = lookups.enabledIds(QuestionType.MULTIPLE);
        assertThat(bank.importRows(QuestionImport.read("x.XLSX", file))).isEqualTo(3);
        assertThat(count()).isEqualTo(before + 3);
        QuizQuestion multiple = bank.search(null, null, unique + " 2", null).get(0);
        // the cached pool an attempt draws from was cleared by the import: the next attempt may draw the new question
        assertThat(lookups.enabledIds(QuestionType.MULTIPLE)).containsAll(pool).contains(multiple.id())
                .hasSize(pool.size() + 1);
        assertThat(multiple.type()).isEqualTo(QuestionType.MULTIPLE);
        assertThat(multiple.options()).containsExactly("甲", "乙", "丙", "丁", "戊");
        assertThat(multiple.correctAnswer()).isEqualTo("ACE");
        assertThat(multiple.themeNumber()).isEqualTo(3);
        QuizQuestion tf = bank.search(null, null, unique + " 3", null).get(0);
        assertThat(tf.correctAnswer()).isEqualTo("B");
        assertThat(tf.correctAnswerText()).isEqualTo("错");
        InvalidInputException again = catchThrowableOfType(InvalidInputException.class,
                () -> bank.importRows(QuestionImport.read("x.xlsx", file)));
        assertThat(again.problems()).hasSize(3).allSatisfy(p -> assertThat(p.message()).startsWith("题库中已有相同题干的题目"));
        assertThat(count()).isEqualTo(before + 3);
    }

    @Test
    void missingHeadersAndFormulasAreNamed() throws IOException {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> QuestionImport.read("a.xlsx",
                xlsx(new String[] {"题型", "题干", "选项A", "选项B", "选项C", "选项D", "正确答案", "内容主题"})));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("第1行");
            assertThat(p.message()).startsWith("缺少“解析”列");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet();
            Row h = s.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                h.createCell(i).setCellValue(HEADER[i]);
            }
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("单选题");
            r.createCell(1).setCellFormula("\"题\"&\"干\"");
            wb.write(out);
        }
        InvalidInputException f = catchThrowableOfType(InvalidInputException.class,
                () -> QuestionImport.read("a.xlsx", out.toByteArray()));
        assertThat(f.problems()).extracting(p -> p.field() + "：" + p.message())
                .containsExactly("第2行 B列（题干）：不能使用公式，请改为直接填写文字。");
    }

    @Test
    void invisibleControlCharactersInACellAreNamed() throws IOException {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> QuestionImport.read("a.xlsx",
                xlsx(HEADER, row("单选题", "科_x0007_普日_x001B_[31m？", "甲", "乙", "丙", "丁", "A", "解析", "1"))));
        // (_x0007_ and _x001B_ are how Excel keeps BEL and ESC in a cell)
        assertThat(e.problems()).extracting(p -> p.field() + "：" + p.message())
                .containsExactly("第2行 B列（题干）：含有不可见的控制字符（多是从其他系统复制来的），请删除后再上传。");
    }

    @Test
    void otherFormatsOversizeFilesAndZipBombsAreRefusedBeforeReading() throws IOException {
        assertThat(refusal("题库.csv", "题型,题干\n单选题,x".getBytes(StandardCharsets.UTF_8)))
                .startsWith("只能导入 .xlsx 格式的 Excel 文件");
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, 0, ole2, 0, 4);
        assertThat(refusal("旧格式.xlsx", ole2)).startsWith("只能导入 .xlsx 格式的 Excel 文件");
        byte[] big = new byte[(int) QuestionImport.MAX_BYTES + 1];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        assertThat(refusal("大.xlsx", big)).startsWith("文件大小为 5.0 MB，超过了 5 MB 的上限");
        assertThat(refusal("空.xlsx", new byte[0])).isEqualTo("请选择要导入的 .xlsx 文件。");
        byte[] broken = Arrays.copyOf(xlsx(HEADER), 300);
        assertThat(refusal("坏.xlsx", broken)).startsWith("无法读取该文件");
        byte[] bomb = bomb(xlsx(HEADER, row("单选题", "炸弹", "甲", "乙", "", "", "A", "解析", "1")));
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refusal("炸弹.xlsx", bomb)).contains("压缩炸弹");
    }

    @Test
    void theImportPageListsTheProblemsAndTheTemplateImportsAsIs() throws Exception {
        var admin = TestLogins.as(TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()));
        byte[] bad = xlsx(HEADER, row("单选题", "", "甲", "乙", "", "", "A", "解析", "1"));
        mvc.perform(multipart("/admin/quiz/questions/import").file(new MockMultipartFile("file", "q.xlsx", null, bad))
                .with(csrf()).with(admin)).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("没有导入任何题目：发现 1 处问题").contains("第2行 B列（题干）").contains("请填写题干。"));
        byte[] template = mvc.perform(get("/admin/quiz/questions/template.xlsx").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<QuestionImport.Row> rows = QuestionImport.read("模板.xlsx", template);
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(r -> assertThat(QuestionRules.check(r.draft(), bank.themes()).problems()).isEmpty());
    }

    private String refusal(String name, byte[] bytes) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> QuestionImport.read(name, bytes));
        assertThat(e).as(name).isNotNull();
        return e.firstMessage();
    }

    private int count() {
        return jdbc.sql("select count(*) from quiz_question").query(Integer.class).single();
    }

    static String[] row(String... cells) {
        return cells;
    }

    static byte[] xlsx(String[] header, String[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("题目");
            String[][] all = new String[rows.length + 1][];
            all[0] = header;
            System.arraycopy(rows, 0, all, 1, rows.length);
            for (int r = 0; r < all.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < all[r].length; c++) {
                    if (!all[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(all[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The same workbook with 40 MB of blanks inside its sheet: a small file that inflates 1000-fold. */
    static byte[] bomb(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 40; i++) {
                        zip.write(blanks);
                    }
                    zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(data);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
