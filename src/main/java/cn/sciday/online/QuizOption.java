package cn.sciday.online;

/** One answer option: its letter (A…F) and text. */
record QuizOption(String label, String text) {
}
