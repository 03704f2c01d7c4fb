package cn.sciday.online;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.Operation;

import cn.sciday.web.InvalidInputException;

/** 直播: what is live now and what comes next, as a page and over the public API. */
@Controller
class LiveStreamController {

    private final LiveStreams streams;

    LiveStreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/online/live")
    String page(Model model) {
        model.addAttribute("now", streams.liveAndNext(10));
        return "online/live";
    }

    @GetMapping("/api/v1/public/online/streams")
    @ResponseBody
    @Operation(summary = "Live streams: state=live (on air now) or state=upcoming (the next ones, soonest first)")
    List<LiveStream> api(@RequestParam(defaultValue = "live") String state,
            @RequestParam(defaultValue = "20") int limit) {
        return switch (state) {
            case "live" -> streams.live();
            case "upcoming" -> streams.upcoming(limit);
            default -> throw new InvalidInputException("state", "online.error.streamState");
        };
    }
}
