package io.releasepilot.nextversion;

import io.releasepilot.version.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each kind of project keeps its version, and that only that spot changes. */
class VersionFilesTest {

    static Optional<VersionFiles.Change> bump(String path, String text, String from, String to) throws Exception {
        return VersionFiles.bump(path, text.getBytes(StandardCharsets.UTF_8), Version.parse(from), Version.parse(to),
                false);
    }

    @Test
    void mavenChangesTheProjectsVersionNotTheParentsOrADependencysAndKeepsSnapshot() throws Exception {
        String pom = """
                <project>
                  <parent><groupId>org.apache</groupId><artifactId>apache</artifactId><version>2.4.0</version></parent>
                  <artifactId>kvrocks</artifactId>
                  <version>2.4.0</version>
                  <dependencies><dependency><artifactId>x</artifactId><version>2.4.0</version></dependency></dependencies>
                </project>
                """;
        String after = bump("pom.xml", pom, "2.4.0", "2.4.1").orElseThrow().after();
        assertThat(after).isEqualTo(pom.replace("<artifactId>kvrocks</artifactId>\n  <version>2.4.0</version>",
                "<artifactId>kvrocks</artifactId>\n  <version>2.4.1</version>"));
        assertThat(bump("pom.xml", pom.replace("<version>2.4.0</version>\n  <dep", "<version>2.4.0-SNAPSHOT</version>\n  <dep")
                .replace("kvrocks</artifactId>\n  <version>2.4.0</version>", "kvrocks</artifactId>\n  <version>2.4.0-SNAPSHOT</version>"),
                "2.4.0", "2.5.0a1").orElseThrow().after()).contains("<version>2.5.0-SNAPSHOT</version>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            package.json   | '{\\n  "name": "apisix-dashboard",\\n  "version": "2.4.0",\\n  "deps": {"a": "2.4.0"}\\n}' | '{\\n  "name": "apisix-dashboard",\\n  "version": "2.4.1",\\n  "deps": {"a": "2.4.0"}\\n}'
            pyproject.toml | '[project]\\nname = "ai"\\nversion = "2.4.0"\\n'                                        | '[project]\\nname = "ai"\\nversion = "2.4.1"\\n'
            setup.py       | 'setup(\\n    name="ai",\\n    version=''2.4.0'',\\n)\\n'                               | 'setup(\\n    name="ai",\\n    version=''2.4.1'',\\n)\\n'
            src/ai/__init__.py | '__version__ = "2.4.0"\\n'                                                       | '__version__ = "2.4.1"\\n'
            version.txt    | '2.4.0\\n'                                                                            | '2.4.1\\n'
            CMakeLists.txt | 'cmake_minimum_required(VERSION 3.16)\\nproject(kvrocks VERSION 2.4.0 LANGUAGES CXX)\\n' | 'cmake_minimum_required(VERSION 3.16)\\nproject(kvrocks VERSION 2.4.1 LANGUAGES CXX)\\n'
            """)
    void eachKindChangesOnlyTheVersion(String path, String before, String after) throws Exception {
        String in = before.replace("\\n", "\n");
        assertThat(bump(path, in, "2.4.0", "2.4.1").orElseThrow().after()).isEqualTo(after.replace("\\n", "\n"));
    }

    @Test
    void httpdsHeaderMovesItsMajorMinorAndPatchDefines() throws Exception {
        String header = """
                #define AP_SERVER_BASEVENDOR "Apache Software Foundation"
                #define AP_SERVER_MAJORVERSION_NUMBER 2
                #define AP_SERVER_MINORVERSION_NUMBER 4
                #define AP_SERVER_PATCHLEVEL_NUMBER   13
                #define AP_SERVER_DEVBUILD_BOOLEAN    0
                """;
        VersionFiles.Change c = VersionFiles.bump("include/ap_release.h", header.getBytes(StandardCharsets.UTF_8),
                Version.parse("2.4.13"), Version.parse("2.4.14"), true).orElseThrow();
        assertThat(c.after()).isEqualTo(header.replace("PATCHLEVEL_NUMBER   13", "PATCHLEVEL_NUMBER   14"));
        assertThat(VersionFiles.diff(c)).isEqualTo("--- a/include/ap_release.h\n+++ b/include/ap_release.h\n"
                + "@@ line 4 @@\n-#define AP_SERVER_PATCHLEVEL_NUMBER   13\n+#define AP_SERVER_PATCHLEVEL_NUMBER   14\n");
    }

    @Test
    void aFileThatHoldsAnotherVersionIsLeftAlone() throws Exception {
        assertThat(bump("package.json", "{\"version\": \"2.5.0\"}", "2.4.0", "2.4.1")).isEmpty();
        assertThat(bump("README.md", "version 2.4.0", "2.4.0", "2.4.1")).isEmpty();
        assertThat(VersionFiles.isCandidate("pom.xml")).isTrue();
        assertThat(VersionFiles.isCandidate("modules/core/pom.xml")).isFalse();
        assertThat(VersionFiles.isCandidate("python/ai/__init__.py")).isTrue();
    }
}
