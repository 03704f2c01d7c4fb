package cn.sciday.account;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The city admin's hub: one place for the plan, organizations, accounts and the audit trail. */
@Controller
class AdminHomeController {

    @GetMapping("/admin")
    String home(Model model) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("/admin/campaigns", "admin.home.campaigns");
        links.put("/admin/organizations", "admin.home.organizations");
        links.put("/admin/accounts", "admin.home.accounts");
        links.put("/admin/notices", "admin.home.notices");
        links.put("/compliance", "admin.home.compliance");
        links.put("/completion", "admin.home.completion");
        links.put("/summaries", "admin.home.summaries");
        links.put("/recommendations", "admin.home.recommendations");
        links.put("/forms/intention", "admin.home.forms");
        links.put("/admin/quiz/questions", "admin.home.quizQuestions");
        links.put("/admin/quiz/rounds", "admin.home.quizRounds");
        links.put("/admin/online/videos", "admin.home.videos");
        links.put("/admin/online/volunteers", "admin.home.volunteers");
        links.put("/admin/online/topics", "admin.home.topics");
        links.put("/admin/online/streams", "admin.home.streams");
        links.put("/admin/online/flags", "admin.home.flags");
        links.put("/admin/audit", "admin.home.audit");
        model.addAttribute("links", links);
        return "admin/home";
    }
}
