package cn.sciday;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ByteArrayResource;

import cn.sciday.activity.ActivityUploads;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.Upload;
import cn.sciday.web.Actor;

/** Files that tests attach through the facades. */
public final class TestUploads {

    private TestUploads() {
    }

    /** A minimal valid PDF. */
    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Attaches an epidemic-prevention plan when the activity has an offline part, as submission requires. */
    public static ActivityView withEpidemicPlan(ActivityUploads uploads, Actor owner, ActivityView activity) {
        if (!activity.needsEpidemicPlan()) {
            return activity;
        }
        return uploads.attachEpidemicPlan(owner, activity.id(), new Upload("防疫方案.pdf", new ByteArrayResource(pdf())));
    }
}
