package cn.sciday.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.TestClockConfiguration;
import cn.sciday.TestLogins;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@code sciday.media.store=s3}: uploads go to the S3-compatible server and come back through the app. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class MediaS3IntegrationTests {

    static final String BUCKET = "sciday-media-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3TestServer server = S3TestServer.get();
        registry.add("sciday.media.store", () -> "s3");
        registry.add("sciday.media.s3.endpoint", server::endpoint);
        registry.add("sciday.media.s3.region", () -> S3TestServer.REGION);
        registry.add("sciday.media.s3.bucket", () -> BUCKET);
        registry.add("sciday.media.s3.access-key", () -> S3TestServer.ACCESS_KEY);
        registry.add("sciday.media.s3.secret-key", () -> S3TestServer.SECRET_KEY);
        registry.add("sciday.media.s3.path-style", () -> "true");
        registry.add("sciday.media.s3.create-bucket", () -> "true");
    }

    @Autowired
    Media media;
    @Autowired
    FileStorage storage;
    @Autowired
    Organizations organizations;
    @Autowired
    MockMvc mvc;

    @Test
    void storedUploadsLiveInTheBucketAndComeBackWholeAndByRange() throws Exception {
        assertThat(storage).isInstanceOf(S3Storage.class);
        OrganizationView unit = TestUnits.unitUnder(organizations, "江海区", "江海S3中学");
        Actor organizer = TestLogins.actor(Role.ORGANIZER, unit.id());
        byte[] pdf = TestFiles.pdf();
        byte[] png = TestFiles.png(64, 48);

        StoredFile doc = media.store(organizer, unit.id(), "summary", Visibility.PUBLIC, "总结.pdf",
                new ByteArrayInputStream(pdf), EnumSet.of(FileKind.PDF), 1024 * 1024);
        StoredFile image = media.store(organizer, unit.id(), "activity-photo", Visibility.PUBLIC, "合影.png",
                new ByteArrayInputStream(png), EnumSet.of(FileKind.PNG), 1024 * 1024);

        try (InputStream in = media.open(doc.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        try (InputStream in = media.open(image.id()); InputStream thumb = media.openThumbnail(image.id())) {
            assertThat(in.readAllBytes()).isEqualTo(png);
            assertThat(thumb.readNBytes(3)).as("a JPEG thumbnail").startsWith((byte) 0xFF, (byte) 0xD8);
        }
        try (S3Client client = S3TestServer.get().client()) {
            assertThat(client.listObjectsV2(l -> l.bucket(BUCKET).prefix("media/")).contents())
                    .extracting(S3Object::key).hasSize(3);

            byte[] range = mvc.perform(get("/media/" + doc.id()).header("Range", "bytes=5-14"))
                    .andExpect(status().isPartialContent())
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(range).isEqualTo(Arrays.copyOfRange(pdf, 5, 15));
            mvc.perform(get("/media/" + doc.id())).andExpect(status().isOk());

            Actor city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
            media.delete(city, image.id());
            assertThat(client.listObjectsV2(l -> l.bucket(BUCKET).prefix("media/")).contents())
                    .as("the image and its thumbnail are removed from the bucket").hasSize(1);
        }
    }
}
