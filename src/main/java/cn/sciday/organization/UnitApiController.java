package cn.sciday.organization;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.sciday.web.Actor;

/** Units over the API, with the same scoping as the pages. */
@RestController
class UnitApiController {

    record RejectRequest(String reason) {
    }

    record BodyJson(long id, String kind, String name, String fullName) {
    }

    private final Organizations organizations;

    UnitApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/api/v1/units")
    @PreAuthorize("hasRole('COORDINATOR') or hasRole('CITY_ADMIN')")
    @Operation(summary = "Units the caller coordinates (all for the city), optionally by status")
    List<OrganizationView> list(Actor actor, @RequestParam(required = false) OrganizationStatus status) {
        return organizations.unitsVisibleTo(actor, status);
    }

    @GetMapping("/api/v1/units/{id}")
    @Operation(summary = "One unit; another coordinator's unit answers 404")
    OrganizationView get(Actor actor, @PathVariable long id) {
        return organizations.unitVisibleTo(actor, id);
    }

    @PostMapping("/api/v1/units/{id}/approve")
    @PreAuthorize("hasRole('COORDINATOR') or hasRole('CITY_ADMIN')")
    @Operation(summary = "Approve a registered unit")
    OrganizationView approve(Actor actor, @PathVariable long id) {
        return organizations.approve(actor, id);
    }

    @PostMapping("/api/v1/units/{id}/reject")
    @PreAuthorize("hasRole('COORDINATOR') or hasRole('CITY_ADMIN')")
    @Operation(summary = "Reject a registered unit with a reason the unit sees")
    OrganizationView reject(Actor actor, @PathVariable long id, @RequestBody RejectRequest body) {
        return organizations.reject(actor, id, body.reason());
    }

    @GetMapping("/api/v1/public/organizations")
    @Operation(summary = "The divisions and departments a unit can register under")
    List<BodyJson> bodies() {
        return organizations.coordinatingBodies().stream()
                .map(o -> new BodyJson(o.id(), o.kind().name(), o.name(), o.fullName())).toList();
    }
}
