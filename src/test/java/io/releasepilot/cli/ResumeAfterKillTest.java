package io.releasepilot.cli;

import io.releasepilot.core.FileLocks;
import io.releasepilot.testing.CliProcess;
import io.releasepilot.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Release Pilot killed in the middle of a step leaves the release where it was: status says the same, and
 * running the step again finishes it.
 */
class ResumeAfterKillTest {
    @TempDir
    Path tmp;

    private static CliRun ok(String... args) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).as("%s%n%s", run.out(), run.err()).isZero();
        return run;
    }

    @Test
    void aBranchStepKilledBeforeItWasRecordedIsFinishedByRunningItAgain() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("demo"));
        String head = repo.write("README.md", "demo\n").commit("First");
        Path dir = tmp.resolve("release");
        ok("profile", "init", "--dir", dir.toString(), "--project", "demo", "--version", "3.1.0", "--repo",
                repo.dir().toString(), "--name", "Jane Doe", "--apache-id", "jdoe", "--email", "jdoe@apache.org");
        ok("timeline", "--dir", dir.toString(), "--rc-date", "2099-12-01");
        String before = ok("status", "--dir", dir.toString(), "--json").out();
        byte[] record = Files.readAllBytes(dir.resolve("release.json"));

        // The step creates the branch, then waits to record it (this test holds release.json's lock): killed there.
        FileLocks.withLock(dir.resolve("release.json"), null, () -> {
            Process child = CliProcess.start(tmp, List.of(), "branch", "--dir", dir.toString());
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = err.readLine();
                } while (line != null && !line.startsWith("Waiting for another Release Pilot"));
                assertThat(line).as("the branch step waits for the lock").isNotNull();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            return null;
        });

        assertThat(Files.readAllBytes(dir.resolve("release.json"))).isEqualTo(record);
        assertThat(ok("status", "--dir", dir.toString(), "--json").out()).isEqualTo(before);
        assertThat(repo.git("rev-parse", "refs/heads/3.1")).isEqualTo(head);

        // Run again: the branch it made is where main is, so it is used and recorded.
        CliRun again = ok("branch", "--dir", dir.toString());
        assertThat(again.out()).startsWith("The branch 3.1 already exists at " + head.substring(0, 12)
                + ", where main is: it is used as it is; nothing is created.\nRecorded 3.1 at " + head);
        assertThat(ok("status", "--dir", dir.toString()).out()).containsPattern("branch +done");
    }
}
