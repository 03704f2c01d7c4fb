package cn.sciday.activity;

/**
 * The text part of information completion: actual participants, the online activity's address (online and
 * online+offline activities), and a short written summary (at most 2000 characters). Blank means not given.
 */
public record CompletionForm(Integer actualParticipants, String onlineUrl, String summary) {
}
