package cn.sciday.activity;

import cn.sciday.media.StoredFile;

/** An activity's epidemic-prevention plan and the stamped scan of its intention batch; null when absent. */
public record ActivityFiles(StoredFile epidemicPlan, StoredFile intentionScan) {
}
