package cn.sciday.organization;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.FormErrors;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/** City admin: divisions and departments with their unit counts; create one, rename one. */
@Controller
@RequestMapping("/admin/organizations")
@PreAuthorize("hasRole('CITY_ADMIN')")
class OrganizationAdminController {

    private final Organizations organizations;
    private final CoordinatingBodyOverviews overviews;
    private final Flash flash;

    OrganizationAdminController(Organizations organizations, CoordinatingBodyOverviews overviews, Flash flash) {
        this.organizations = organizations;
        this.overviews = overviews;
        this.flash = flash;
    }

    @GetMapping
    String list(Model model) {
        var all = overviews.all();
        model.addAttribute("divisions", all.stream().filter(o -> o.kind() == OrganizationKind.DIVISION).toList());
        model.addAttribute("departments", all.stream().filter(o -> o.kind() == OrganizationKind.DEPARTMENT).toList());
        return "organization/admin/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("bodyForm", new CoordinatingBodyForm(null, "", "", ""));
        return "organization/admin/new";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("bodyForm") CoordinatingBodyForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (form.kind() != OrganizationKind.DIVISION && form.kind() != OrganizationKind.DEPARTMENT
                && !result.hasFieldErrors("kind")) {
            result.rejectValue("kind", "orgadmin.form.kind.required");
        }
        if (result.hasErrors()) {
            return "organization/admin/new";
        }
        try {
            OrganizationView created = organizations.createCoordinatingBody(form.kind(), form.name(), form.fullName(),
                    form.aliasList());
            flash.success(redirect, "orgadmin.created", created.name());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "organization/admin/new";
        } catch (ConflictException e) {
            result.rejectValue("name", "conflict", e.getMessage());
            return "organization/admin/new";
        }
        return "redirect:/admin/organizations";
    }

    @GetMapping("/{id}")
    String renameForm(@PathVariable long id, Model model) {
        CoordinatingBodyOverview body = body(id);
        model.addAttribute("body", body);
        model.addAttribute("bodyForm", CoordinatingBodyForm.of(body));
        return "organization/admin/rename";
    }

    @PostMapping("/{id}")
    String rename(@PathVariable long id, @Valid @ModelAttribute("bodyForm") CoordinatingBodyForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CoordinatingBodyOverview body = body(id);
        model.addAttribute("body", body);
        if (result.hasErrors()) {
            return "organization/admin/rename";
        }
        try {
            OrganizationView renamed = organizations.rename(id, form.name(), form.fullName(), form.aliasList());
            flash.success(redirect, "orgadmin.renamed", body.name(), renamed.name());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "organization/admin/rename";
        } catch (ConflictException e) {
            result.rejectValue("name", "conflict", e.getMessage());
            return "organization/admin/rename";
        }
        return "redirect:/admin/organizations";
    }

    private CoordinatingBodyOverview body(long id) {
        return overviews.find(id).orElseThrow(() -> new NotFoundException("coordinating body " + id));
    }
}
