package cn.sciday.online;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The approved science volunteers over the API. */
@RestController
class VolunteerApiController {

    /** A volunteer as the public sees it. */
    record VolunteerCard(long id, String name, String unitName, String story, String photoUrl, int likes) {

        static VolunteerCard of(Volunteer v) {
            return new VolunteerCard(v.id(), v.name(), v.unitName(), v.story(),
                    v.hasPhoto() ? "/online/volunteers/" + v.id() + "/photo" : null, v.likeCount());
        }
    }

    private final Volunteers volunteers;

    VolunteerApiController(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    @GetMapping("/api/v1/public/online/volunteers")
    @Operation(summary = "Approved science volunteers, most liked first (sort=newest for the newest)")
    List<VolunteerCard> list(@RequestParam(defaultValue = "likes") String sort,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return volunteers.approved(sort, limit, offset).stream().map(VolunteerCard::of).toList();
    }
}
