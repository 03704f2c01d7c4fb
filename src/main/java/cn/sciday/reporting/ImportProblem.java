package cn.sciday.reporting;

/**
 * One thing wrong with an imported form: the Excel row number (1-based as Excel shows it; 0 for the file as a
 * whole), the column header (null when it concerns no single column) and what is wrong, in Chinese.
 */
public record ImportProblem(int row, String column, String message) {
}
