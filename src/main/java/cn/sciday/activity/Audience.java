package cn.sciday.activity;

/** 面向对象: the groups an activity is for; an activity may serve several. */
public enum Audience {
    /** 青少年. */
    YOUTH,
    /** 老年人. */
    ELDERLY,
    /** 农民. */
    FARMERS,
    /** 产业工人. */
    WORKERS,
    /** 社区居民. */
    RESIDENTS,
    /** 领导干部和公务员. */
    OFFICIALS,
    /** 公众. */
    GENERAL_PUBLIC
}
