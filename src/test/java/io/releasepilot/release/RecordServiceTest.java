package io.releasepilot.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the release record keeps each candidate's steps, what waits, and what a podling adds. */
class RecordServiceTest {
    static final Instant NOW = Instant.parse("2026-11-25T14:02:00Z");
    @TempDir
    Path tmp;

    RecordService records() throws Exception {
        ReleaseStore store = new ReleaseStore(Clock.fixed(NOW, ZoneOffset.UTC));
        Workspace ws = store.create(tmp.resolve("release"), ProfileValidatorTest.valid());
        return new RecordService(ws, store);
    }

    static SourceOutputs source(String sha) {
        return new SourceOutputs("v2.4.0-rc1", "a".repeat(40), "artifacts/2.4.0-rc1",
                List.of(new ArtifactRecord("apache-kvrocks-2.4.0-src.tar.gz", 10, sha)));
    }

    static StepView view(ReleaseRecord r, StepId step) {
        return RecordEvaluator.evaluate(r, null).stream().filter(v -> v.step() == step).findFirst().orElseThrow();
    }

    @Test
    void changingTheRcNumberSwitchesToThatCandidatesOwnRecord() throws Exception {
        RecordService records = records();
        records.done(StepId.SOURCE, source("11"));
        ReleaseProfile rc2 = records.load().profile().withRcNumber(2);

        ReleaseRecord second = records.saveProfile(rc2);
        assertThat(second.step(StepId.SOURCE).status()).isEqualTo(StepState.NOT_STARTED);
        assertThat(second.step(StepId.PROFILE).status()).isEqualTo(StepState.DONE);

        ReleaseRecord first = records.saveProfile(rc2.withRcNumber(1));
        assertThat(first.step(StepId.SOURCE).status()).isEqualTo(StepState.DONE);
        assertThat(first.candidates()).extracting(RcRecord::rc).containsExactly(1, 2);
    }

    @Test
    void aWaitingStepKeepsItsDeadlineAcrossSessions() throws Exception {
        RecordService records = records();
        Instant closes = NOW.plusSeconds(72 * 3600);
        records.done(StepId.KEY, new KeyOutputs("AB".repeat(20), "built-in", "Jane"));
        records.done(StepId.SOURCE, source("11"));
        records.done(StepId.SIGN, new SignOutputs("AB".repeat(20), "built-in", List.of()));
        records.done(StepId.STAGE, new StageOutputs("https://dist.example/dev/kvrocks/2.4.0-rc1/", 7, List.of()));
        records.done(StepId.VOTE, new MailOutputs("vote", "<vote@apache.org>", "[VOTE] Release Apache Kvrocks 2.4.0-rc1",
                "jdoe@apache.org", List.of("dev@kvrocks.apache.org"), NOW, closes, "mail/vote.eml", true));
        records.waiting(StepId.TALLY, closes, null);

        StepView tally = view(new RecordService(records.workspace()).load(), StepId.TALLY);
        assertThat(tally.status()).as(tally.reason()).isEqualTo(StepState.WAITING);
        assertThat(tally.until()).isEqualTo(closes);
        assertThat(RecordEvaluator.time(tally.until())).isEqualTo("2026-11-28 14:02 UTC");
    }

    @Test
    void aRebuiltArchiveMakesTheSignatureStaleAndAnIdenticalRebuildDoesNot() throws Exception {
        RecordService records = records();
        records.done(StepId.KEY, new KeyOutputs("AB".repeat(20), "built-in", "Jane"));
        records.done(StepId.SOURCE, source("11"));
        records.done(StepId.SIGN, new SignOutputs("AB".repeat(20), "built-in", List.of()));

        records.done(StepId.SOURCE, source("11"));
        assertThat(view(records.load(), StepId.SIGN).status()).isEqualTo(StepState.DONE);

        records.done(StepId.SOURCE, source("22"));
        StepView sign = view(records.load(), StepId.SIGN);
        assertThat(sign.status()).isEqualTo(StepState.STALE);
        assertThat(sign.reason()).isEqualTo("The archive was rebuilt at 2026-11-25 14:02 UTC; its signatures no"
                + " longer match it. Sign again.");
    }

    @Test
    void aFailedStepKeepsItsMessageAndIsOfferedNext() throws Exception {
        RecordService records = records();
        records.failed(StepId.KEY, "gpg has no secret key");
        ReleaseStatus status = records.status();
        assertThat(status.next()).isPresent();
        assertThat(status.next().get().step()).isEqualTo(StepId.KEY);
        assertThat(status.next().get().why()).isEqualTo("The last try failed: gpg has no secret key");
    }

    @Test
    void aPodlingHasTheIncubatorRoundAfterTheResultAndItsPublishWaitsForIt() {
        assertThat(StepId.flow(false)).extracting(StepId::id).containsExactly("profile", "plan", "key", "keys-file",
                "notes", "branch", "source", "sign", "check", "stage", "vote", "tally", "result", "publish", "prune", "announce",
                "next-version");
        assertThat(StepId.flow(true)).extracting(StepId::id).containsSubsequence("result", "ipmc-vote",
                "ipmc-tally", "ipmc-result", "publish");
        assertThat(StepId.PUBLISH.allPrerequisites(true)).contains(StepId.IPMC_TALLY, StepId.TALLY, StepId.SIGN);
        assertThat(StepId.PUBLISH.allPrerequisites(false)).doesNotContain(StepId.IPMC_TALLY);
    }
}
