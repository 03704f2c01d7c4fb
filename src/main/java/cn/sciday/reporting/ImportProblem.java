package cn.sciday.reporting;

import cn.sciday.web.UserMessage;

/**
 * One thing wrong with an imported form: the Excel row number (1-based as Excel shows it; 0 for the file as a
 * whole), the column header of the sheet (null when it concerns no single column), the message's key ({@code code})
 * and what is wrong in the language of the request that imported the form.
 */
public record ImportProblem(int row, String column, String code, String message) {

    static ImportProblem of(int row, String column, UserMessage reason) {
        return new ImportProblem(row, column, reason.code(), reason.text());
    }

    static ImportProblem of(int row, String column, String code, Object... arguments) {
        return of(row, column, UserMessage.of(code, arguments));
    }
}
