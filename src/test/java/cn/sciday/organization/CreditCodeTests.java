package cn.sciday.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void acceptsCodesWithTheRightCheckCharacter() {
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("91110000600037341L")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacterOrLengthOrForbiddenLetters() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y433")).isFalse();
        // I, O, S, V and Z are not used in credit codes
        assertThat(CreditCode.isValid("91350100MO00100Y43")).isFalse();
        assertThat(CreditCode.isValid("")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void acceptsWhatPeopleTypeFullWidthLowerCaseAndSpaced() {
        assertThat(CreditCode.isValid("９１３５０１００ｍ０００１００ｙ４３")).isTrue();
        assertThat(CreditCode.isValid(" 91350100 m000100y43 ")).isTrue();
        assertThat(CreditCode.normalize("９１３５０１００ｍ０００１００ｙ４３")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void completesSeventeenCharacters() {
        assertThat(CreditCode.complete("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.isValid(CreditCode.complete("52440704MJL000001"))).isTrue();
    }
}
