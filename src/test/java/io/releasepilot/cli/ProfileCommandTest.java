package io.releasepilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile commands, as a release manager types them. */
class ProfileCommandTest {
    @TempDir
    Path tmp;

    @Test
    void initWritesReleaseJsonAndPrintsTheNamesThatFollow() throws Exception {
        Path dir = tmp.resolve("kvrocks-2.4.0");
        CliRun run = CliRun.run("profile", "init", "--home", tmp.resolve("home").toString(), "--dir", dir.toString(),
                "--project", "kvrocks", "--version", "2.4.0", "--name", "Jane Doe", "--apache-id", "jdoe",
                "--email", "jdoe@apache.org");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("apache-kvrocks-2.4.0-src.tar.gz", "v2.4.0-rc1",
                "https://dist.apache.org/repos/dist/dev/kvrocks/2.4.0-rc1/", "feature release: cut branch 2.4");
        JsonNode json = Json.mapper().readTree(dir.resolve("release.json").toFile());
        assertThat(json.at("/profile/rmEmail").asText()).isEqualTo("jdoe@apache.org");
        assertThat(json.at("/profile/devList").asText()).isEqualTo("dev@kvrocks.apache.org");
        assertThat(Files.readString(tmp.resolve("home/settings.json"))).contains(dir.toString());
    }

    @Test
    void initTakesTheDistFoldersOfAProjectWhoseDistAreaIsElsewhere() throws Exception {
        Path dir = tmp.resolve("mirror-1.0.0");
        CliRun run = CliRun.run("profile", "init", "--home", tmp.resolve("home").toString(), "--dir", dir.toString(),
                "--project", "demo", "--version", "1.0.0", "--dist-dev-url", "svn://127.0.0.1:3690/dist/dev/demo/",
                "--dist-release-url", "svn://127.0.0.1:3690/dist/release/demo/");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("svn://127.0.0.1:3690/dist/dev/demo/1.0.0-rc1/");
        JsonNode json = Json.mapper().readTree(dir.resolve("release.json").toFile());
        assertThat(json.at("/profile/distReleaseUrl").asText()).isEqualTo("svn://127.0.0.1:3690/dist/release/demo/");

        CliRun bad = CliRun.run("profile", "init", "--home", tmp.resolve("home").toString(), "--dir",
                tmp.resolve("bad").toString(), "--project", "demo", "--version", "1.0.0", "--dist-release-url",
                "https://dist.apache.org/repos/dist/dev/demo/");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(bad.err()).contains("is on dist.apache.org but not under /dist/release/.");
        assertThat(tmp.resolve("bad/release.json")).doesNotExist();
    }

    @Test
    void theFirstReleaseManagerGivenIsTheDefaultForTheNextRelease() {
        Path home = tmp.resolve("home");
        CliRun first = CliRun.run("profile", "init", "--home", home.toString(), "--dir", tmp.resolve("a").toString(),
                "--project", "kvrocks", "--version", "2.4.0", "--name", "Jane Doe", "--apache-id", "jdoe",
                "--email", "jdoe@apache.org");
        assertThat(first.err()).doesNotContain("Not set");
        CliRun second = CliRun.run("profile", "init", "--home", home.toString(), "--dir", tmp.resolve("b").toString(),
                "--project", "kvrocks", "--version", "2.4.1");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("Not set");
        CliRun show = CliRun.run("profile", "show", "--dir", tmp.resolve("b").toString());
        assertThat(show.out()).contains("Release manager    Jane Doe <jdoe@apache.org> (jdoe)");
    }

    @Test
    void aProfileWithoutTheReleaseManagerSaysWhatIsNotSet() {
        Path dir = tmp.resolve("anon");
        CliRun init = CliRun.run("profile", "init", "--home", tmp.resolve("empty-home").toString(), "--dir",
                dir.toString(), "--project", "kvrocks", "--version", "2.4.0", "--name", "Jane Doe");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.err()).contains("Not set: your email, your Apache id. The mails, the tag and the dist steps"
                + " need them");
        CliRun show = CliRun.run("profile", "show", "--dir", dir.toString());
        assertThat(show.out()).contains("Release manager    Jane Doe (not set: your email, your Apache id)")
                .doesNotContain("<>", "()");
    }

    @Test
    void showPrintsTheProfile() {
        Path dir = tmp.resolve("r");
        CliRun.run("profile", "init", "--home", tmp.toString(), "--dir", dir.toString(), "--project", "hugegraph",
                "--podling", "--version", "1.0.1", "--rc", "2");
        CliRun show = CliRun.run("profile", "show", "--dir", dir.toString());
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("Apache Hugegraph (hugegraph), podling", "1.0.1, RC 2",
                "apache-hugegraph-1.0.1-incubating-src.tar.gz", "patch release on branch 1.0");
        CliRun json = CliRun.run("profile", "show", "--dir", dir.toString(), "--json");
        assertThat(json.out()).contains("\"schemaVersion\" : 2", "\"podling\" : true");
    }

    @Test
    void badInputIsReportedFieldByFieldAndNothingIsWritten() {
        Path dir = tmp.resolve("bad");
        CliRun run = CliRun.run("profile", "init", "--home", tmp.toString(), "--dir", dir.toString(),
                "--project", "Bad Id", "--version", "2.4");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(run.err()).contains("Project id: ", "Version: \"2.4\" is not a version", "Example: 2.4.0");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aMissingReleaseIsAnIoErrorWithTheFolderNamed() {
        CliRun run = CliRun.run("profile", "show", "--dir", tmp.resolve("none").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(run.err()).contains("There is no release.json in").contains("none");
    }

    @Test
    void helpVersionAndUnknownCommands() {
        CliRun help = CliRun.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("release-pilot", "profile", "Exit codes:");
        CliRun version = CliRun.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("release-pilot ");
        CliRun unknown = CliRun.run("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(unknown.err()).contains("frobnicate");
    }
}
