package cn.sciday.activity.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFilter;
import cn.sciday.activity.ActivityPage;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.PublicActivity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Published activities (and cancelled ones, shown as cancelled) for anyone, without login. */
@RestController
@RequestMapping("/api/v1/public/activities")
@Tag(name = "public activities", description = "公开的科普日活动")
class PublicActivityApiController {

    private final Activities activities;

    PublicActivityApiController(Activities activities) {
        this.activities = activities;
    }

    @GetMapping
    @Operation(summary = "Published and cancelled activities of the current campaign (filters: status, division, jointAction)")
    public ActivityPage<PublicActivity> list(@RequestParam(required = false) ActivityStatus status,
            @RequestParam(required = false) Long division, @RequestParam(required = false) Integer jointAction,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return activities.publicList(new ActivityFilter(status, division, jointAction, false, page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published or cancelled activity")
    public PublicActivity get(@PathVariable long id) {
        return activities.publicGet(id);
    }
}
