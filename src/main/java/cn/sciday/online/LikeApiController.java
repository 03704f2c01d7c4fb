package cn.sciday.online;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.sciday.web.Actor;

/** Likes over the API: the same rules as the pages (201 the first time a day, 409 the second, 429 when too often). */
@RestController
class LikeApiController {

    private final Likes likes;

    LikeApiController(Likes likes) {
        this.likes = likes;
    }

    @PostMapping("/api/v1/online/videos/{id}/likes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Like an approved short video (public users; once per entry and Beijing day)")
    LikeResult likeVideo(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return likes.like(actor, LikeTarget.VIDEO, id, request.getRemoteAddr());
    }

    @PostMapping("/api/v1/online/volunteers/{id}/likes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Like an approved science volunteer (public users; once per volunteer and Beijing day)")
    LikeResult likeVolunteer(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return likes.like(actor, LikeTarget.VOLUNTEER, id, request.getRemoteAddr());
    }
}
