package cn.sciday.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.sciday.web.NotFoundException;

/** Published notices for everyone: the list and one notice with its attachments. Drafts are not found. */
@Controller
class NoticeController {

    private final PublicCatalog catalog;

    NoticeController(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/notices")
    String list(Model model) {
        model.addAttribute("notices", catalog.notices());
        return "portal/notices";
    }

    @GetMapping("/notices/{id:[0-9]+}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("notice", catalog.notice(id).orElseThrow(() -> new NotFoundException("notice " + id)));
        return "portal/notice";
    }
}
