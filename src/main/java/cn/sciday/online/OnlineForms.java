package cn.sciday.online;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import cn.sciday.web.FormErrors;
import cn.sciday.web.InvalidInputException;

/**
 * Puts a refusal onto a page form: problems of the form's own fields next to them (as {@link FormErrors} does), and
 * problems of file inputs (which are not part of the form record) into the model's {@code fileErrors}.
 */
final class OnlineForms {

    private OnlineForms() {
    }

    static void reject(BindingResult result, Model model, InvalidInputException e, Set<String> fileFields) {
        Map<String, String> files = fileErrors(model);
        java.util.List<InvalidInputException.Problem> others = new java.util.ArrayList<>();
        for (InvalidInputException.Problem p : e.problems()) {
            if (fileFields.contains(p.field())) {
                files.putIfAbsent(p.field() + "File", p.message());
            } else {
                others.add(p);
            }
        }
        if (!others.isEmpty()) {
            FormErrors.reject(result, new InvalidInputException(others));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> fileErrors(Model model) {
        Object existing = model.getAttribute("fileErrors");
        if (existing instanceof Map<?, ?> m) {
            return (Map<String, String>) m;
        }
        Map<String, String> files = new LinkedHashMap<>();
        model.addAttribute("fileErrors", files);
        return files;
    }
}
