package io.releasepilot.keys;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How a passphrase is rated: length and variety, with common words always weak. */
class PassphraseStrengthTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                     | EMPTY
            abc                                    | WEAK
            abcdefghi                              | WEAK
            Password12                             | FAIR
            password                               | WEAK
            Apache123                              | WEAK
            abcdefghijkl                           | FAIR
            abcdefghijklmnopq                      | GOOD
            correct horse                          | FAIR
            correct horse battery staple           | STRONG
            Tr0ub4dor&3xyz                         | GOOD
            gui passphrase that must stay secret 9 | STRONG
            """)
    void ratesByLengthAndVariety(String passphrase, PassphraseStrength.Level expected) {
        assertThat(PassphraseStrength.of(passphrase.toCharArray())).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void noPassphraseIsEmptyAndEachLevelSaysWhatToDo() {
        assertThat(PassphraseStrength.of(null)).isEqualTo(PassphraseStrength.Level.EMPTY);
        assertThat(PassphraseStrength.Level.WEAK.advice()).isEqualTo("Weak: use at least 12 characters, or several words.");
    }
}
