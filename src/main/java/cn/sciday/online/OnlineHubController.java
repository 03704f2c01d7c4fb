package cn.sciday.online;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 云上科普日: one page that leads to the quiz, the short videos, the volunteers, the topics and the live streams. */
@Controller
class OnlineHubController {

    private final LiveStreams streams;
    private final VideoEntries videos;

    OnlineHubController(LiveStreams streams, VideoEntries videos) {
        this.streams = streams;
        this.videos = videos;
    }

    @GetMapping("/online")
    String hub(Model model) {
        model.addAttribute("now", streams.liveAndNext(1));
        model.addAttribute("round", videos.currentRound().orElse(null));
        model.addAttribute("roundOpen", videos.currentRound().map(r -> r.isOpen(streams.now())).orElse(false));
        return "online/hub";
    }
}
