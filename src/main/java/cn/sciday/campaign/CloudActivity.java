package cn.sciday.campaign;

/** A kind of online activity of section 四(三) (云上科普日), such as the quiz or the short-video solicitation. */
public record CloudActivity(String code, String name, String description) {
}
