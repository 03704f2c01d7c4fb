package cn.sciday.activity;

/** What an actor may do with an activity; pages show these as buttons, the API lists them in {@code actions}. */
public enum ActivityAction {
    /** Edit everything (draft or returned) or, once published, time, place, format and capacity. */
    EDIT, SUBMIT, ENDORSE, RETURN, APPROVE, WITHDRAW, CANCEL
}
