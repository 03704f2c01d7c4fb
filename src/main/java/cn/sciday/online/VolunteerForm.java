package cn.sciday.online;

/** What a unit enters for one of its science volunteers; the photo comes as a separate upload. */
public record VolunteerForm(String name, String story) {

    static VolunteerForm empty() {
        return new VolunteerForm("", "");
    }

    static VolunteerForm of(Volunteer v) {
        return new VolunteerForm(v.name(), v.story());
    }
}
