package cn.sciday.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Browser-supplied names are shown, never used as paths; headers carry them safely. */
class FileNamesTests {

    @Test
    void stripsPathsControlCharactersAndLeadingDots() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\me\\..\\活动照片.png")).isEqualTo("活动照片.png");
        assertThat(FileNames.sanitize("evil\u202Egnp.exe")).isEqualTo("evilgnp.exe");
        assertThat(FileNames.sanitize("a\r\nb\u0000c.pdf")).isEqualTo("abc.pdf");
        assertThat(FileNames.sanitize(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitize("say \"hi\" <b>.pdf")).isEqualTo("say _hi_ _b_.pdf");
        assertThat(FileNames.sanitize("../..")).isEqualTo("file");
        assertThat(FileNames.sanitize(null)).isEqualTo("file");
        assertThat(FileNames.sanitize("   ")).isEqualTo("file");
    }

    @Test
    void limitsToTwoHundredCharactersKeepingTheExtension() {
        String name = FileNames.sanitize("长".repeat(300) + ".docx");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(200);
        assertThat(name).endsWith("长.docx");
        String emoji = FileNames.sanitize("\uD83D\uDE00".repeat(250) + ".png");
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(200);
        assertThat(emoji).endsWith("\uD83D\uDE00.png");
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndRfc5987Utf8Name() {
        assertThat(FileNames.contentDisposition(true, "活动 照片.png"))
                .isEqualTo("inline; filename=\"__ __.png\"; filename*=UTF-8''%E6%B4%BB%E5%8A%A8%20%E7%85%A7%E7%89%87.png");
        assertThat(FileNames.contentDisposition(false, "a;b\"c.xlsx"))
                .isEqualTo("attachment; filename=\"a_b_c.xlsx\"; filename*=UTF-8''a%3Bb%22c.xlsx");
    }
}
