package cn.sciday.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.Audience;

/** The Chinese words of the city's forms (附件1, 附件2): the files are official Chinese documents. */
final class Labels {

    static final Map<ActivityFormat, String> FORMATS = new LinkedHashMap<>();
    static final Map<Audience, String> AUDIENCES = new LinkedHashMap<>();
    static final Map<ActivityStatus, String> STATUSES = new LinkedHashMap<>();

    static {
        FORMATS.put(ActivityFormat.OFFLINE, "线下");
        FORMATS.put(ActivityFormat.ONLINE, "线上");
        FORMATS.put(ActivityFormat.BOTH, "线上+线下");
        AUDIENCES.put(Audience.YOUTH, "青少年");
        AUDIENCES.put(Audience.ELDERLY, "老年人");
        AUDIENCES.put(Audience.FARMERS, "农民");
        AUDIENCES.put(Audience.WORKERS, "产业工人");
        AUDIENCES.put(Audience.RESIDENTS, "社区居民");
        AUDIENCES.put(Audience.OFFICIALS, "领导干部和公务员");
        AUDIENCES.put(Audience.GENERAL_PUBLIC, "公众");
        STATUSES.put(ActivityStatus.DRAFT, "草稿");
        STATUSES.put(ActivityStatus.SUBMITTED, "已提交");
        STATUSES.put(ActivityStatus.ENDORSED, "归口已推荐");
        STATUSES.put(ActivityStatus.PUBLISHED, "已发布");
        STATUSES.put(ActivityStatus.RETURNED, "退回修改");
        STATUSES.put(ActivityStatus.WITHDRAWN, "已撤回");
        STATUSES.put(ActivityStatus.CANCELLED, "已取消");
    }

    private Labels() {
    }

    static String format(ActivityFormat f) {
        return f == null ? "" : FORMATS.get(f);
    }

    static String status(ActivityStatus s) {
        return s == null ? "" : STATUSES.get(s);
    }
}
