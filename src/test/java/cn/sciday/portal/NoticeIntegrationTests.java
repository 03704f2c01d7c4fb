package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Notices: anonymous visitors read published ones only (drafts and unpublished ones are not found); the admin pages
 * send anonymous visitors to the login page, refuse organizers, coordinators and citizens (403) and serve the city.
 */
@IntegrationTest
class NoticeIntegrationTests {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    Notices notices;
    @Autowired
    Organizations organizations;

    Actor city() {
        return TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    NoticeForm form(String title) {
        return new NoticeForm(title, "江府办函〔2021〕999号", "江门市人民政府办公室", LocalDate.of(2021, 9, 16), "摘要。",
                "第一段。\n第二段。", "/campaign", "查看活动方案", null);
    }

    @Test
    void theCityWritesAttachesPublishesAndUnpublishes() throws Exception {
        Actor city = city();
        String title = PortalFixtures.token() + "关于开展科普日活动的通知";
        String location = mvc.perform(post("/admin/notices").with(TestLogins.as(city)).with(csrf())
                .param("title", title).param("documentNumber", "江府办函〔2021〕118号").param("issuer", "江门市人民政府办公室")
                .param("issuedOn", "2021-09-16").param("summary", "摘要").param("body", "第一段。\n\n第二段。")
                .param("linkUrl", "/campaign").param("linkText", "活动方案"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/notices/\\d+");
        long id = Long.parseLong(location.substring("/admin/notices/".length()));
        mvc.perform(get("/notices/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/notices"))).doesNotContain(title);

        mvc.perform(multipart("/admin/notices/" + id + "/attachments")
                .file(new MockMultipartFile("file", "方案.pdf", "application/pdf", PDF))
                .param("label", "2021年江门市全国科普日活动方案").param("kind", "PLAN")
                .with(TestLogins.as(city)).with(csrf()))
                .andExpect(redirectedUrl("/admin/notices/" + id + "#attachments"))
                .andExpect(flash().attribute("successMessage", "附件已上传。"));
        mvc.perform(multipart("/admin/notices/" + id + "/attachments")
                .file(new MockMultipartFile("file", "page.html", "text/html",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .param("kind", "OTHER").with(TestLogins.as(city)).with(csrf()))
                .andExpect(flash().attribute("attachmentErrorField", "file"));
        NoticeView stored = notices.get(city, id);
        assertThat(stored.attachments()).hasSize(1);
        long media = stored.attachments().get(0).mediaId();

        mvc.perform(post("/admin/notices/" + id + "/publish").with(TestLogins.as(city)).with(csrf()))
                .andExpect(flash().attribute("successMessage", "已发布，公众现在可以看到。"));
        String shown = page(get("/notices/" + id));
        assertThat(shown).contains(title).contains("江府办函〔2021〕118号").contains("江门市人民政府办公室")
                .contains("2021年9月16日").contains("<p>第一段。</p>").contains("<p>第二段。</p>")
                .contains("href=\"/campaign\"").contains("href=\"/media/" + media + "\"")
                .contains("2021年江门市全国科普日活动方案").contains("（PDF，1 KB，方案全文）");
        assertThat(page(get("/notices"))).contains(title);
        assertThat(page(get("/"))).contains(title);
        mvc.perform(get("/media/" + media)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(post("/admin/notices/" + id + "/publish").with(TestLogins.as(city)).with(csrf()))
                .andExpect(flash().attribute("errorMessage", "这条通知公告已经发布了。"));

        mvc.perform(post("/admin/notices/" + id + "/unpublish").with(TestLogins.as(city)).with(csrf()))
                .andExpect(redirectedUrl("/admin/notices/" + id));
        mvc.perform(get("/notices/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/notices"))).doesNotContain(title);
        assertThat(page(get("/admin/notices").with(TestLogins.as(city)))).contains(title).contains("已撤下");
    }

    @Test
    void aFileNameOfTwoHundredEmojiIsKeptWhole() throws Exception {
        Actor city = city();
        long id = notices.create(city, form(PortalFixtures.token() + "长文件名")).id();
        String name = "\uD83D\uDD2C".repeat(196) + ".pdf";
        NoticeView n = notices.attach(city, id, "方案", AttachmentKind.PLAN, name, new java.io.ByteArrayInputStream(PDF));
        assertThat(n.attachments()).singleElement().satisfies(a -> assertThat(a.fileName()).isEqualTo(name));
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved() throws Exception {
        Actor city = city();
        int before = notices.all(city).size();
        String html = page(post("/admin/notices").with(TestLogins.as(city)).with(csrf()).param("title", "")
                .param("issuer", "").param("issuedOn", "").param("body", "").param("linkUrl", "javascript:alert(1)"));
        assertThat(html).contains("有问题需要修改").contains("href=\"#title\">请填写标题。")
                .contains("请填写发布机构。").contains("请填写发布日期").contains("请填写正文。")
                .contains("链接地址须是本站页面");
        assertThat(notices.all(city)).hasSize(before);
        NoticeView n = notices.create(city, form(PortalFixtures.token()));
        notices.edit(city, n.id(), form(n.title() + "（修订）"));
        String stale = page(post("/admin/notices/" + n.id()).with(TestLogins.as(city)).with(csrf())
                .param("title", "另一个标题").param("issuer", "江门市人民政府办公室").param("issuedOn", "2021-09-16")
                .param("body", "正文").param("version", String.valueOf(n.version())));
        assertThat(stale).contains("这条通知公告刚被别人修改过");
        assertThat(notices.get(city, n.id()).title()).isEqualTo(n.title() + "（修订）");
    }

    @Test
    void adminPagesAreForTheCityOnly() throws Exception {
        Actor city = city();
        long id = notices.create(city, form(PortalFixtures.token())).id();
        long unit = new PortalFixtures(organizations, null, null).organizerIn("江海区").organizationId();
        List<Actor> refused = List.of(TestLogins.actor(Role.ORGANIZER, unit),
                TestLogins.actor(Role.COORDINATOR, organizations.findByName("江海区").orElseThrow().id()),
                TestLogins.actor(Role.PUBLIC, null));
        List<Supplier<AbstractMockHttpServletRequestBuilder<?>>> requests = List.of(() -> get("/admin/notices"),
                () -> get("/admin/notices/new"), () -> get("/admin/notices/" + id),
                () -> post("/admin/notices").param("title", "x"), () -> post("/admin/notices/" + id).param("title", "x"),
                () -> post("/admin/notices/" + id + "/publish"), () -> post("/admin/notices/" + id + "/unpublish"),
                () -> multipart("/admin/notices/" + id + "/attachments").file(new MockMultipartFile("file", "a.pdf",
                        "application/pdf", PDF)),
                () -> post("/admin/notices/" + id + "/attachments/1/delete"));
        for (Supplier<AbstractMockHttpServletRequestBuilder<?>> r : requests) {
            mvc.perform(r.get().with(csrf())).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login"));
            for (Actor actor : refused) {
                mvc.perform(r.get().with(csrf()).with(TestLogins.as(actor))).andExpect(status().isForbidden());
            }
        }
        for (String url : List.of("/admin/notices", "/admin/notices/new", "/admin/notices/" + id)) {
            mvc.perform(get(url).with(TestLogins.as(city))).andExpect(status().isOk());
        }
        mvc.perform(get("/admin/notices/99999999").with(TestLogins.as(city))).andExpect(status().isNotFound());
        mvc.perform(get("/notices/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/notices/" + id).with(TestLogins.as(city))).andExpect(status().isNotFound());
        assertThat(notices.get(city, id).status()).isEqualTo(NoticeStatus.DRAFT);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
