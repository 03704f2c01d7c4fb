package cn.sciday.campaign;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One joint action as the city admin edits it; lead units are typed one per line or separated by 、. */
record JointActionForm(
        @NotBlank(message = "{campaignadmin.jointAction.name.required}")
        @Size(max = 100, message = "{campaignadmin.jointAction.name.size}") String name,
        @Size(max = 4000, message = "{campaignadmin.jointAction.description.size}") String description,
        @NotBlank(message = "{campaignadmin.jointAction.leadUnits.required}")
        @Size(max = 2000, message = "{campaignadmin.jointAction.leadUnits.size}") String leadUnits) {

    static JointActionForm of(JointAction j) {
        return new JointActionForm(j.name(), j.description(), String.join("\n", j.leadUnits()));
    }

    /** The lead units typed in the box: one per line, or separated by 、 (or a comma). */
    List<String> leadUnitList() {
        return split(leadUnits);
    }

    static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n、，,；;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
