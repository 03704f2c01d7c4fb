package cn.sciday.campaign;

/** One of the content themes of section 三 (活动内容). */
public record ContentTheme(int number, String title, String description) {
}
