package cn.sciday.campaign;

/** One of the work requirements of section 五. */
public record WorkRequirement(int number, String title, String body) {
}
