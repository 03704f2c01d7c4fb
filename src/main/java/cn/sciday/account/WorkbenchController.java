package cn.sciday.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.Todo;
import cn.sciday.web.TodoProvider;

/** Each role's home page is its to-do list; an organizer of a pending unit sees where the review stands. */
@Controller
class WorkbenchController {

    private final ObjectProvider<TodoProvider> providers;
    private final Organizations organizations;

    WorkbenchController(ObjectProvider<TodoProvider> providers, Organizations organizations) {
        this.providers = providers;
        this.organizations = organizations;
    }

    @GetMapping("/workbench")
    String workbench(Actor actor, Model model) {
        List<Todo> todos = new ArrayList<>();
        if (actor.isStaff() && (!actor.isOrganizer() || actor.unitApproved())) {
            providers.orderedStream().forEach(p -> todos.addAll(p.todosFor(actor)));
        }
        model.addAttribute("actor", actor);
        model.addAttribute("todos", todos);
        if (actor.organizationId() != null) {
            model.addAttribute("organization", organizations.get(actor.organizationId()));
        }
        return "account/workbench";
    }

    /** A rejected unit corrects its contact details and asks its coordinator again. */
    @PostMapping("/workbench/unit/resubmit")
    String resubmit(Actor actor, @RequestParam(defaultValue = "") String contactName,
            @RequestParam(defaultValue = "") String contactPhone, @RequestParam(defaultValue = "") String address,
            RedirectAttributes flash) {
        try {
            organizations.resubmit(actor, actor.organizationId() == null ? -1 : actor.organizationId(), contactName,
                    contactPhone, address);
            flash.addFlashAttribute("notice", "account.workbench.resubmitted");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.firstMessage());
        }
        return "redirect:/workbench";
    }
}
