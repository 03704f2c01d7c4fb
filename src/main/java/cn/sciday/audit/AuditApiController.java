package cn.sciday.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.sciday.campaign.Campaign;
import cn.sciday.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit trail as JSON for city admins: the same filters as the page, and chain verification. */
@RestController
@RequestMapping("/api/v1/admin/audit")
@PreAuthorize("hasRole('CITY_ADMIN')")
@Tag(name = "audit", description = "审计记录")
class AuditApiController {

    /** One entry; {@code at} in Beijing time. */
    record EntryJson(long id, Long seq, OffsetDateTime at, Long actorId, String actorName, String address,
            String action, String targetType, String targetId, String detail, String prevHash, String hash) {

        static EntryJson of(AuditEntry e) {
            return new EntryJson(e.id(), e.seq(), e.at().atZone(Campaign.ZONE).toOffsetDateTime(), e.actorId(),
                    e.actorName(), e.address(), e.action(), e.targetType(), e.targetId(), e.detail(), e.prevHash(),
                    e.hash());
        }
    }

    /** A page of entries, newest first. */
    record PageJson(List<EntryJson> items, long total, int page, int size, int pages) {
    }

    /** The outcome of a verification; {@code line} is what the command line prints. */
    record VerificationJson(boolean ok, long entriesChecked, Long firstBrokenEntryId, String problem, String reason,
            String line) {
    }

    private final AuditTrail trail;
    private final AuditChainVerifier verifier;

    AuditApiController(AuditTrail trail, AuditChainVerifier verifier) {
        this.trail = trail;
        this.verifier = verifier;
    }

    @GetMapping
    @Operation(summary = "Search the audit trail (actor name contains, action, target type, target id, "
            + "from/to as Beijing dates yyyy-MM-dd), newest first, 50 a page")
    PageJson search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String page) {
        AuditQuery query = AuditQuery.parse(actor, action, targetType, targetId, from, to, page);
        if (!query.valid()) {
            throw new InvalidInputException(query.problems().stream()
                    .map(p -> new InvalidInputException.Problem(p.field(), p.messageKey()))
                    .toList());
        }
        AuditPage result = trail.search(query.filter(), query.page());
        return new PageJson(result.items().stream().map(EntryJson::of).toList(), result.total(), result.page(),
                result.size(), result.pages());
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify the audit hash chain")
    VerificationJson verify() {
        AuditChainVerifier.Result r = verifier.verify();
        trail.record("AUDIT_CHAIN_VERIFIED", "AUDIT_CHAIN", null, r.line());
        return new VerificationJson(r.ok(), r.entriesChecked(), r.firstBrokenEntryId(),
                r.problem() == null ? null : r.problem().name(), r.reason(), r.line());
    }
}
