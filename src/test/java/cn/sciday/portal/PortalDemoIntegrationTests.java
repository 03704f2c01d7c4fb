package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.sciday.TestClockConfiguration;
import cn.sciday.media.FileKind;

/** The demo notice: the 2021 notice as published, with its forms, once however often the demo data runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sciday.demo.mode=on")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class PortalDemoIntegrationTests {

    @Autowired
    Notices notices;
    @Autowired
    NoticeDemoData demo;

    @Test
    void theDemoHasThe2021NoticeOnce() throws Exception {
        demo.run(new DefaultApplicationArguments());
        List<NoticeView> found = notices.published().stream().filter(n -> n.title().equals(NoticeDemoData.TITLE))
                .toList();
        assertThat(found).hasSize(1);
        NoticeView n = found.get(0);
        assertThat(n.documentNumber()).isEqualTo("江府办函〔2021〕117号");
        assertThat(n.issuer()).isEqualTo("江门市人民政府办公室");
        assertThat(n.issuedOn()).isEqualTo(LocalDate.of(2021, 9, 16));
        assertThat(n.linkUrl()).isEqualTo("/campaign");
        assertThat(n.body()).contains("百年再出发，迈向高水平科技自立自强").contains("9月24日前").contains("10月22日前")
                .contains("12月10日前").contains("2021年全国科普日活动");
        assertThat(n.attachments()).extracting(NoticeView.Attachment::fileKind)
                .containsExactly(FileKind.XLSX, FileKind.XLSX);
        assertThat(n.attachments().get(0).label()).contains("意向征集表");
    }
}
