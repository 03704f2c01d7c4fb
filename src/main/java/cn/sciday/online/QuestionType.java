package cn.sciday.online;

import java.util.Optional;

/** The three kinds of quiz question. True/false questions have the two options 对 (A) and 错 (B). */
enum QuestionType {
    TRUE_FALSE("判断题"), SINGLE("单选题"), MULTIPLE("多选题");

    static final String TRUE = "对";
    static final String FALSE = "错";

    private final String label;

    QuestionType(String label) {
        this.label = label;
    }

    /** The Chinese name used in spreadsheets. */
    String label() {
        return label;
    }

    /** Reads the name a person writes in a spreadsheet: 单选题, 单选, 单项选择题, SINGLE… */
    static Optional<QuestionType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase();
        return switch (t) {
            case "判断题", "判断", "是非题", "TRUE_FALSE" -> Optional.of(TRUE_FALSE);
            case "单选题", "单选", "单项选择题", "单项选择", "SINGLE" -> Optional.of(SINGLE);
            case "多选题", "多选", "多项选择题", "多项选择", "MULTIPLE" -> Optional.of(MULTIPLE);
            default -> Optional.empty();
        };
    }
}
