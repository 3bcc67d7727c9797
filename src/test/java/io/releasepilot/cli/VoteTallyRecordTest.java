package io.releasepilot.cli;

import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.release.Workspace;
import io.releasepilot.vote.FlagDecision;
import io.releasepilot.vote.TallySettings;
import io.releasepilot.vote.VoteValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** vote tally --dir: the VOTE's Message-ID from the record, the count recorded, aliases and decisions remembered. */
class VoteTallyRecordTest {
    static final Path VOTE = VoteCommandTest.VOTE;
    @TempDir
    Path tmp;
    Path release;
    Path thread;

    @BeforeEach
    void releaseWithASentVote() throws Exception {
        release = tmp.resolve("foo-1.2.0");
        Workspace ws = new ReleaseStore().create(release, ReleaseProfile.withDefaults("foo", false, "1.2.0")
                .withReleaseManager("Jane Release", "jrelease", "jrelease@apache.org"));
        new RecordService(ws).done(StepId.VOTE, new MailOutputs("vote", "<CAJ-call-foo-120-rc1@mail.gmail.com>",
                "[VOTE] Release Apache Foo 1.2.0 RC1", "jrelease@apache.org", List.of("dev@foo.apache.org"),
                Instant.parse("2026-11-16T10:00:00Z"), Instant.parse("2026-11-19T10:00:00Z"), "mail/vote.eml", true));
        thread = Files.createDirectories(tmp.resolve("thread"));
        try (Stream<Path> files = Files.list(VOTE.resolve("foo-rc1"))) {
            for (Path p : files.toList()) {
                Files.copy(p, thread.resolve(p.getFileName()));
            }
        }
        Files.writeString(thread.resolve("30-other-call.eml"), """
                Message-ID: <bar-call@x>
                Date: Tue, 17 Nov 2026 10:00:00 +0000
                From: Someone Else <else@apache.org>
                Subject: [VOTE] Release Apache Foo Site 7

                Please vote.
                """);
    }

    ReleaseRecord record() throws Exception {
        return new RecordService(new Workspace(release)).load();
    }

    @Test
    void theVoteIdComesFromTheRecordAndAnOpenVoteIsRecordedAsWaiting() throws Exception {
        CliRun without = CliRun.run("vote", "tally", "--eml", thread.toString(), "--roster",
                VOTE.resolve("roster.txt").toString(), "--now", "2026-11-18T00:00:00Z");
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).contains("There are 2 [VOTE] mails");

        CliRun run = CliRun.run("vote", "tally", "--eml", thread.toString(), "--roster",
                VOTE.resolve("roster.txt").toString(), "--now", "2026-11-18T00:00:00Z", "--dir", release.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(record().step(StepId.TALLY).status()).isEqualTo(StepState.WAITING);
        assertThat(record().step(StepId.TALLY).until()).isEqualTo(Instant.parse("2026-11-19T10:00:00Z"));
        assertThat(record().step(StepId.TALLY).outputs(TallyOutputs.class).canClose()).isFalse();
    }

    @Test
    void aClosedVoteIsRecordedDoneWithAliasesAndTheRmsDecisionRemembered() throws Exception {
        CliRun run = CliRun.run("vote", "tally", "--eml", thread.toString(), "--roster",
                VOTE.resolve("roster.txt").toString(), "--now", "2026-11-20T00:00:00Z", "--dir", release.toString(),
                "--alias", "Zoe.Mueller@gmail.com=zoe", "--decide", "<CACond-frank-1@mail.gmail.com>=+1",
                "--why", "Frank's key is in KEYS since 18 Nov");
        assertThat(run.exitCode()).as(run.err()).isZero();

        TallyOutputs out = record().step(StepId.TALLY).outputs(TallyOutputs.class);
        assertThat(record().step(StepId.TALLY).status()).isEqualTo(StepState.DONE);
        assertThat(out.passed()).isTrue();
        assertThat(out.binding()).isEqualTo(new TallyOutputs.Counts(7, 0, 0));
        assertThat(out.voters()).filteredOn(v -> v.email().equals("frank@apache.org")).singleElement()
                .satisfies(v -> assertThat(v.line()).isEqualTo("+1 if the KEYS file gets my new key before the release is published."));
        assertThat(out.flagged()).contains("frank@apache.org: conditional vote: \"+1 if the KEYS file gets my new key"
                + " before the release is published.\" (decided by Jane Release: +1, because Frank's key is in KEYS since 18 Nov)");

        TallySettings remembered = record().settings(StepId.TALLY, TallySettings.class);
        assertThat(remembered.aliases()).isEqualTo(Map.of("zoe.mueller@gmail.com", "zoe"));
        assertThat(remembered.decisions()).containsExactly(new FlagDecision("CACond-frank-1@mail.gmail.com",
                VoteValue.PLUS_ONE, "Jane Release", "Frank's key is in KEYS since 18 Nov", Instant.parse("2026-11-20T00:00:00Z")));

        CliRun again = CliRun.run("vote", "tally", "--eml", thread.toString(), "--now", "2026-11-20T01:00:00Z",
                "--dir", release.toString(), "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("\"plus\" : 7");
    }
}
