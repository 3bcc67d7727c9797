package io.releasepilot.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class VoteCommandTest {
    static final Path VOTE = Path.of("src/test/resources/io/releasepilot/vote");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @Test
    void tallyPrintsTheJsonShapeAndExitsZeroWhenPassed() {
        CliRun run = CliRun.run("vote", "tally", "--mbox", VOTE.resolve("foo-rc1.mbox").toString(), "--committee-info",
                VOTE.resolve("committee-info.json").toString(), "--committee", "foo", "--now", "2026-11-20T00:00:00Z",
                "--alias", "zoe.mueller@gmail.com=zoe", "--json");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("""
                {
                  "passed" : true,
                  "canClose" : true,
                  "closesAt" : "2026-11-19T10:00:00Z",
                  "binding" : {
                    "plus" : 6,
                    "zero" : 0,
                    "minus" : 0
                  },
                  "nonBinding" : {
                    "plus" : 2,
                    "zero" : 0,
                    "minus" : 0
                  },
                  "voters" : [ {
                    "name" : "Jane Release",
                    "email" : "jrelease@apache.org",
                    "vote" : "+1",
                    "binding" : true,
                    "line" : "I'll start with my own +1 (binding).",
                    "date" : "2026-11-16T10:00:00Z"
                  }, {
                    "name" : "Zoë Müller",
                    "email" : "zoe.mueller@gmail.com",
                    "vote" : "+1",
                    "binding" : true,
                """);
        assertThat(run.out()).contains("""
                  "flagged" : [ {
                    "email" : "erin@apache.org",
                    "reason" : "+1 about something else, not clearly a vote on the release",
                    "line" : "+1 to what Carol said about the docs, we should improve them after the"
                  }, {
                """);
    }

    @Test
    void aVoteThatCannotCloseYetExitsOne() {
        CliRun run = CliRun.run("vote", "tally", "--eml", VOTE.resolve("foo-rc1").toString(), "--roster",
                VOTE.resolve("roster.txt").toString(), "--vote-id", "CAJ-call-foo-120-rc1@mail.gmail.com",
                "--now", "2026-11-16T20:00:00+01:00");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Cannot close yet, closes at 2026-11-19 10:00 UTC (72 hours after the VOTE mail).")
                .contains("Bob Binding <bob@apache.org>").doesNotContain("Carol Apple");
    }

    @Test
    void aPonyMailFolderWithTooFewBindingVotesExitsOne() {
        CliRun run = CliRun.run("vote", "tally", "--ponymail", VOTE.resolve("ponymail").toString(), "--roster",
                VOTE.resolve("roster.txt").toString(), "--now", "2026-11-20T00:00:00Z");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Not passed: 0 binding +1, at least 3 are needed.");
    }

    @Test
    void badInputExitsTwoWithAPlainMessage() {
        CliRun noRoster = CliRun.run("vote", "tally", "--mbox", VOTE.resolve("foo-rc1.mbox").toString());
        assertThat(noRoster.exitCode()).isEqualTo(2);
        assertThat(noRoster.err()).startsWith("Error: No roster: who votes binding is unknown.");

        CliRun badNow = CliRun.run("vote", "tally", "--mbox", VOTE.resolve("foo-rc1.mbox").toString(), "--roster",
                VOTE.resolve("roster.txt").toString(), "--now", "tomorrow");
        assertThat(badNow.exitCode()).isEqualTo(2);
        assertThat(badNow.err()).startsWith("Error: --now \"tomorrow\" is not an ISO-8601 time.");

        CliRun twoSources = CliRun.run("vote", "tally", "--mbox", "a", "--eml", "b", "--roster", "r");
        assertThat(twoSources.exitCode()).isEqualTo(2);
        assertThat(CliRun.run("vote", "tally", "--help").exitCode()).isZero();
    }

    @Test
    void imapPasswordComesFromAFileAndAppearsNowhere(@TempDir Path tmp) throws Exception {
        MAIL.setUser("jane@example.org", "jane", "Imap-Pa55-xyz");
        try (Stream<Path> files = Files.list(VOTE.resolve("foo-rc1"))) {
            for (Path p : files.sorted().toList()) {
                MAIL.getUserManager().getUser("jane").deliver(GreenMailUtil.newMimeMessage(Files.newInputStream(p)));
            }
        }
        Path pw = Files.writeString(tmp.resolve("pw"), "Imap-Pa55-xyz\n");
        Path release = tmp.resolve("release");
        new io.releasepilot.release.ReleaseStore().create(release,
                io.releasepilot.release.ReleaseProfile.withDefaults("foo", false, "1.2.0"));
        CliRun run = CliRun.run("vote", "tally", "--imap", "imap://jane@127.0.0.1:" + MAIL.getImap().getPort() + "/INBOX",
                "--password-file", pw.toString(), "--roster", VOTE.resolve("roster.txt").toString(), "--now",
                "2026-11-20T00:00:00Z", "--json", "--dir", release.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("Imap-Pa55-xyz");
        try (Stream<Path> written = Files.walk(release)) {
            for (Path f : written.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("Imap-Pa55-xyz");
            }
        }
        assertThat(Files.readString(release.resolve("release.json"))).contains("imap://jane@127.0.0.1:");
    }
}
