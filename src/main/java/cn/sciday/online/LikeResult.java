package cn.sciday.online;

/** The answer to a like: what was liked and how many likes it has now. */
public record LikeResult(LikeTarget targetType, long targetId, int likes) {
}
