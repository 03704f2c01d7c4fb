package cn.sciday.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.EnumSet;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** Serving files: scoping (404 for those who may not see), safe headers, thumbnails and byte ranges. */
@IntegrationTest
class MediaWebIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Media media;
    @Autowired
    Organizations organizations;

    OrganizationView unit;
    StoredFile scoped;
    byte[] scopedBytes;

    @BeforeEach
    void setUp() {
        unit = TestUnits.unitUnder(organizations, "江海区", "江海科技馆");
        scopedBytes = TestFiles.png(900, 600);
        scoped = store(unit.id(), Visibility.SCOPED, "活动 照片.png", scopedBytes);
    }

    StoredFile store(long owner, Visibility visibility, String name, byte[] content) {
        return media.store(TestLogins.actor(Role.ORGANIZER, owner), owner, "activity-photo", visibility, name,
                new ByteArrayInputStream(content), EnumSet.allOf(FileKind.class), 10L * 1024 * 1024);
    }

    MockHttpServletRequestBuilder as(Actor actor, String url) {
        MockHttpServletRequestBuilder request = get(url);
        return actor == null ? request : request.with(TestLogins.as(actor));
    }

    long division(String name) {
        return organizations.findByName(name).orElseThrow().id();
    }

    @Test
    void aScopedFileIsServedOnlyWithinTheOwnersScope() throws Exception {
        OrganizationView otherUnit = TestUnits.unitUnder(organizations, "江海区", "江海小学");
        String url = "/media/" + scoped.id();
        mvc.perform(as(null, url)).andExpect(status().isNotFound());
        mvc.perform(as(TestLogins.actor(Role.ORGANIZER, unit.id()), url)).andExpect(status().isOk())
                .andExpect(content().bytes(scopedBytes));
        mvc.perform(as(TestLogins.actor(Role.ORGANIZER, otherUnit.id()), url)).andExpect(status().isNotFound());
        mvc.perform(as(TestLogins.actor(Role.COORDINATOR, division("江海区")), url)).andExpect(status().isOk());
        mvc.perform(as(TestLogins.actor(Role.COORDINATOR, division("蓬江区")), url)).andExpect(status().isNotFound());
        mvc.perform(as(TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()), url)).andExpect(status().isOk());
        mvc.perform(as(TestLogins.actor(Role.PUBLIC, null), url)).andExpect(status().isNotFound());
        mvc.perform(as(null, url + "/thumbnail")).andExpect(status().isNotFound());
        mvc.perform(as(TestLogins.actor(Role.COORDINATOR, division("蓬江区")), url + "/thumbnail"))
                .andExpect(status().isNotFound());
        mvc.perform(as(null, "/media/987654321")).andExpect(status().isNotFound());
    }

    @Test
    void aScopedFileHasSafeHeadersAndIsCachedPrivately() throws Exception {
        mvc.perform(as(TestLogins.actor(Role.ORGANIZER, unit.id()), "/media/" + scoped.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition",
                        "inline; filename=\"__ __.png\"; filename*=UTF-8''%E6%B4%BB%E5%8A%A8%20%E7%85%A7%E7%89%87.png"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("private")))
                .andExpect(header().string("Content-Length", String.valueOf(scopedBytes.length)))
                .andExpect(header().string("ETag", "\"" + scoped.sha256() + "\""));
    }

    @Test
    void aPublicFileIsServedToAnonymousVisitors() throws Exception {
        byte[] pdf = TestFiles.pdf();
        StoredFile file = store(unit.id(), Visibility.PUBLIC, "活动方案.pdf", pdf);
        mvc.perform(get("/media/" + file.id()))
                .andExpect(status().isOk())
                .andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline;")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("public")));
        mvc.perform(get("/media/" + file.id()).header("If-None-Match", "\"" + file.sha256() + "\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void officeFilesAreAttachmentsNeverHtml() throws Exception {
        StoredFile file = store(unit.id(), Visibility.PUBLIC, "汇总表.xlsx", TestFiles.xlsx());
        mvc.perform(get("/media/" + file.id()).accept("text/html"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", FileKind.XLSX.contentType()))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void thumbnailsAreSmallJpegs() throws Exception {
        MvcResult r = mvc.perform(as(TestLogins.actor(Role.ORGANIZER, unit.id()), "/media/" + scoped.id()
                + "/thumbnail"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "-thumbnail.jpg")))
                .andReturn();
        var image = ImageIO.read(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(400);
        StoredFile pdf = store(unit.id(), Visibility.PUBLIC, "a.pdf", TestFiles.pdf());
        mvc.perform(get("/media/" + pdf.id() + "/thumbnail")).andExpect(status().isNotFound());
    }

    @Test
    void videosAnswerByteRanges() throws Exception {
        byte[] video = TestFiles.mp4(10_000);
        StoredFile file = store(unit.id(), Visibility.PUBLIC, "clip.mp4", video);
        MvcResult r = mvc.perform(get("/media/" + file.id()).header("Range", "bytes=100-199"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 100-199/" + video.length))
                .andExpect(header().string("Content-Type", "video/mp4"))
                .andReturn();
        assertThat(r.getResponse().getContentAsByteArray())
                .isEqualTo(java.util.Arrays.copyOfRange(video, 100, 200));
        mvc.perform(get("/media/" + file.id())).andExpect(header().string("Accept-Ranges", "bytes"));
    }
}
