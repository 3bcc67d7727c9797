package io.releasepilot.version;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamePatternTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # pattern,           version, rc, name
            x.y.z-rcN,           2.4.0,   1,  2.4.0-rc1
            vx.y.z-rcN,          2.4.0,   3,  v2.4.0-rc3
            x.y.z.rcN,           1.0.2,   2,  1.0.2.rc2
            x.y,                 2.4.7,   0,  2.4
            vx.y.x,              2.4.7,   0,  v2.4.x
            {version}-rc{rc},    2.4.0,   1,  2.4.0-rc1
            rel/v{version},      2.4.0,   0,  rel/v2.4.0
            {major}.{minor},     3.1.4,   0,  3.1
            release-{major}.{minor}.{patch}-rc{rc}, 3.1.4, 9, release-3.1.4-rc9
            """)
    void formatsNamesFromPatterns(String pattern, String version, int rc, String name) throws Exception {
        NamePattern p = NamePattern.parse(pattern);
        assertThat(p.format(Version.parse(version), rc)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # pattern,        name,           version, rc
            vx.y.z-rcN,       v2.4.0-rc3,     2.4.0,   3
            x.y.z.rcN,        1.0.2.rc12,     1.0.2,   12
            {version}-rc{rc}, 2.1.0b1-rc2,    2.1.0b1, 2
            v{version},       v2.4.0,         2.4.0,   0
            x.y,              2.4,            2.4.0,   0
            """)
    void readsNamesBack(String pattern, String name, String version, int rc) throws Exception {
        NamePattern.Match m = NamePattern.parse(pattern).match(name).orElseThrow();
        assertThat(m.version()).isEqualTo(Version.parse(version));
        assertThat(m.rc()).isEqualTo(rc);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            vx.y.z-rcN,  2.4.0-rc3
            vx.y.z-rcN,  v2.4.0-rcX
            v{version},  v2.4.0-rc1
            x.y,         2.4.1
            """)
    void ignoresNamesOfOtherForms(String pattern, String name) throws Exception {
        assertThat(NamePattern.parse(pattern).match(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',               is empty
            release,          has no placeholder
            '{ver}-rc{rc}',   is not a known placeholder
            'v x.y.z',        cannot be a git branch or tag name
            'a..{version}',   cannot be a git branch or tag name
            """)
    void rejectsBadPatternsSayingWhy(String pattern, String why) {
        assertThatThrownBy(() -> NamePattern.parse(pattern))
                .isInstanceOf(VersionFormatException.class)
                .hasMessageContaining(why);
    }
}
