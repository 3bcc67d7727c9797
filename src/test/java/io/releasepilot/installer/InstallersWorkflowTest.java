package io.releasepilot.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted-CI workflow that builds the .deb/.rpm, .dmg and .msi, checked here where it cannot run: it parses as
 * YAML, its matrix covers Linux, macOS and Windows with their installer types, every step that runs our packaging
 * script names files that exist, and every action is pinned to a commit.
 */
class InstallersWorkflowTest {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path WORKFLOW = PROJECT.resolve(".github/workflows/installers.yml");
    private static JsonNode workflow;

    @BeforeAll
    static void parse() throws IOException {
        workflow = new YAMLMapper().readTree(WORKFLOW.toFile());
    }

    @Test
    void theMatrixBuildsDebAndRpmOnLinuxDmgOnMacosAndMsiOnWindows() {
        Map<String, String> typesByRunner = new LinkedHashMap<>();
        for (JsonNode entry : job().at("/strategy/matrix/include")) {
            typesByRunner.put(entry.path("os").asText().replaceAll("-.*", ""), entry.path("types").asText());
        }

        assertThat(typesByRunner).containsExactly(Map.entry("ubuntu", "deb rpm"), Map.entry("macos", "dmg"),
                Map.entry("windows", "msi"));
        assertThat(job().path("runs-on").asText()).isEqualTo("${{ matrix.os }}");
        assertThat(job().at("/strategy/fail-fast").asBoolean(true)).as("one OS failing still builds the others")
                .isFalse();
    }

    @Test
    void everyStepRunningOurScriptsNamesFilesThatExist() {
        List<String> named = new ArrayList<>();
        Pattern ours = Pattern.compile("(?:\\./)?((?:packaging|icons|\\.ci)/[A-Za-z0-9_./-]+)");
        for (JsonNode step : job().path("steps")) {
            Matcher m = ours.matcher(step.path("run").asText());
            while (m.find()) {
                named.add(m.group(1));
            }
        }

        assertThat(named).as("run: lines naming our files").contains("packaging/build-installer.sh");
        for (String file : named) {
            assertThat(PROJECT.resolve(file)).as("named in a run: step of %s", WORKFLOW).exists();
        }
        assertThat(PROJECT.resolve("packaging/build-installer.sh")).isExecutable();
    }

    @Test
    void theScriptHasArgumentFilesForEachOperatingSystemOfTheMatrix() {
        for (String os : List.of("linux", "mac", "windows")) {
            assertThat(PROJECT.resolve("packaging/jpackage-" + os + ".txt")).isRegularFile();
            assertThat(PROJECT.resolve("packaging/jpackage-" + os + "-installer.txt")).isRegularFile();
        }
    }

    @Test
    void everyActionIsPinnedToAFullCommitWithItsVersionInAComment() throws IOException {
        List<String> uses = new ArrayList<>();
        for (JsonNode step : job().path("steps")) {
            if (step.has("uses")) {
                uses.add(step.path("uses").asText());
            }
        }

        assertThat(uses).extracting(u -> u.replaceAll("@.*", ""))
                .containsExactly("actions/checkout", "actions/setup-java", "actions/upload-artifact");
        assertThat(uses).allSatisfy(u -> assertThat(u).matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"));
        String text = Files.readString(WORKFLOW);
        for (String u : uses) {
            assertThat(text).as("the version beside %s", u).containsPattern(Pattern.quote(u) + " # v\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void theInstallersAreUploadedAndAMissingOneFailsTheRun() {
        JsonNode upload = null;
        for (JsonNode step : job().path("steps")) {
            if (step.path("uses").asText().startsWith("actions/upload-artifact@")) {
                upload = step;
            }
        }

        assertThat(upload).as("an upload-artifact step").isNotNull();
        assertThat(upload.at("/with/path").asText()).isEqualTo("target/installer/");
        assertThat(upload.at("/with/if-no-files-found").asText()).isEqualTo("error");
        assertThat(upload.at("/with/name").asText()).contains("${{ runner.os }}");
    }

    private static JsonNode job() {
        JsonNode job = workflow.at("/jobs/installers");
        assertThat(job.isObject()).as("jobs.installers in %s", WORKFLOW).isTrue();
        return job;
    }
}
