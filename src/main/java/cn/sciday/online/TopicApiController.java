package cn.sciday.online;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.sciday.web.Actor;

/** Topics over the API: read them and their shown comments; public users comment. */
@RestController
class TopicApiController {

    record TopicCard(long id, String question, String description, String pictureUrl, Instant opensAt,
            Instant closesAt, boolean open, TopicModeration moderation, int comments) {
    }

    record CommentCard(long id, String author, String body, Instant createdAt) {
    }

    record TopicDetail(TopicCard topic, List<CommentCard> comments) {
    }

    record CommentRequest(String body) {
    }

    record CommentAnswer(long id, TopicCommentStatus status) {
    }

    private final Topics topics;

    TopicApiController(Topics topics) {
        this.topics = topics;
    }

    @GetMapping("/api/v1/public/online/topics")
    @Operation(summary = "Topics that have started, open ones first")
    List<TopicCard> list() {
        return topics.started().stream().map(this::card).toList();
    }

    @GetMapping("/api/v1/public/online/topics/{id}")
    @Operation(summary = "A topic with its shown comments, newest first")
    TopicDetail one(@PathVariable long id) {
        Topic t = topics.visible(null, id);
        return new TopicDetail(card(t), topics.visibleComments(id, 200).stream()
                .map(c -> new CommentCard(c.id(), c.authorName(), c.body(), c.createdAt())).toList());
    }

    @PostMapping("/api/v1/online/topics/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment on an open topic (public users, at most 300 characters); status VISIBLE or PENDING")
    CommentAnswer comment(Actor actor, @PathVariable long id, @RequestBody CommentRequest request) {
        TopicComment c = topics.comment(actor, id, request.body());
        return new CommentAnswer(c.id(), c.status());
    }

    private TopicCard card(Topic t) {
        return new TopicCard(t.id(), t.question(), t.description(),
                t.pictureMediaId() == null ? null : "/media/" + t.pictureMediaId(), t.opensAt(), t.closesAt(),
                topics.isOpen(t), t.moderation(), topics.visibleCount(t.id()));
    }
}
