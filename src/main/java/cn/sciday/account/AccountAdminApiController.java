package cn.sciday.account;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** City admin API for staff accounts: the same rules as the pages under /admin/accounts. */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@PreAuthorize("hasRole('CITY_ADMIN')")
@Tag(name = "account-admin", description = "账号管理（市科协）")
class AccountAdminApiController {

    /** Switches an account on or off. */
    record Enabled(@NotNull(message = "{accountadmin.form.enabled.required}") Boolean enabled) {
    }

    private final Accounts accounts;
    private final StaffDirectory directory;

    AccountAdminApiController(Accounts accounts, StaffDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "Staff accounts (optionally of one role) with organization, enabled, locked, last login")
    List<StaffAccountRow> list(Actor actor, @RequestParam(required = false) Role role) {
        return directory.rows(actor, role);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One staff account")
    StaffAccountRow get(@PathVariable long id) {
        return directory.row(id);
    }

    @PostMapping
    @Operation(summary = "Create a coordinator (of a division or department) or a city admin (of the city association)")
    ResponseEntity<StaffAccountRow> create(Actor actor, @Valid @RequestBody NewAccountForm body) {
        StaffAccount created = accounts.createByCityAdmin(actor, body.username(), body.password(), body.displayName(),
                body.email(), body.role(), body.organizationId());
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + created.id()))
                .body(directory.row(created.id()));
    }

    @PutMapping("/{id}/enabled")
    @Operation(summary = "Enable or disable an account; 409 when disabling your own")
    StaffAccountRow setEnabled(Actor actor, @PathVariable long id, @Valid @RequestBody Enabled body) {
        accounts.setEnabled(actor, id, body.enabled());
        return directory.row(id);
    }
}
