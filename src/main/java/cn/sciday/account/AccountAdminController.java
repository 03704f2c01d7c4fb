package cn.sciday.account;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.FormErrors;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.Role;

/** City admin: staff accounts; create a coordinator or another city admin; enable or disable an account. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('CITY_ADMIN')")
class AccountAdminController {

    private final Accounts accounts;
    private final StaffDirectory directory;
    private final Flash flash;

    AccountAdminController(Accounts accounts, StaffDirectory directory, Flash flash) {
        this.accounts = accounts;
        this.directory = directory;
        this.flash = flash;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) Role role, Model model) {
        model.addAttribute("rows", directory.rows(actor, role == Role.PUBLIC ? null : role));
        model.addAttribute("role", role == Role.PUBLIC ? null : role);
        model.addAttribute("roles", new Role[] {Role.CITY_ADMIN, Role.COORDINATOR, Role.ORGANIZER});
        return "account/admin/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("accountForm", NewAccountForm.empty());
        return form(model);
    }

    @PostMapping
    String create(Actor actor, @Valid @ModelAttribute("accountForm") NewAccountForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model);
        }
        StaffAccount created;
        try {
            created = accounts.createByCityAdmin(actor, form.username(), form.password(), form.displayName(),
                    form.email(), form.role(), form.organizationId());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return form(model);
        }
        StaffAccountRow row = directory.row(created.id());
        flash.success(redirect, "accountadmin.created", row.username(), row.organizationName());
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(Actor actor, @PathVariable long id, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        try {
            accounts.setEnabled(actor, id, enabled);
            flash.success(redirect, enabled ? "accountadmin.enabled.done" : "accountadmin.disabled.done",
                    accounts.staff(id).username());
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/accounts#account-" + id;
    }

    private String form(Model model) {
        model.addAttribute("choices", directory.choices());
        return "account/admin/new";
    }
}
