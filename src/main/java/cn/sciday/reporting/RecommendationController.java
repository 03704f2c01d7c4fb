package cn.sciday.reporting;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.InvalidInputException;

/** 择优推荐 for city admins: the list per level, a search to pick published activities, the xlsx per level. */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class RecommendationController {

    private final Recommendations recommendations;
    private final Flash flash;

    RecommendationController(Recommendations recommendations, Flash flash) {
        this.recommendations = recommendations;
        this.flash = flash;
    }

    @GetMapping("/recommendations")
    String page(Actor actor, @RequestParam(name = "level", required = false) RecommendationLevel level,
            @RequestParam(name = "q", required = false) String q, Model model) {
        model.addAttribute("level", level);
        model.addAttribute("levels", RecommendationLevel.values());
        model.addAttribute("items", recommendations.list(actor, level));
        model.addAttribute("q", q);
        model.addAttribute("found", recommendations.search(actor, q));
        return "reporting/recommendations";
    }

    @PostMapping("/recommendations")
    String recommend(Actor actor, @RequestParam("activityId") long activityId,
            @RequestParam(name = "level", required = false) RecommendationLevel level,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "q", required = false) String q, RedirectAttributes redirect) {
        try {
            recommendations.recommend(actor, activityId, level, reason);
            flash.success(redirect, "reporting.recommendations.saved");
        } catch (ConflictException e) {
            flash.error(redirect, e);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.ERROR, e.firstMessage());
        }
        redirect.addAttribute("q", q == null ? "" : q);
        return "redirect:/recommendations";
    }

    @PostMapping("/recommendations/{id}/withdraw")
    String withdraw(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        recommendations.withdraw(actor, id);
        flash.success(redirect, "reporting.recommendations.withdrawn");
        return "redirect:/recommendations";
    }

    @GetMapping({"/recommendations/export.xlsx", "/api/v1/recommendations/export.xlsx"})
    void xlsx(Actor actor, @RequestParam(name = "level", required = false) RecommendationLevel level,
            HttpServletResponse response) throws IOException {
        String name = "择优推荐名单（" + (level == null ? "全部" : level.label()) + "）.xlsx";
        response.setContentType(IntentionFormController.XLSX);
        response.setHeader("Content-Disposition", IntentionFormController.attachment(name));
        recommendations.writeXlsx(actor, level, response.getOutputStream());
    }

    @GetMapping("/api/v1/recommendations")
    @ResponseBody
    List<Recommendations.Recommended> api(Actor actor,
            @RequestParam(name = "level", required = false) RecommendationLevel level) {
        return recommendations.list(actor, level);
    }

    /** Body: {@code {"activityId": 12, "level": "PROVINCE", "reason": "…"}}. */
    @PostMapping("/api/v1/recommendations")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> recommendApi(Actor actor, @RequestBody Map<String, Object> body) {
        long activityId;
        RecommendationLevel level;
        try {
            activityId = Long.parseLong(String.valueOf(body.get("activityId")));
            level = RecommendationLevel.valueOf(String.valueOf(body.get("level")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("level", "reporting.error.recommendBody");
        }
        long id = recommendations.recommend(actor, activityId, level,
                body.get("reason") == null ? null : String.valueOf(body.get("reason")));
        return Map.of("id", id, "activityId", activityId, "level", level.name());
    }

    @DeleteMapping("/api/v1/recommendations/{id}")
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawApi(Actor actor, @PathVariable long id) {
        recommendations.withdraw(actor, id);
    }
}
