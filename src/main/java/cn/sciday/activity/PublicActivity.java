package cn.sciday.activity;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A published (or cancelled) activity as the public sees it: no internal review data, and the contact only masked
 * ({@code maskedContactName} 梁**, {@code maskedContactPhone} 0750-386****). Times are Beijing local times;
 * {@code brandLabel} is the campaign's label (2021年全国科普日活动).
 */
public record PublicActivity(long id, String name, ActivityStatus status, Integer jointAction,
        String jointActionName, List<Integer> themes, List<String> themeTitles, String organizationName,
        String coOrganizers, ActivityFormat format, LocalDateTime startsAt, LocalDateTime endsAt, Long divisionId,
        String divisionName, String venue, String onlineUrl, List<Audience> audiences, boolean signupOpen,
        Integer capacity, String summary, String description, String cancelReason, String brandLabel,
        String maskedContactName, String maskedContactPhone) {
}
