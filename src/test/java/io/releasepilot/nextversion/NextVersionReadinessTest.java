package io.releasepilot.nextversion;

import io.releasepilot.release.PublishOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StepId;
import io.releasepilot.release.TallyOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The next version waits for a passed vote: before that, a failed vote would leave the branch a number ahead. */
class NextVersionReadinessTest {
    static final Instant NOW = Instant.parse("2026-11-25T14:02:00Z");
    @TempDir
    Path tmp;

    private RecordService records(boolean podling) throws Exception {
        ReleaseStore store = new ReleaseStore(Clock.fixed(NOW, ZoneOffset.UTC));
        ReleaseProfile p = ReleaseProfile.withDefaults(podling ? "teaclave" : "kvrocks", podling, "2.4.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org");
        return new RecordService(store.create(tmp.resolve("release"), p), store);
    }

    private static TallyOutputs tally(boolean passed, String reason) {
        return new TallyOutputs(passed, true, NOW, new TallyOutputs.Counts(3, 0, 0), new TallyOutputs.Counts(0, 0, 0),
                List.of(), List.of(), reason, null);
    }

    private NextVersionService.Readiness readiness(RecordService records) throws Exception {
        return NextVersionService.readiness(records.load(), records.workspace().dir());
    }

    @Test
    void beforeTheVoteIsCountedTheNextVersionIsRefusedWithTheWayOn() throws Exception {
        RecordService records = records(false);
        NextVersionService.Readiness r = readiness(records);
        assertThat(r.allowed()).isFalse();
        assertThat(r.message()).isEqualTo("The vote on 2.4.0 RC 1 has not been counted yet. If it fails, the next RC"
                + " keeps 2.4.0, and the branch would already name the version after it.");
        assertThat(r.fix()).isEqualTo("Move to the next version once the vote passed (release-pilot status --dir "
                + records.workspace().dir() + " says where it stands); give --force if your project moves its lines"
                + " earlier (e.g. right after the branch cut).");
    }

    @Test
    void anOpenOrFailedVoteIsRefusedAndSaysWhich() throws Exception {
        RecordService records = records(false);
        records.waiting(StepId.TALLY, NOW.plusSeconds(3600), null);
        assertThat(readiness(records).message()).startsWith("The vote on 2.4.0 RC 1 is still open (until 2026-11-25"
                + " 15:02 UTC).");
        records.done(StepId.TALLY, tally(false, "only 2 binding +1"));
        assertThat(readiness(records).allowed()).isFalse();
        assertThat(readiness(records).message()).startsWith("The vote on 2.4.0 RC 1 did not pass (only 2 binding"
                + " +1).");
    }

    @Test
    void aPassedVoteAllowsItWithANoteAndAPublishedReleaseWithout() throws Exception {
        RecordService records = records(false);
        records.done(StepId.TALLY, tally(true, "3 binding +1"));
        NextVersionService.Readiness passed = readiness(records);
        assertThat(passed.allowed()).isTrue();
        assertThat(passed.message()).isEqualTo("The vote passed; publishing is still to do (release-pilot dist"
                + " publish --dir " + records.workspace().dir() + "). The version number is final, so the next"
                + " version may go now.");
        records.done(StepId.PUBLISH, new PublishOutputs("https://dist.example/release/kvrocks/2.4.0/", 9, null,
                List.of()));
        assertThat(readiness(records)).isEqualTo(new NextVersionService.Readiness(true, null, null));
    }

    @Test
    void aPodlingWaitsForTheIncubatorVote() throws Exception {
        RecordService records = records(true);
        records.done(StepId.TALLY, tally(true, "3 binding +1"));
        assertThat(readiness(records).allowed()).isFalse();
        assertThat(readiness(records).message()).startsWith("The Incubator vote on 2.4.0 RC 1 has not been counted"
                + " yet.");
        records.done(StepId.IPMC_TALLY, tally(true, "3 binding +1 from the IPMC"));
        assertThat(readiness(records).allowed()).isTrue();
    }
}
