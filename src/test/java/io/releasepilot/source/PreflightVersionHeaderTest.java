package io.releasepilot.source;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-flight version check reads a C header's MAJOR/MINOR/PATCH number defines (httpd's ap_release.h). */
class PreflightVersionHeaderTest {
    static final String AP_RELEASE_H = """
            #define AP_SERVER_BASEVENDOR "Apache Software Foundation"
            #define AP_SERVER_MAJORVERSION_NUMBER 2
            #define AP_SERVER_MINORVERSION_NUMBER 4
            #define AP_SERVER_PATCHLEVEL_NUMBER   14
            #define AP_SERVER_DEVBUILD_BOOLEAN    0
            """;

    @ParameterizedTest
    @CsvSource(textBlock = """
            2.4.14,   true
            2.4.13,   false
            2.5.14,   false
            3.4.14,   false
            2.4.14a1, false
            2.4,      false
            """)
    void headerDefinesTheVersionOnlyWhenAllThreeNumbersMatch(String version, boolean expected) {
        assertThat(Preflight.definesVersion(AP_RELEASE_H, version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '#define MAJOR_VERSION 2\n#define MINOR_VERSION 4\n',                                       false
            '#define A_MAJOR_NUMBER 2\n#define A_MINOR_NUMBER 4\n#define A_PATCH_NUMBER 99999999999999\n', false
            '#define A_MAJOR_NUMBER 2\n#define A_MINOR_NUMBER 4\n#define A_PATCH_NUMBER 14\n#define B_PATCH_NUMBER 14\n', false
            '#define A_MAJOR_NUMBER 2\n#define A_MINOR_NUMBER 4\n#define A_PATCH_NUMBER 014\n',          true
            """)
    void missingDuplicatedOrHugeDefinesNeverPassAndNeverThrow(String text, boolean expected) {
        assertThat(Preflight.definesVersion(text.replace("\\n", "\n"), "2.4.14")).isEqualTo(expected);
    }
}
