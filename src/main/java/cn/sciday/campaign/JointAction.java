package cn.sciday.campaign;

import java.util.List;

/** One of the joint actions of section 四(二), with the units that lead it (牵头单位). */
public record JointAction(int number, String name, String description, List<String> leadUnits) {

    public JointAction {
        leadUnits = List.copyOf(leadUnits);
    }
}
