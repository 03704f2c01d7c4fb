package cn.sciday.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.Audience;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.ContentTheme;
import cn.sciday.campaign.JointAction;
import cn.sciday.web.UserMessage;

/**
 * Turns cells of the intention form into values, accepting what people type: Excel dates and text dates
 * (2021年9月18日 9:30, 2021/9/18, 2021-09-18 09:30, 9月18日), several values in one cell separated by 、，, ; or /,
 * numbers or names for joint actions and themes, full-width digits. A failure is a {@link Bad} with a Chinese
 * message for the person who filled the form.
 */
final class CellValues {

    /** A value that could not be read; the message (a key of the reporting bundle) says what was expected. */
    static final class Bad extends Exception {
        private final transient UserMessage reason;

        Bad(String code, Object... arguments) {
            super(code, null, false, false);
            this.reason = UserMessage.of(code, arguments);
        }

        UserMessage reason() {
            return reason;
        }

        /** In the current request's language (Chinese outside a request). */
        @Override
        public String getMessage() {
            return reason.text();
        }
    }

    /** A day and, if given, a time of day (null: the whole day). */
    record When(LocalDate date, LocalTime time) {

        LocalDateTime asStart() {
            return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
        }

        LocalDateTime asEnd() {
            return date.atTime(time == null ? LocalTime.of(23, 59) : time);
        }
    }

    private static final Pattern DATE = Pattern.compile(
            "^(?:(\\d{4})\\s*[年/\\-.]\\s*)?(\\d{1,2})\\s*[月/\\-.]\\s*(\\d{1,2})\\s*[日号]?"
                    + "(?:\\s*[T ]?\\s*(上午|下午|晚上|中午)?\\s*(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})?\\s*分?"
                    + "(?:\\s*:\\s*(\\d{1,2}))?)?\\s*$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:第)?[(（]?(\\d{1,2}|[一二三四五六七八九十]{1,3})[)）]?(?:项|个)?[.、．:：\\s]*(.*)$");
    private static final String SEPARATORS = "[、,，;；/\\n\\r]+";
    private static final Set<String> NONE = Set.of("无", "没有", "不属于", "不属于联合行动", "否", "-", "—", "/", "0",
            "不涉及", "其他", "其它");

    private static final Map<String, Audience> AUDIENCE_WORDS = new LinkedHashMap<>();

    static {
        Labels.AUDIENCES.forEach((a, label) -> AUDIENCE_WORDS.put(label, a));
        for (String w : List.of("学生", "中小学生", "儿童", "少年儿童", "青年", "少儿", "幼儿", "未成年人")) {
            AUDIENCE_WORDS.put(w, Audience.YOUTH);
        }
        for (String w : List.of("老年", "老人", "长者")) {
            AUDIENCE_WORDS.put(w, Audience.ELDERLY);
        }
        for (String w : List.of("村民", "农村居民")) {
            AUDIENCE_WORDS.put(w, Audience.FARMERS);
        }
        for (String w : List.of("工人", "职工", "企业职工")) {
            AUDIENCE_WORDS.put(w, Audience.WORKERS);
        }
        AUDIENCE_WORDS.put("居民", Audience.RESIDENTS);
        for (String w : List.of("领导干部", "公务员", "干部")) {
            AUDIENCE_WORDS.put(w, Audience.OFFICIALS);
        }
        for (String w : List.of("社会公众", "市民", "群众", "所有人", "不限", "全体")) {
            AUDIENCE_WORDS.put(w, Audience.GENERAL_PUBLIC);
        }
    }

    private CellValues() {
    }

    // ---- times -------------------------------------------------------------------------------------------------

    static When when(XlsxSheetReader.Cell cell, int campaignYear) throws Bad {
        if (cell.number() != null) {
            double d = cell.number();
            if (cell.dateFormatted() || (d > 20000 && d < 80000)) {
                LocalDateTime t = DateUtil.getLocalDateTime(d);
                if (t == null) {
                    throw new Bad("reporting.error.dateUnreadable");
                }
                boolean wholeDay = Math.abs(d - Math.floor(d)) < 1e-9;
                return new When(t.toLocalDate(), wholeDay ? null : roundToMinute(t).toLocalTime());
            }
            String digits = cell.asText();
            Matcher compact = COMPACT.matcher(digits);
            if (compact.matches()) {
                return new When(date(compact.group(1), compact.group(2), compact.group(3), campaignYear), null);
            }
            throw new Bad("reporting.error.dateFormat", digits);
        }
        String s = Text.norm(cell.text());
        Matcher compact = COMPACT.matcher(s);
        if (compact.matches()) {
            return new When(date(compact.group(1), compact.group(2), compact.group(3), campaignYear), null);
        }
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            throw new Bad("reporting.error.dateFormat", s);
        }
        LocalDate date = date(m.group(1), m.group(2), m.group(3), campaignYear);
        if (m.group(5) == null) {
            return new When(date, null);
        }
        int hour = Integer.parseInt(m.group(5));
        int minute = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        String half = m.group(4);
        if (("下午".equals(half) || "晚上".equals(half)) && hour < 12) {
            hour += 12;
        }
        if (hour > 23 || minute > 59) {
            throw new Bad("reporting.error.timeInvalid", s);
        }
        return new When(date, LocalTime.of(hour, minute));
    }

    private static LocalDate date(String y, String mo, String d, int campaignYear) throws Bad {
        try {
            return LocalDate.of(y == null ? campaignYear : Integer.parseInt(y), Integer.parseInt(mo),
                    Integer.parseInt(d));
        } catch (DateTimeException e) {
            throw new Bad("reporting.error.dateInvalid", y == null ? String.valueOf(campaignYear) : y, mo, d);
        }
    }

    private static LocalDateTime roundToMinute(LocalDateTime t) {
        LocalDateTime floor = t.withSecond(0).withNano(0);
        return t.getSecond() >= 30 ? floor.plusMinutes(1) : floor;
    }

    // ---- choices -----------------------------------------------------------------------------------------------

    /** A joint action by number ("2", "二", "(二)"), by "2.name", or by (part of) its name; null for none. */
    static Integer jointAction(String raw, Campaign campaign) throws Bad {
        String s = Text.key(raw);
        if (s.isEmpty() || NONE.contains(s)) {
            return null;
        }
        Matcher m = NUMBERED.matcher(s);
        if (m.matches()) {
            int number = number(m.group(1));
            Optional<JointAction> j = campaign.jointAction(number);
            String rest = m.group(2);
            if (j.isEmpty()) {
                throw new Bad("reporting.error.jointActionNumber", number, campaign.jointActions().size());
            }
            if (!rest.isEmpty() && !sameName(rest, j.get().name())) {
                throw new Bad("reporting.error.jointActionMismatch", number, rest);
            }
            return number;
        }
        List<JointAction> found = new ArrayList<>();
        for (JointAction j : campaign.jointActions()) {
            if (sameName(s, j.name())) {
                found.add(j);
            }
        }
        if (found.size() == 1) {
            return found.get(0).number();
        }
        if (found.size() > 1) {
            throw new Bad("reporting.error.jointActionAmbiguous", raw.strip());
        }
        throw new Bad("reporting.error.jointActionUnknown", raw.strip(),
                campaign.jointActions().size());
    }

    private static boolean sameName(String typed, String name) {
        String t = Text.key(typed);
        String n = Text.key(name);
        return t.equals(n) || (t.length() >= 2 && n.contains(t)) || (t.contains(n));
    }

    /** One or more content themes by number, "2.title" or (part of) the title. */
    static List<Integer> themes(String raw, Campaign campaign) throws Bad {
        String rest = Text.key(raw);
        Set<Integer> found = new LinkedHashSet<>();
        for (ContentTheme t : campaign.themes()) {
            String title = Text.key(t.title());
            int at = rest.indexOf(title);
            while (at >= 0) {
                found.add(t.number());
                String before = rest.substring(0, at).replaceAll("(?:第)?[(（]?(\\d{1,2}|[一二三四五六七八九十]{1,3})[)）]?[.、．:：]?$", "");
                rest = before + "、" + rest.substring(at + title.length());
                at = rest.indexOf(title);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String token : rest.split(SEPARATORS)) {
            if (token.isBlank()) {
                continue;
            }
            Matcher m = NUMBERED.matcher(token);
            if (m.matches() && m.group(2).isEmpty()) {
                int number = number(m.group(1));
                if (campaign.contentTheme(number).isPresent()) {
                    found.add(number);
                } else {
                    unknown.add(token);
                }
                continue;
            }
            String text = m.matches() ? m.group(2) : token;
            List<ContentTheme> partial = campaign.themes().stream()
                    .filter(t -> text.length() >= 2 && Text.key(t.title()).contains(text)).toList();
            if (partial.size() == 1) {
                found.add(partial.get(0).number());
            } else {
                unknown.add(token);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Bad("reporting.error.themeUnknown",
                    UserMessage.list(unknown), campaign.themes().size());
        }
        if (found.isEmpty()) {
            throw new Bad("reporting.error.themeRequired");
        }
        return List.copyOf(found);
    }

    static ActivityFormat format(String raw) throws Bad {
        String s = Text.key(raw).toLowerCase(java.util.Locale.ROOT);
        boolean online = s.contains("线上") || s.contains("网络") || s.contains("云上") || s.contains("online");
        boolean offline = s.contains("线下") || s.contains("现场") || s.contains("offline");
        if (online && offline) {
            return ActivityFormat.BOTH;
        }
        if (online) {
            return ActivityFormat.ONLINE;
        }
        if (offline) {
            return ActivityFormat.OFFLINE;
        }
        throw new Bad("reporting.error.format");
    }

    static Set<Audience> audiences(String raw) throws Bad {
        Set<Audience> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String token : Text.key(raw).split("[、,，;；/\\n\\r]+")) {
            if (token.isBlank()) {
                continue;
            }
            Audience exact = AUDIENCE_WORDS.get(token);
            if (exact != null) {
                found.add(exact);
                continue;
            }
            Set<Audience> inside = new LinkedHashSet<>();
            AUDIENCE_WORDS.forEach((word, a) -> {
                if (token.contains(word)) {
                    inside.add(a);
                }
            });
            if (inside.isEmpty()) {
                unknown.add(token);
            } else {
                found.addAll(inside);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Bad("reporting.error.audienceUnknown", UserMessage.list(unknown),
                    UserMessage.list(List.copyOf(Labels.AUDIENCES.values())));
        }
        if (found.isEmpty()) {
            throw new Bad("reporting.error.audienceRequired");
        }
        return found;
    }

    static boolean yesNo(String raw) throws Bad {
        String s = Text.key(raw).toLowerCase(java.util.Locale.ROOT);
        if (s.isEmpty()) {
            return false;
        }
        if (Set.of("是", "y", "yes", "true", "√", "✓", "✔", "申报", "1", "是的", "对").contains(s)) {
            return true;
        }
        if (Set.of("否", "n", "no", "false", "×", "✗", "不申报", "0", "不", "无").contains(s)) {
            return false;
        }
        throw new Bad("reporting.error.yesNo");
    }

    static int count(XlsxSheetReader.Cell cell) throws Bad {
        if (cell.number() != null) {
            double d = cell.number();
            if (d != Math.rint(d) || d < 1 || d > 10_000_000) {
                throw new Bad("reporting.error.countPositive");
            }
            return (int) d;
        }
        String s = Text.key(cell.text()).replaceAll("^(约|大约|预计)", "").replaceAll("(人次|人|名|余|左右|以上|\\+)+$", "")
                .replace(",", "");
        if (!s.matches("\\d{1,8}")) {
            throw new Bad("reporting.error.countWhole");
        }
        int n = Integer.parseInt(s);
        if (n < 1) {
            throw new Bad("reporting.error.countPositive");
        }
        return n;
    }

    private static int number(String digitsOrChinese) {
        if (digitsOrChinese.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(digitsOrChinese);
        }
        String s = digitsOrChinese;
        String digits = "零一二三四五六七八九";
        if (s.equals("十")) {
            return 10;
        }
        if (s.startsWith("十")) {
            return 10 + digits.indexOf(s.charAt(1));
        }
        if (s.length() == 3 && s.charAt(1) == '十') {
            return digits.indexOf(s.charAt(0)) * 10 + digits.indexOf(s.charAt(2));
        }
        if (s.length() == 2 && s.charAt(1) == '十') {
            return digits.indexOf(s.charAt(0)) * 10;
        }
        return digits.indexOf(s.charAt(0));
    }
}
