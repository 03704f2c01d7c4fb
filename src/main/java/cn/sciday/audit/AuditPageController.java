package cn.sciday.audit;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.campaign.Campaign;

/** The audit trail for city admins: search with filters in the URL, 50 entries a page, and chain verification. */
@Controller
@RequestMapping(AuditPageController.PATH)
@PreAuthorize("hasRole('CITY_ADMIN')")
class AuditPageController {

    static final String PATH = "/admin/audit";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An entry as the table shows it: its time in Beijing time. */
    record Row(AuditEntry entry, String time, String isoTime) {
    }

    private final AuditTrail trail;
    private final AuditRepository repo;
    private final AuditChainVerifier verifier;

    AuditPageController(AuditTrail trail, AuditRepository repo, AuditChainVerifier verifier) {
        this.trail = trail;
        this.repo = repo;
        this.verifier = verifier;
    }

    @GetMapping
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String page, Model model) {
        AuditQuery query = AuditQuery.parse(actor, action, targetType, targetId, from, to, page);
        model.addAttribute("query", query);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        query.problems().forEach(p -> fieldErrors.putIfAbsent(p.field(), p.messageKey()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("actions", repo.distinct("action"));
        model.addAttribute("targetTypes", repo.distinct("target_type"));
        if (query.valid()) {
            AuditPage result = trail.search(query.filter(), query.page());
            model.addAttribute("result", result);
            model.addAttribute("rows", rows(result.items()));
            model.addAttribute("previousUrl", result.hasPrevious() ? query.link(PATH, result.page() - 1) : null);
            model.addAttribute("nextUrl", result.hasNext() ? query.link(PATH, result.page() + 1) : null);
            model.addAttribute("filtered", !query.params().isEmpty());
        }
        return "audit/list";
    }

    /** Verifies the chain, records that it was verified, and shows the outcome on the search page. */
    @PostMapping("/verify")
    String verify(RedirectAttributes flash) {
        AuditChainVerifier.Result result = verifier.verify();
        trail.record("AUDIT_CHAIN_VERIFIED", "AUDIT_CHAIN", null, result.line());
        flash.addFlashAttribute("verification", result);
        return "redirect:" + PATH;
    }

    static List<Row> rows(List<AuditEntry> entries) {
        return entries.stream().map(e -> {
            var beijing = e.at().atZone(Campaign.ZONE);
            return new Row(e, TIME.format(beijing), beijing.toOffsetDateTime().toString());
        }).toList();
    }
}
