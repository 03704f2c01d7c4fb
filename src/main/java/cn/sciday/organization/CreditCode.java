package cn.sciday.organization;

/** The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last is a check digit. */
public final class CreditCode {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Upper-cases, turns full-width characters to half-width and removes spaces. */
    public static String normalize(String code) {
        if (code == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : code.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    /** The check character for the first 17 characters, or -1 if one of them is not allowed. */
    static int checkIndex(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(first17.charAt(i));
            if (v < 0) {
                return -1;
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return check == 31 ? 0 : check;
    }

    public static boolean isValid(String code) {
        String c = normalize(code);
        if (c.length() != 18) {
            return false;
        }
        int check = checkIndex(c.substring(0, 17));
        return check >= 0 && CHARS.charAt(check) == c.charAt(17);
    }

    /** Appends the check character to 17 characters (for test and demo data). */
    public static String complete(String first17) {
        int check = checkIndex(first17);
        if (first17.length() != 17 || check < 0) {
            throw new IllegalArgumentException("not 17 valid characters: " + first17);
        }
        return first17 + CHARS.charAt(check);
    }
}
