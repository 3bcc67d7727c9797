package io.releasepilot.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow as {@code status} sees it: the plan mail first, the branch before the source, the
 * announcement 24 hours after publishing, the next version last, and a waiting step with its time left.
 */
class FlowStatusTest {
    static final Instant NOW = Instant.parse("2026-11-25T14:02:00Z");
    @TempDir
    Path tmp;

    private Workspace ws;

    private RecordService at(Instant now) throws Exception {
        ReleaseStore store = new ReleaseStore(Clock.fixed(now, ZoneOffset.UTC));
        if (ws == null) {
            ws = store.create(tmp.resolve("release"), ProfileValidatorTest.valid());
        }
        return new RecordService(ws, store);
    }

    private static MailOutputs mail(String kind, Instant closes) {
        return new MailOutputs(kind, "<" + kind + "@apache.org>", kind, "jdoe@apache.org",
                List.of("dev@kvrocks.apache.org"), NOW, closes, "mail/" + kind + ".eml", true);
    }

    /** Records every step up to the vote mail, with the notes and the archive on disk as the steps leave them. */
    private void upToTheVote(RecordService records) throws Exception {
        Path notes = ws.dir().resolve("notes/RELEASE-NOTES-2.4.0.md");
        Files.createDirectories(notes.getParent());
        Files.writeString(notes, "## Fixes\n");
        Path archive = ws.dir().resolve("artifacts/2.4.0-rc1/apache-kvrocks-2.4.0-src.tar.gz");
        Files.createDirectories(archive.getParent());
        Files.write(archive, new byte[] {1, 2, 3});
        records.done(StepId.PLAN, mail("plan", null));
        records.done(StepId.KEY, new KeyOutputs("AB".repeat(20), "built-in", "Jane"));
        records.done(StepId.KEYS_FILE, new KeysFileOutputs("KEYS", 1, "AB".repeat(20)));
        records.done(StepId.NOTES, new NotesOutputs("notes/RELEASE-NOTES-2.4.0.md", "v2.3.0", "HEAD", 3, List.of("Jane")));
        records.done(StepId.BRANCH, new BranchOutputs("2.4", "c".repeat(40), "main", true));
        records.done(StepId.SOURCE, RecordServiceTest.source(RecordFiles.sha512(archive)));
        records.done(StepId.SIGN, new SignOutputs("AB".repeat(20), "built-in", List.of()));
        records.done(StepId.CHECK, new CheckOutputs(true, "passed", List.of(), "KEYS"));
        records.done(StepId.STAGE, new StageOutputs("https://dist.example/dev/kvrocks/2.4.0-rc1/", 7, List.of()));
        records.done(StepId.VOTE, mail("vote", NOW.plus(Duration.ofHours(72))));
    }

    /** Records every step up to a passed vote and its result mail. */
    private void passedVote(RecordService records) throws Exception {
        upToTheVote(records);
        records.done(StepId.TALLY, new TallyOutputs(true, true, NOW, null, null, List.of(), List.of(), "3 binding +1",
                null));
        records.done(StepId.RESULT, mail("result", null));
    }

    @Test
    void theFlowRunsFromThePlanMailThroughTheBranchToTheNextVersion() {
        assertThat(StepId.flow(false)).extracting(StepId::id).containsExactly("profile", "plan", "key", "keys-file",
                "notes", "branch", "source", "sign", "check", "stage", "vote", "tally", "result", "publish", "prune",
                "announce", "next-version");
        assertThat(StepId.flow(false)).allMatch(StepGuide::available);
        assertThat(StepId.PLAN.perCandidate()).isFalse();
        assertThat(StepId.BRANCH.perCandidate()).isFalse();
    }

    @Test
    void aNewReleaseStartsWithThePlanMail() throws Exception {
        ReleaseStatus status = at(NOW).status();
        assertThat(status.next()).get().extracting(ReleaseStatus.NextAction::step).isEqualTo(StepId.PLAN);
        assertThat(status.next().get().command()).isEqualTo("release-pilot mail plan --dir " + ws.dir() + " --send");
        assertThat(status.next().get().waiting()).isFalse();
    }

    @Test
    void thePlanAndTheBranchAreNotOfferedOnceTheReleaseManagerWentOnWithoutThem() throws Exception {
        RecordService records = at(NOW);
        records.failed(StepId.KEY, "gpg has no secret key");
        assertThat(records.status().next().get().step()).isEqualTo(StepId.KEY);

        records.done(StepId.KEY, new KeyOutputs("AB".repeat(20), "built-in", "Jane"));
        records.done(StepId.KEYS_FILE, new KeysFileOutputs("KEYS", 1, "AB".repeat(20)));
        Files.createDirectories(ws.notesDir());
        Files.writeString(ws.notesDir().resolve("RELEASE-NOTES-2.4.0.md"), "## Fixes\n");
        records.done(StepId.NOTES, new NotesOutputs("notes/RELEASE-NOTES-2.4.0.md", "v2.3.0", "HEAD", 3, List.of("Jane")));
        // Nothing after the branch is recorded: the branch is next, the skipped plan is not.
        assertThat(records.status().next().get().step()).isEqualTo(StepId.BRANCH);
        assertThat(records.status().step(StepId.PLAN).get().status()).isEqualTo(StepState.NOT_STARTED);

        records.done(StepId.SOURCE, RecordServiceTest.source("11"));
        assertThat(records.status().next().get().step()).isEqualTo(StepId.SOURCE);
        assertThat(records.status().next().get().why()).startsWith("apache-kvrocks-2.4.0-src.tar.gz is missing");
    }

    @Test
    void aSecondCandidateDoesNotSendTheReleaseManagerBackToASkippedPlanMail() throws Exception {
        RecordService records = at(NOW);
        records.done(StepId.SOURCE, RecordServiceTest.source("11"));
        records.failed(StepId.VOTE, "The vote was cancelled: a missing LICENSE entry");
        records.nextRc("a missing LICENSE entry");
        ReleaseStatus rc2 = records.status();
        assertThat(rc2.rc()).isEqualTo(2);
        assertThat(rc2.step(StepId.PLAN).get().status()).isEqualTo(StepState.NOT_STARTED);
        assertThat(rc2.next().get().step()).as("the first step not done that is not the skipped plan or branch")
                .isEqualTo(StepId.KEY);
    }

    @Test
    void aVersionChangedAfterTheBranchWasRecordedMakesTheBranchStale() throws Exception {
        RecordService records = at(NOW);
        records.done(StepId.BRANCH, new BranchOutputs("2.4", "c".repeat(40), "main", true));
        ReleaseProfile p = records.load().profile();
        records.saveProfile(new ReleaseProfile(p.projectId(), p.displayName(), p.podling(), "2.5.0", p.rcNumber(),
                p.gitRepository(), p.rcTagPattern(), p.releaseTagPattern(), p.branchPattern(), p.distDevUrl(),
                p.distReleaseUrl(), p.devList(), p.announceList(), p.rmName(), p.rmApacheId(), p.rmEmail(),
                p.signingKeyFingerprint(), p.signingBackend(), p.gnupgHome()));
        StepView branch = records.status().step(StepId.BRANCH).orElseThrow();
        assertThat(branch.status()).isEqualTo(StepState.STALE);
        assertThat(branch.reason()).isEqualTo("The release profile changed after this step (version, branchPattern,"
                + " gitRepository matter here). Do this step again.");
    }

    @Test
    void aWaitingVoteSaysUntilWhenAndHowLongThatIsFromNow() throws Exception {
        RecordService records = at(NOW);
        upToTheVote(records);
        Instant closes = NOW.plus(Duration.ofHours(72));
        records.waiting(StepId.TALLY, closes, null);

        ReleaseStatus later = at(NOW.plus(Duration.ofMinutes(70 * 60 + 50))).status();
        ReleaseStatus.NextAction next = later.next().orElseThrow();
        assertThat(next.step()).isEqualTo(StepId.TALLY);
        assertThat(next.waitingUntil()).isEqualTo(closes);
        assertThat(next.why()).isEqualTo("Waiting until 2026-11-28 14:02 UTC (1 hour 10 minutes from now).");
    }

    @Test
    void theAnnouncementWaits24HoursAfterPublishingAndTheNextVersionMayGoMeanwhile() throws Exception {
        RecordService records = at(NOW);
        passedVote(records);
        records.done(StepId.PUBLISH, new PublishOutputs("https://dist.example/release/kvrocks/2.4.0/", 9, null,
                List.of()));
        records.done(StepId.PRUNE, new PruneOutputs(10, List.of()));

        ReleaseStatus status = at(NOW.plus(Duration.ofHours(3))).status();
        StepView announce = status.step(StepId.ANNOUNCE).orElseThrow();
        assertThat(announce.status()).isEqualTo(StepState.WAITING);
        assertThat(announce.until()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        ReleaseStatus.NextAction next = status.next().orElseThrow();
        assertThat(next.step()).isEqualTo(StepId.ANNOUNCE);
        assertThat(next.why()).isEqualTo("Waiting until 2026-11-26 14:02 UTC (21 hours from now). The release was"
                + " published at 2026-11-25 14:02 UTC; the ASF asks to announce it 24 hours later, once the mirrors"
                + " and downloads.apache.org have it. Meanwhile you can move to the next version: release-pilot"
                + " next-version --dir " + ws.dir());

        ReleaseStatus dayAfter = at(NOW.plus(Duration.ofHours(24))).status();
        assertThat(dayAfter.step(StepId.ANNOUNCE).get().status()).isEqualTo(StepState.NOT_STARTED);
        assertThat(dayAfter.next().get().step()).isEqualTo(StepId.ANNOUNCE);
        assertThat(dayAfter.next().get().why()).isEqualTo("Not done yet.");

        RecordService then = at(NOW.plus(Duration.ofHours(25)));
        then.done(StepId.ANNOUNCE, mail("announce", null));
        ReleaseStatus.NextAction last = then.status().next().orElseThrow();
        assertThat(last.step()).isEqualTo(StepId.NEXT_VERSION);
        assertThat(last.command()).isEqualTo("release-pilot next-version --dir " + ws.dir());

        then.done(StepId.NEXT_VERSION, new NextVersionOutputs(List.of()));
        assertThat(then.status().next()).isEmpty();
    }

    @Test
    void aReleaseFileWithoutThePlanAndBranchStepsStillLoadsAndSaysWhereItStands() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(dir.resolve("release.json"), """
                { "schemaVersion": 2,
                  "profile": { "projectId": "kvrocks", "displayName": "Apache Kvrocks", "podling": false,
                               "version": "2.4.0", "rcNumber": 1, "gitRepository": "", "rcTagPattern": "v{version}-rc{rc}",
                               "releaseTagPattern": "v{version}", "branchPattern": "{major}.{minor}",
                               "distDevUrl": "https://dist.apache.org/repos/dist/dev/kvrocks/",
                               "distReleaseUrl": "https://dist.apache.org/repos/dist/release/kvrocks/",
                               "devList": "dev@kvrocks.apache.org", "announceList": "announce@apache.org",
                               "rmName": "Jane Doe", "rmApacheId": "jdoe", "rmEmail": "jdoe@apache.org",
                               "signingKeyFingerprint": "", "signingBackend": "built-in", "gnupgHome": "" },
                  "candidates": [ { "rc": 1, "startedAt": "2026-11-20T10:00:00Z", "steps": {
                      "profile": { "status": "DONE", "at": "2026-11-20T10:00:00Z" },
                      "notes": { "status": "DONE", "at": "2026-11-20T11:00:00Z",
                                 "outputs": { "from": "v2.3.0", "to": "HEAD", "file": "notes/n.md",
                                              "commits": 3, "contributors": [ "Jane" ] } } } } ],
                  "settings": { } }
                """);
        RecordService records = new RecordService(new Workspace(dir), new ReleaseStore(Clock.fixed(NOW,
                ZoneOffset.UTC)));
        ReleaseStatus status = records.status();
        assertThat(status.step(StepId.PLAN).get().status()).isEqualTo(StepState.NOT_STARTED);
        assertThat(status.step(StepId.BRANCH).get().status()).isEqualTo(StepState.NOT_STARTED);
        assertThat(status.next().get().step()).isEqualTo(StepId.KEY);

        records.done(StepId.PLAN, mail("plan", null));
        assertThat(records.load().step(StepId.PLAN).outputs(MailOutputs.class).kind()).isEqualTo("plan");
        assertThat(records.load().step(StepId.NOTES).status()).isEqualTo(StepState.DONE);
    }

    @Test
    void remainingTimeReadsInWords() {
        assertThat(RecordEvaluator.remaining(NOW, NOW.plus(Duration.ofHours(51)))).isEqualTo("2 days 3 hours");
        assertThat(RecordEvaluator.remaining(NOW, NOW.plus(Duration.ofHours(48)))).isEqualTo("2 days");
        assertThat(RecordEvaluator.remaining(NOW, NOW.plus(Duration.ofMinutes(61)))).isEqualTo("1 hour 1 minute");
        assertThat(RecordEvaluator.remaining(NOW, NOW.plus(Duration.ofMinutes(12)))).isEqualTo("12 minutes");
        assertThat(RecordEvaluator.remaining(NOW, NOW.plusSeconds(30))).isEqualTo("less than a minute");
        assertThat(RecordEvaluator.remaining(NOW, NOW.minusSeconds(30))).isEqualTo("0 minutes");
    }
}
