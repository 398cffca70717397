package dev.openfactor.verification.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberMatchTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void numbersHaveTheConfiguredDigitsAndNoLeadingZero(int digits) {
        Set<Character> firsts = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String n = NumberMatch.next(digits);
            assertEquals(digits, n.length(), n);
            assertTrue(n.chars().allMatch(Character::isDigit), n);
            firsts.add(n.charAt(0));
        }
        assertFalse(firsts.contains('0'));
        assertEquals(9, firsts.size(), "every leading digit 1-9 occurs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "420", "४२", "4 2", "-42"})
    void onlyTheExactNumberMatches(String typed) {
        assertFalse(NumberMatch.matches("42", typed));
        assertTrue(NumberMatch.matches("42", " 42 "));
    }
}
