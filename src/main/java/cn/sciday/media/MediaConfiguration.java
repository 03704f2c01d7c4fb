package cn.sciday.media;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.sciday.web.PublicPaths;

/**
 * Directories and the default store: contents under {@code sciday.media.dir} (default {@code ./data/media}),
 * uploads spooled under {@code sciday.media.spool-dir} (default {@code <dir>/.spool}) while they are checked.
 * {@code sciday.media.store=s3} keeps the contents in an S3-compatible store instead ({@link S3Configuration}); the
 * spool stays local.
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    /** Where files live and where uploads wait while they are checked (both outside the web root). */
    record Directories(Path files, Path spool) {
    }

    @Bean
    Directories mediaDirectories(@Value("${sciday.media.dir:./data/media}") String dir,
            @Value("${sciday.media.spool-dir:}") String spool) {
        Path files = Path.of(dir).toAbsolutePath().normalize();
        return new Directories(files, spool.isBlank() ? files.resolve(".spool") : Path.of(spool).toAbsolutePath());
    }

    @Bean
    @ConditionalOnProperty(name = "sciday.media.store", havingValue = "filesystem", matchIfMissing = true)
    FileStorage fileStorage(Directories directories) {
        return new FilesystemStorage(directories.files());
    }

    /** Served files: the controller itself decides who may read each one (404 otherwise). */
    @Bean
    PublicPaths mediaPaths() {
        return PublicPaths.of("/media/**");
    }
}
