package io.releasepilot.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # text,      major, minor, patch, pre
            0.1.0,       0,     1,     0,     ''
            2.4.13,      2,     4,     13,    ''
            2.1.0a1,     2,     1,     0,     a1
            2.1.0b2,     2,     1,     0,     b2
            3.0.0rc12,   3,     0,     0,     rc12
            ' 1.2.3 ',   1,     2,     3,     ''
            """)
    void parsesVersionsOfTheGuides(String text, int major, int minor, int patch, String pre) throws Exception {
        Version v = Version.parse(text);
        assertThat(v.major()).isEqualTo(major);
        assertThat(v.minor()).isEqualTo(minor);
        assertThat(v.patch()).isEqualTo(patch);
        assertThat(v.preRelease().map(PreRelease::toString).orElse("")).isEqualTo(pre);
        assertThat(v).hasToString(text.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "2.4", "v2.4.0", "2.4.0-rc1", "02.4.0", "2.4.x", "2.4.0rc", "2.4.0rc0",
            "2.4.0c1", "1.2.3.4", "-1.0.0", "99999999999.0.0", "2.4.0 rc1"})
    void rejectsMalformedVersionsWithAnExample(String text) {
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOf(VersionFormatException.class)
                .hasMessageContaining("is not a version of the form x.y.z")
                .satisfies(e -> assertThat(((VersionFormatException) e).fix()).contains("2.4.0"));
    }

    @Test
    void ordersNumericallyWithPreReleasesBeforeTheFinalRelease() throws Exception {
        List<String> expected = List.of("1.9.0", "1.10.0a1", "1.10.0a2", "1.10.0b1", "1.10.0rc1", "1.10.0rc2",
                "1.10.0", "1.10.1", "2.0.0");
        List<Version> versions = new ArrayList<>();
        for (String s : expected) {
            versions.add(Version.parse(s));
        }
        List<Version> shuffled = new ArrayList<>(versions);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(versions);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # version, next patch, next minor, next major, main line after, kind
            2.4.0,     2.4.1,      2.5.0,      3.0.0,      2.5.0a1,         FEATURE
            2.4.13,    2.4.14,     2.5.0,      3.0.0,      '',              PATCH
            0.9.0rc1,  0.9.1,      0.10.0,     1.0.0,      0.10.0a1,        FEATURE
            """)
    void derivesNextVersionsAndTheKindOfRelease(String text, String patch, String minor, String major,
                                                 String mainLine, ReleaseKind kind) throws Exception {
        Version v = Version.parse(text);
        assertThat(v.nextPatch()).hasToString(patch);
        assertThat(v.nextMinor()).hasToString(minor);
        assertThat(v.nextMajor()).hasToString(major);
        assertThat(v.nextMainLine().map(Object::toString).orElse("")).isEqualTo(mainLine);
        assertThat(v.kind()).isEqualTo(kind);
        assertThat(v.kind().needsNewBranch()).isEqualTo(kind == ReleaseKind.FEATURE);
    }
}
