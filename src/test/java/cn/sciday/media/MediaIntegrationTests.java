package cn.sciday.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

/** Storing uploads: checked by content, refused cleanly (no row, no file), images get thumbnails. */
@IntegrationTest
class MediaIntegrationTests {

    static final Set<FileKind> DOCUMENTS = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX);
    static final Set<FileKind> IMAGES = EnumSet.of(FileKind.JPEG, FileKind.PNG);
    static final long MB = 1024 * 1024;

    @Autowired
    Media media;
    @Autowired
    FileStorage storage;
    @Autowired
    MediaConfiguration.Directories directories;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    OrganizationView unit;
    Actor organizer;

    @BeforeEach
    void setUp() {
        unit = TestUnits.unitUnder(organizations, "江海区", "江海一中");
        organizer = TestLogins.actor(Role.ORGANIZER, unit.id());
    }

    StoredFile store(String name, byte[] content, Set<FileKind> allowed, long max) {
        return media.store(organizer, unit.id(), "activity-photo", Visibility.SCOPED, name,
                new ByteArrayInputStream(content), allowed, max);
    }

    long rows() {
        return jdbc.sql("select count(*) from media_file").query(Long.class).single();
    }

    long files() throws IOException {
        try (Stream<Path> all = Files.walk(directories.files())) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    void assertRefused(String name, byte[] content, Set<FileKind> allowed, long max, String message)
            throws IOException {
        long rowsBefore = rows();
        long filesBefore = files();
        assertThatThrownBy(() -> store(name, content, allowed, max))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .allSatisfy(p -> assertThat(p.field()).isEqualTo("file")));
        assertThat(rows()).as("rows after refusing " + name).isEqualTo(rowsBefore);
        assertThat(files()).as("files after refusing " + name).isEqualTo(filesBefore);
    }

    @Test
    void refusesAWebPageNamedPdf() throws IOException {
        assertRefused("通知.pdf", TestFiles.HTML.getBytes(StandardCharsets.UTF_8), DOCUMENTS, MB,
                "不能上传网页、SVG 图形或脚本文件");
    }

    @Test
    void refusesSvgWithScriptNamedPng() throws IOException {
        assertRefused("logo.png", TestFiles.SVG.getBytes(StandardCharsets.UTF_8), IMAGES, MB, "SVG");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertRefused("empty.pdf", new byte[0], DOCUMENTS, MB, "文件是空的");
    }

    @Test
    void refusesAFileOverTheLimitCountingTheBytesActuallySent() throws IOException {
        byte[] big = new byte[3000];
        System.arraycopy(TestFiles.pdf(), 0, big, 0, TestFiles.pdf().length);
        assertRefused("big.pdf", big, DOCUMENTS, 2048, "文件太大，不能超过 2 KB");
        long filesBefore = files();
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 'A';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'A');
                served += len;
                if (served > 50 * MB) {
                    throw new AssertionError("read far past the limit");
                }
                return len;
            }
        };
        assertThatThrownBy(() -> media.store(organizer, unit.id(), "x", Visibility.SCOPED, "endless.pdf", endless,
                DOCUMENTS, 5 * MB)).isInstanceOf(InvalidInputException.class).hasMessageContaining("5 MB");
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void refusesAKindTheCallerDoesNotAcceptSayingWhichAreAllowed() throws IOException {
        assertRefused("plan.pdf", TestFiles.pdf(), IMAGES, MB, "只能上传：JPEG 图片、PNG 图片");
    }

    @Test
    void refusesANameThatContradictsTheContent() throws IOException {
        assertRefused("photo.pdf", TestFiles.png(30, 20), EnumSet.allOf(FileKind.class), MB, "与扩展名不符");
        assertRefused("page.html", TestFiles.pdf(), DOCUMENTS, MB, ".html");
    }

    @Test
    void refusesAZipBombDisguisedAsXlsx() throws IOException {
        assertRefused("汇总表.xlsx", TestFiles.zipBombXlsx(300 * MB), DOCUMENTS, 20 * MB, "压缩内容异常");
    }

    @Test
    void refusesAnImageWhoseDeclaredSizeIsAbsurdBeforeDecodingIt() throws IOException {
        assertRefused("huge.png", TestFiles.pngClaiming(100_000, 100_000), IMAGES, MB, "图片尺寸过大");
        assertRefused("broken.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3}, IMAGES, MB,
                "图片已损坏");
    }

    @Test
    void storesAPngWithAThumbnailOfAtMost400Pixels() throws IOException {
        long filesBefore = files();
        StoredFile f = store("活动照片.png", TestFiles.png(1200, 800), IMAGES, 5 * MB);
        assertThat(f.kind()).isEqualTo(FileKind.PNG);
        assertThat(f.contentType()).isEqualTo("image/png");
        assertThat(f.hasThumbnail()).isTrue();
        assertThat(f.originalName()).isEqualTo("活动照片.png");
        assertThat(f.sha256()).hasSize(64);
        assertThat(f.ownerOrganizationId()).isEqualTo(unit.id());
        assertThat(files()).isEqualTo(filesBefore + 2);
        try (InputStream in = media.open(f.id())) {
            assertThat(in.readAllBytes()).hasSize((int) f.size());
        }
        BufferedImage thumb;
        try (InputStream in = media.openThumbnail(f.id())) {
            thumb = ImageIO.read(in);
        }
        assertThat(thumb.getWidth()).isEqualTo(400);
        assertThat(thumb.getHeight()).isEqualTo(267);
        String key = jdbc.sql("select storage_key from media_file where id = ?").param(f.id())
                .query(String.class).single();
        assertThat(key).matches("[0-9a-f-]{36}").doesNotContain("活动");
    }

    @Test
    void storesAJpegNamedPngAsJpeg() {
        StoredFile f = store("photo.png", TestFiles.jpeg(300, 500), IMAGES, MB);
        assertThat(f.kind()).isEqualTo(FileKind.JPEG);
        assertThat(f.contentType()).isEqualTo("image/jpeg");
        assertThat(f.hasThumbnail()).isTrue();
    }

    @Test
    void storesOfficeFilesPdfAndVideoWithoutThumbnails() {
        assertThat(store("汇总表.xlsx", TestFiles.xlsx(), DOCUMENTS, MB).kind()).isEqualTo(FileKind.XLSX);
        assertThat(store("总结.docx", TestFiles.docx(), DOCUMENTS, MB).kind()).isEqualTo(FileKind.DOCX);
        StoredFile video = store("clip.mp4", TestFiles.mp4(5000), EnumSet.of(FileKind.MP4), MB);
        assertThat(video.kind()).isEqualTo(FileKind.MP4);
        assertThat(video.hasThumbnail()).isFalse();
    }

    @Test
    void sanitizesAPathTraversalName() {
        StoredFile f = store("../../etc/passwd", TestFiles.pdf(), DOCUMENTS, MB);
        assertThat(f.originalName()).isEqualTo("passwd");
        StoredFile g = store("..\\..\\报告\u202E.pdf", TestFiles.pdf(), DOCUMENTS, MB);
        assertThat(g.originalName()).isEqualTo("报告.pdf");
    }

    @Test
    void whenTheCallersTransactionRollsBackNothingIsLeft() throws IOException {
        long rowsBefore = rows();
        long filesBefore = files();
        transactions.executeWithoutResult(status -> {
            store("photo.jpg", TestFiles.jpeg(800, 600), IMAGES, MB);
            assertThat(rows()).isEqualTo(rowsBefore + 1);
            status.setRollbackOnly();
        });
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void staffMayStoreOnlyForOrganizationsInTheirScope() {
        OrganizationView other = TestUnits.unitUnder(organizations, "蓬江区", "蓬江小学");
        assertThatThrownBy(() -> media.store(organizer, other.id(), "x", Visibility.SCOPED, "a.pdf",
                new ByteArrayInputStream(TestFiles.pdf()), DOCUMENTS, MB)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteIsForTheOwningUnitAndTheCity() throws IOException {
        StoredFile f = store("a.jpg", TestFiles.jpeg(50, 50), IMAGES, MB);
        OrganizationView other = TestUnits.unitUnder(organizations, "江海区", "江海二中");
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        assertThatThrownBy(() -> media.delete(TestLogins.actor(Role.ORGANIZER, other.id()), f.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> media.delete(TestLogins.actor(Role.COORDINATOR, jianghai), f.id()))
                .isInstanceOf(AccessDeniedException.class);
        long filesBefore = files();
        media.delete(TestLogins.actor(Role.ORGANIZER, unit.id()), f.id());
        assertThat(media.metadata(f.id())).isEmpty();
        assertThat(files()).isEqualTo(filesBefore - 2);
        StoredFile g = store("b.pdf", TestFiles.pdf(), DOCUMENTS, MB);
        media.delete(TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()), g.id());
        assertThat(media.metadata(g.id())).isEmpty();
        assertThatThrownBy(() -> media.open(g.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void storageKeysCannotEscapeTheDirectory() {
        assertThatThrownBy(() -> storage.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
