package cn.sciday.online;

/**
 * Questions were created, edited, enabled, disabled or imported (clears the cached question pools and questions on
 * every instance). {@code questionId} is null for an import.
 */
record QuestionBankChanged(Long questionId) {
}
