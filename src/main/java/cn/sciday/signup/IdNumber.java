package cn.sciday.signup;

/** The 18-character resident ID number (GB 11643-1999) with its check character. */
final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumber() {
    }

    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : raw.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            }
            if (c == 'ｘ' || c == 'Ｘ') {
                c = 'X';
            }
            if (c != ' ' && c != '\u3000') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    static boolean isValid(String id) {
        if (id == null || !id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == id.charAt(17);
    }
}
