package io.releasepilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code timeline --dir D}: set the RC date, print the dated rows, add and remove rows of one's own. */
class TimelineCommandTest {
    @TempDir
    Path tmp;

    private static CliRun ok(String... args) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).as("%s%n%s", run.out(), run.err()).isZero();
        return run;
    }

    private Path release() {
        Path dir = tmp.resolve("release");
        ok("profile", "init", "--dir", dir.toString(), "--project", "kvrocks", "--version", "2.4.0", "--name",
                "Jane Doe", "--apache-id", "jdoe", "--email", "jdoe@apache.org");
        return dir;
    }

    @Test
    void theTimelinePrintsEachStepOnItsDayAndKeepsTheRowsYouAdd() throws Exception {
        Path dir = release();
        assertThat(ok("timeline", "--dir", dir.toString()).out()).contains("Apache Kvrocks 2.4.0: no RC date planned"
                + " yet", "Set it: release-pilot timeline --dir " + dir + " --rc-date YYYY-MM-DD");

        CliRun set = ok("timeline", "--dir", dir.toString(), "--rc-date", "2099-12-01", "--add", "2099-12-03",
                "Ask infra about the download page");
        assertThat(set.out()).contains("Apache Kvrocks 2.4.0: RC 1 planned for 2099-12-01",
                "  #  date        day    state    what\n",
                "  1  2099-11-17  T-14   to do    Send the release plan to dev@kvrocks.apache.org (branch, RC date,"
                        + " vote window, last day for changes)\n",
                "  4  2099-11-24  T-7    to do    Cut the release branch 2.4; last day to get changes into it\n",
                " 10  2099-12-01  T      to do    Send the [VOTE] mail to dev@kvrocks.apache.org\n",
                " 11  2099-12-03  T+2    to do    Ask infra about the download page  (yours)\n",
                " 17  2099-12-05  T+4    to do    Move the branch and the main line to the next version\n");

        JsonNode json = Json.mapper().readTree(ok("timeline", "--dir", dir.toString(), "--json").out());
        assertThat(json.get("rcDate").asText()).isEqualTo("2099-12-01");
        assertThat(json.get("rows")).hasSize(17);
        assertThat(json.at("/rows/0/step").asText()).isEqualTo("plan");
        assertThat(json.at("/rows/0/command").asText()).isEqualTo("release-pilot mail plan --dir " + dir + " --send");
        assertThat(json.at("/rows/10/added").asBoolean()).isTrue();

        CliRun refused = CliRun.run("timeline", "--dir", dir.toString(), "--remove", "1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Row 1 (\"Send the release plan", "is a step of the release; it cannot be"
                + " removed.");
        CliRun badDate = CliRun.run("timeline", "--dir", dir.toString(), "--rc-date", "1 December");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("--rc-date 1 December: not a date.", "YYYY-MM-DD");

        assertThat(ok("timeline", "--dir", dir.toString(), "--remove", "11").out()).doesNotContain("Ask infra");
        assertThat(Json.mapper().readTree(ok("timeline", "--dir", dir.toString(), "--json").out()).get("rows"))
                .hasSize(16);
    }
}
