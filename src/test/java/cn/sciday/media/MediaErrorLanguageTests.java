package cn.sciday.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.i18n.LocaleContextHolder;

import cn.sciday.web.InvalidInputException;

/** An upload's refusal names the allowed kinds as a list in the reader's language. */
class MediaErrorLanguageTests {

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anUnknownFileSaysWhatIsAllowedInEitherLanguage() throws IOException {
        byte[] text = "just some text".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("x"), text);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ContentInspector.detect(text, file, EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG)));

        assertThat(e.problems().get(0).code()).isEqualTo("media.error.unknownType");
        assertThat(e.firstMessage()).isEqualTo("无法识别该文件的类型。只能上传：PDF 文件、JPEG 图片、PNG 图片。");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(e.firstMessage()).isEqualTo(
                "The type of this file cannot be recognised. Allowed: PDF document, JPEG image, PNG image.");
    }

    @Test
    void sizesBelowAKilobyteAreWordsToo() {
        assertThat(Media.humanSize(2048)).isEqualTo("2 KB");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(new InvalidInputException("file", "media.error.tooLarge", Media.humanSize(300)).firstMessage())
                .isEqualTo("The file is too large; it can be at most 300 bytes.");
    }
}
