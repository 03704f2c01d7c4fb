package cn.sciday.account;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitType;
import cn.sciday.web.InvalidInputException;

/** A unit registers itself and its organizer account; its coordinator then approves it. */
@Controller
class RegistrationController {

    private final UnitRegistrationService registration;
    private final Organizations organizations;
    private final MessageSource messages;

    RegistrationController(UnitRegistrationService registration, Organizations organizations,
            MessageSource messages) {
        this.registration = registration;
        this.organizations = organizations;
        this.messages = messages;
    }

    @GetMapping("/register")
    String form(Model model) {
        return show(model, RegistrationForm.empty(), Map.of());
    }

    @PostMapping("/register")
    String submit(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult binding, Model model,
            RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
                messages.getMessage(e, LocaleContextHolder.getLocale())));
        if (errors.isEmpty()) {
            try {
                OrganizationView unit = registration.register(form);
                flash.addFlashAttribute("registered", unit.name());
                flash.addFlashAttribute("registeredParent", unit.parentName());
                return "redirect:/login";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            }
        }
        return show(model, form, errors);
    }

    private String show(Model model, RegistrationForm form, Map<String, String> errors) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("name", form.name());
        values.put("unitType", form.unitType() == null ? "" : form.unitType().name());
        values.put("creditCode", form.creditCode());
        values.put("parentId", form.parentId() == null ? "" : form.parentId().toString());
        values.put("contactName", form.contactName());
        values.put("contactPhone", form.contactPhone());
        values.put("address", form.address());
        values.put("username", form.username());
        values.put("displayName", form.displayName());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("unitTypes", UnitType.values());
        model.addAttribute("bodies", organizations.coordinatingBodies());
        return "account/register";
    }
}
