package cn.sciday.online;

/** The city admin's form for a round: times as typed (Beijing time), limits (blank: the defaults), one category a line. */
public record VideoRoundForm(String title, String opensAt, String closesAt, String maxUploadMb,
        String maxDurationSeconds, String entriesPerPerson, String entriesPerUnit, String categories) {

    static VideoRoundForm of(VideoRound r) {
        return new VideoRoundForm(r.title(), VideoRound.INPUT.format(r.opensAt()), VideoRound.INPUT.format(r.closesAt()),
                String.valueOf(r.maxUploadMb()), String.valueOf(r.maxDurationSeconds()),
                String.valueOf(r.entriesPerPerson()), String.valueOf(r.entriesPerUnit()),
                String.join("\n", r.categories()));
    }
}
