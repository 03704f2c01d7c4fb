package cn.sciday.reporting;

/** 择优推荐: a city key activity (市级重点活动), recommended to the province (推荐省科协) or to the nation (推荐中国科协). */
public enum RecommendationLevel {
    CITY_KEY("市级重点活动"), PROVINCE("推荐省科协"), NATION("推荐中国科协");

    private final String label;

    RecommendationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
