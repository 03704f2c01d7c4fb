package cn.sciday.account;

import cn.sciday.web.InvalidInputException;

/** Staff passwords: at least 10 characters, with letters and at least one digit or symbol, and not the username. */
final class PasswordPolicy {

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password == null || password.length() < 10) {
            throw new InvalidInputException("password", "account.error.passwordTooShort");
        }
        if (password.length() > 128) {
            throw new InvalidInputException("password", "account.error.passwordTooLong");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            throw new InvalidInputException("password", "account.error.passwordWeak");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            throw new InvalidInputException("password", "account.error.passwordContainsUsername");
        }
    }
}
