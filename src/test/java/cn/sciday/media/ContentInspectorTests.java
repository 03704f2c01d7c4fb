package cn.sciday.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.sciday.web.InvalidInputException;

/** The type comes from the bytes, never the name; web pages and scripts are refused whatever they are called. */
class ContentInspectorTests {

    static final Set<FileKind> ALL = EnumSet.allOf(FileKind.class);

    @TempDir
    Path dir;

    FileKind detect(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("upload-" + System.nanoTime()), content);
        return ContentInspector.detect(Arrays.copyOf(content, Math.min(content.length, 8192)), file, ALL);
    }

    @Test
    void recognisesEachKindByItsContent() throws IOException {
        assertThat(detect(TestFiles.pdf())).isEqualTo(FileKind.PDF);
        assertThat(detect(TestFiles.jpeg(20, 10))).isEqualTo(FileKind.JPEG);
        assertThat(detect(TestFiles.png(20, 10))).isEqualTo(FileKind.PNG);
        assertThat(detect(TestFiles.mp4(100))).isEqualTo(FileKind.MP4);
        assertThat(detect(TestFiles.xlsx())).isEqualTo(FileKind.XLSX);
        assertThat(detect(TestFiles.docx())).isEqualTo(FileKind.DOCX);
    }

    @Test
    void refusesWebPagesSvgAndScripts() {
        for (String markup : new String[] {TestFiles.HTML, TestFiles.SVG, "  \n<HTML><body>hi</body></HTML>",
                "\ufeff<svg onload=alert(1)>", "#!/bin/sh\nrm -rf /\n", "<?php echo 1; ?>"}) {
            assertThatThrownBy(() -> detect(markup.getBytes(StandardCharsets.UTF_8)))
                    .as(markup).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("不能上传网页、SVG 图形或脚本文件");
        }
        byte[] utf16 = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> detect(utf16)).hasMessageContaining("网页");
    }

    @Test
    void refusesMarkupHiddenBehindAMagicNumber() {
        byte[] polyglot = "%PDF-1.4\n<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> detect(polyglot)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("网页或脚本代码");
    }

    @Test
    void unknownContentSaysWhatIsAllowed() throws IOException {
        Path file = Files.write(dir.resolve("x"), "just some text".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ContentInspector.detect("just some text".getBytes(StandardCharsets.UTF_8), file,
                EnumSet.of(FileKind.JPEG, FileKind.PNG)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("无法识别").hasMessageContaining("只能上传：JPEG 图片、PNG 图片");
        byte[] oldExcel = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0};
        assertThatThrownBy(() -> detect(oldExcel)).hasMessageContaining("另存为 .xlsx");
    }

    @Test
    void aZipThatIsNotAnOfficeFileIsUnknown() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> detect(bytes.toByteArray())).hasMessageContaining("无法识别");
        byte[] truncated = Arrays.copyOf(TestFiles.xlsx(), 60);
        assertThatThrownBy(() -> detect(truncated)).hasMessageContaining("无法识别");
    }

    @Test
    void aZipBombIsRefusedFromItsDirectoryWithoutInflatingIt() throws IOException {
        byte[] bomb = TestFiles.zipBombXlsx(200L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        long before = usedHeap();
        assertThatThrownBy(() -> detect(bomb)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("压缩内容异常");
        assertThat(usedHeap() - before).as("heap grown while checking").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void anOversizedContentTypesPartIsReadOnlyUpToItsBound() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            // 900 KB of varied text: below the ratio check's threshold, above the read bound
            StringBuilder b = new StringBuilder();
            for (int i = 0; b.length() < 900 * 1024; i++) {
                b.append("<Default Extension=\"e").append(i).append("\"/>");
            }
            zip.write(b.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> detect(bytes.toByteArray())).hasMessageContaining("压缩内容异常");
    }

    @Test
    void anExtensionMustNotContradictTheContent() {
        ContentInspector.checkExtension("报告.pdf", FileKind.PDF);
        ContentInspector.checkExtension("photo.png", FileKind.JPEG);
        ContentInspector.checkExtension("photo.JPG", FileKind.PNG);
        ContentInspector.checkExtension("no-extension", FileKind.PDF);
        ContentInspector.checkExtension("data.bin", FileKind.MP4);
        assertThatThrownBy(() -> ContentInspector.checkExtension("photo.pdf", FileKind.PNG))
                .hasMessageContaining(".pdf").hasMessageContaining("PNG 图片");
        assertThatThrownBy(() -> ContentInspector.checkExtension("table.xlsx", FileKind.DOCX))
                .hasMessageContaining("与扩展名不符");
        assertThatThrownBy(() -> ContentInspector.checkExtension("page.html", FileKind.PDF))
                .hasMessageContaining("不能上传扩展名为 .html");
        assertThatThrownBy(() -> ContentInspector.checkExtension("icon.svg", FileKind.PNG))
                .hasMessageContaining(".svg");
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
