package io.releasepilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.Json;
import io.releasepilot.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code branch --dir D}: the dry run, the cut, the refusal with its fix, and the RC tag on the branch's tip. */
class BranchCommandTest {
    @TempDir
    Path tmp;

    private static CliRun ok(String... args) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).as("%s%n%s", run.out(), run.err()).isZero();
        return run;
    }

    private Path release(GitFixture repo, String version) {
        Path dir = tmp.resolve("release-" + version);
        ok("profile", "init", "--dir", dir.toString(), "--project", "demo", "--version", version, "--repo",
                repo.dir().toString(), "--name", "Jane Doe", "--apache-id", "jdoe", "--email", "jdoe@apache.org");
        return dir;
    }

    @Test
    void aFeatureReleaseCutsItsBranchAndTheRcTagGoesOnTheBranchNotOnTheMovedMainLine() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("demo"));
        String cut = repo.write("README.md", "demo\n").commit("First");
        Path dir = release(repo, "3.1.0");

        CliRun dry = ok("branch", "--dir", dir.toString(), "--dry-run");
        assertThat(dry.out()).isEqualTo("Cut the release branch 3.1 from main at " + cut.substring(0, 12) + " (a"
                + " feature release, 3.1.0). Your working tree and current branch are not touched; nothing is pushed.\n"
                + "Dry run: nothing was created or recorded.\n");
        assertThat(repo.git("branch", "--list", "3.1")).isEmpty();

        CliRun made = ok("branch", "--dir", dir.toString());
        assertThat(made.out()).contains("Created 3.1 at " + cut + ". Next: release-pilot source tag --dir " + dir);
        JsonNode status = Json.mapper().readTree(ok("status", "--dir", dir.toString(), "--json").out());
        JsonNode branch = status.get("steps").get(5);
        assertThat(branch.get("id").asText()).isEqualTo("branch");
        assertThat(branch.get("status").asText()).isEqualTo("DONE");
        assertThat(branch.at("/outputs/branch").asText()).isEqualTo("3.1");
        assertThat(branch.at("/outputs/commitId").asText()).isEqualTo(cut);

        // The main line moves on; the RC tag still goes on the release branch's tip.
        repo.write("src/late.cc", "int late;\n").commit("After the cut");
        CliRun tag = ok("source", "tag", "--dir", dir.toString());
        assertThat(tag.out()).startsWith("Created annotated tag v3.1.0-rc1 on " + cut + " (the tip of 3.1).");
        assertThat(repo.git("rev-parse", "v3.1.0-rc1^{commit}")).isEqualTo(cut);

        // A recorded branch that is gone is named, with the way on.
        repo.git("branch", "-m", "3.1", "old-3.1");
        ok("rc", "next", "--dir", dir.toString(), "--reason", "test");
        CliRun gone = CliRun.run("source", "tag", "--dir", dir.toString());
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("The release branch 3.1 that the branch step recorded is not in " + repo.dir()
                + "; the tag v3.1.0-rc2 was not created.", "release-pilot branch --dir RELEASE_DIR");
        repo.git("branch", "-m", "old-3.1", "3.1");

        // Run again, the branch is behind main: refused, with the way to use it as it is.
        CliRun again = CliRun.run("branch", "--dir", dir.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("The branch 3.1 already exists at " + cut.substring(0, 12) + ", but main is at",
                "release-pilot branch --dir RELEASE_DIR --from 3.1");
        ok("branch", "--dir", dir.toString(), "--from", "3.1");
    }

    @Test
    void theNextVersionMovesTheLineTheBranchWasCutFromAndWarnsBeforeTheVote() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("demo"));
        repo.git("checkout", "-q", "-b", "develop");
        repo.write("pom.xml", "<project>\n  <version>3.1.0</version>\n</project>\n").commit("3.1.0");
        Path dir = release(repo, "3.1.0");
        ok("branch", "--dir", dir.toString());
        ok("source", "tag", "--dir", dir.toString());

        CliRun dry = ok("next-version", "--dir", dir.toString(), "--dry-run");
        assertThat(dry.out()).contains("3.1: 3.1.0 \u2192 3.1.1 (new branch next-version-3.1.1 from 3.1)",
                "develop: 3.1.0 \u2192 3.2.0a1 (new branch next-version-3.2.0a1 from develop)");
        assertThat(dry.err()).startsWith("Warning: The vote on 3.1.0 RC 1 has not been counted yet.");
    }

    @Test
    void withoutABranchStepTheRcTagGoesOnHeadAsBefore() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("demo"));
        repo.write("README.md", "demo\n").commit("First");
        String head = repo.write("src/a.cc", "int a;\n").commit("Second");
        Path dir = release(repo, "3.1.1");
        assertThat(ok("source", "tag", "--dir", dir.toString()).out())
                .startsWith("Created annotated tag v3.1.1-rc1 on " + head + ". Push it with");
    }

    @Test
    void aPatchReleaseRecordsTheBranchThatExistsAndOffersNoPushWithoutARemote() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("demo"));
        String cut = repo.write("README.md", "demo\n").commit("First");
        repo.git("branch", "3.1");
        Path dir = release(repo, "3.1.1");

        CliRun run = ok("branch", "--dir", dir.toString());
        assertThat(run.out()).isEqualTo("A patch release is made on its branch: use 3.1 at " + cut.substring(0, 12)
                + "; nothing is created.\nRecorded 3.1 at " + cut + ". Next: release-pilot source tag --dir " + dir
                + " (it tags the tip of 3.1).\n");
    }
}
