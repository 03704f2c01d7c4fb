package cn.sciday.organization;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.sciday.web.NotFoundException;

/** City admin API for divisions and departments: the same rules as the pages under /admin/organizations. */
@RestController
@RequestMapping("/api/v1/admin/organizations")
@PreAuthorize("hasRole('CITY_ADMIN')")
@Tag(name = "organization-admin", description = "市（区）和市直部门管理（市科协）")
class OrganizationAdminApiController {

    /** A new division (DIVISION) or department (DEPARTMENT). */
    record NewBody(@NotNull(message = "{orgadmin.form.kind.required}") OrganizationKind kind,
            @NotBlank(message = "{orgadmin.form.name.required}")
            @Size(max = 100, message = "{orgadmin.form.name.size}") String name,
            @Size(max = 150, message = "{orgadmin.form.fullName.size}") String fullName,
            List<@NotBlank(message = "{orgadmin.form.alias.blank}")
                @Size(max = 50, message = "{orgadmin.form.alias.size}") String> aliases) {
    }

    /** New names; {@code aliases} left out keeps the old ones, an empty list removes them. */
    record Names(@NotBlank(message = "{orgadmin.form.name.required}")
            @Size(max = 100, message = "{orgadmin.form.name.size}") String name,
            @Size(max = 150, message = "{orgadmin.form.fullName.size}") String fullName,
            List<@NotBlank(message = "{orgadmin.form.alias.blank}")
                @Size(max = 50, message = "{orgadmin.form.alias.size}") String> aliases) {
    }

    private final Organizations organizations;
    private final CoordinatingBodyOverviews overviews;

    OrganizationAdminApiController(Organizations organizations, CoordinatingBodyOverviews overviews) {
        this.organizations = organizations;
        this.overviews = overviews;
    }

    @GetMapping
    @Operation(summary = "Divisions, then departments, with aliases and unit counts (approved, pending, rejected)")
    List<CoordinatingBodyOverview> list() {
        return overviews.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One division or department")
    CoordinatingBodyOverview get(@PathVariable long id) {
        return body(id);
    }

    @PostMapping
    @Operation(summary = "Create a division or department; 409 if an organization already has that name")
    ResponseEntity<CoordinatingBodyOverview> create(@Valid @RequestBody NewBody body) {
        OrganizationView created = organizations.createCoordinatingBody(body.kind(), body.name(), body.fullName(),
                body.aliases());
        return ResponseEntity.created(URI.create("/api/v1/admin/organizations/" + created.id()))
                .body(body(created.id()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a division or department (name, full name, aliases)")
    CoordinatingBodyOverview rename(@PathVariable long id, @Valid @RequestBody Names body) {
        body(id);
        organizations.rename(id, body.name(), body.fullName(), body.aliases());
        return body(id);
    }

    private CoordinatingBodyOverview body(long id) {
        return overviews.find(id).orElseThrow(() -> new NotFoundException("coordinating body " + id));
    }
}
