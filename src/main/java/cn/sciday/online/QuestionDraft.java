package cn.sciday.online;

import java.util.List;

/**
 * A question as typed on the form or read from a spreadsheet row, before it is checked: the answer and theme as
 * text, six option slots (A–F; blank slots are empty strings).
 */
record QuestionDraft(String type, String stem, List<String> options, String answer, String explanation,
        String theme) {

    static final int OPTION_SLOTS = 6;
}
