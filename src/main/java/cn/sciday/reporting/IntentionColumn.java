package cn.sciday.reporting;

import java.util.List;
import java.util.Optional;

/** The 19 columns of the intention form (附件1 意向征集表), in the city's order. */
enum IntentionColumn {
    SEQ("序号", false),
    NAME("活动名称", true),
    ORGANIZER("举办单位", false),
    COORDINATOR("归口单位", false),
    JOINT_ACTION("所属联合行动", false),
    THEMES("活动主题", true),
    FORMAT("活动形式", true),
    STARTS_AT("开始时间", true),
    ENDS_AT("结束时间", false),
    DIVISION("所在市(区)", false),
    VENUE("活动地点", false),
    AUDIENCES("面向对象", true),
    EXPECTED("预计参与人数", true),
    KEY_ACTIVITY("是否申报重点活动", false),
    ONLINE_URL("线上活动网址", false),
    SUMMARY("活动简介", true),
    CONTACT_NAME("联系人", true),
    CONTACT_PHONE("联系电话", true),
    REMARK("备注", false);

    static final List<IntentionColumn> ALL = List.of(values());

    private final String header;
    private final boolean required;

    IntentionColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    /** The header as printed in the template (所在市(区) with the full-width brackets of the city's form). */
    String header() {
        return this == DIVISION ? "所在市（区）" : header;
    }

    /** A column that must be in an imported file. */
    boolean required() {
        return required;
    }

    /**
     * The column a header cell stands for: compared without blanks, full-width forms, asterisks and a trailing
     * remark in brackets ("活动名称*", "预计参与人数（人）", "活动简介(200字以内)").
     */
    static Optional<IntentionColumn> byHeader(String cell) {
        String k = Text.key(cell).replace("*", "").replace("\n", "");
        if (k.isEmpty()) {
            return Optional.empty();
        }
        for (IntentionColumn c : values()) {
            if (k.equals(c.header)) {
                return Optional.of(c);
            }
        }
        String withoutRemark = k.replaceAll("\\([^()]*\\)$", "");
        for (IntentionColumn c : values()) {
            if (c != DIVISION && withoutRemark.equals(c.header)) {
                return Optional.of(c);
            }
        }
        if (k.equals("所在市区") || k.equals("所在区(市)") || k.equals("所在市(区)") || k.equals("所属市(区)")) {
            return Optional.of(DIVISION);
        }
        if (k.equals("是否重点活动") || k.equals("是否申报重点")) {
            return Optional.of(KEY_ACTIVITY);
        }
        return Optional.empty();
    }
}
