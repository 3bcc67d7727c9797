package io.releasepilot.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.SignOutputs;
import io.releasepilot.release.SourceOutputs;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.release.Workspace;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mails of a release folder: filled from release.json, sent, and recorded there. */
class ReleaseMailsTest {
    private static final String PASSWORD = "rec0rd-Secret-1";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("jdoe@apache.org", "jdoe", PASSWORD))
            .withPerMethodLifecycle(true);

    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(MailFixtures.SENT, ZoneOffset.UTC);

    /** A release whose source, sign and stage steps are recorded as those steps record them. */
    private Workspace release(boolean podling) throws Exception {
        ReleaseProfile p = MailFixtures.profile(podling).withSigningKey(MailFixtures.FPR);
        Workspace ws = new ReleaseStore(clock).create(tmp.resolve("release"), p);
        RecordService records = new RecordService(ws, new ReleaseStore(clock));
        String v = "2.4.0" + (podling ? "-incubating" : "");
        String artifact = "apache-" + p.projectId() + "-" + v + "-src.tar.gz";
        records.done(StepId.SOURCE, new SourceOutputs("v2.4.0-rc1", MailFixtures.COMMIT, "artifacts/" + v + "-rc1",
                List.of(new ArtifactRecord(artifact, 1234, MailFixtures.SHA))));
        records.done(StepId.SIGN, new SignOutputs(MailFixtures.FPR, "built-in", List.of(new SignOutputs.SignedFile(
                artifact, artifact + ".asc", artifact + ".sha512", MailFixtures.SHA))));
        records.done(StepId.KEYS_FILE, new io.releasepilot.release.KeysFileOutputs(
                "https://dist.apache.org/repos/dist/release/" + records.load().profile().projectId() + "/KEYS", 7,
                records.load().profile().signingKeyFingerprint()));
        records.done(StepId.STAGE, new StageOutputs(p.distDevUrl() + v + "-rc1/", 4711,
                List.of(new ArtifactRecord(artifact, 1234, MailFixtures.SHA))));
        Files.createDirectories(ws.notesDir());
        Files.writeString(ws.notesDir().resolve("RELEASE-NOTES-2.4.0.md"), "## Fixes\n- No more crash on start\n");
        return ws;
    }

    private SmtpSettings smtp() throws MailException {
        return SmtpSettings.parse("127.0.0.1:" + GREEN_MAIL.getSmtp().getPort(), "none", "jdoe");
    }

    private static TallyOutputs passedTally(Instant closesAt) {
        return new TallyOutputs(true, true, closesAt, new TallyOutputs.Counts(3, 0, 0), new TallyOutputs.Counts(0, 1, 0),
                List.of(new TallyOutputs.VoterRecord("Alice", "alice@apache.org", "+1", true, "+1", closesAt),
                        new TallyOutputs.VoterRecord("Bob", "bob@apache.org", "+1", true, "+1 (binding)", closesAt),
                        new TallyOutputs.VoterRecord("Carol", "carol@apache.org", "+1", true, "+1", closesAt),
                        new TallyOutputs.VoterRecord("Dan", "dan@example.org", "0", false, "+0", closesAt)),
                List.of(), "3 binding +1, no -1", "https://lists.apache.org/thread/vote1");
    }

    @Test
    void voteIsFilledFromTheRecordSentAndRecordedWithTheTallyWaitingUntilItCloses() throws Exception {
        Workspace ws = release(false);
        ReleaseMails mails = new ReleaseMails(ws, clock, new SmtpSender(null, clock));
        MailDraft vote = mails.compose(MailKind.VOTE, Map.of(), null);
        assertThat(vote.ready()).as(vote.problemsText()).isTrue();
        assertThat(vote.body()).contains("v2.4.0-rc1", MailFixtures.COMMIT,
                "https://dist.apache.org/repos/dist/dev/kvrocks/2.4.0-rc1/", "0123 4567 89AB CDEF 0123  4567",
                "apache-kvrocks-2.4.0-src.tar.gz\n    SHA-512: " + MailFixtures.SHA, "- No more crash on start",
                "until 2026-11-28 02:00 UTC");

        mails.send(vote, smtp(), PASSWORD.toCharArray(), Map.of());

        ReleaseRecord r = new RecordService(ws).load();
        assertThat(r.step(StepId.VOTE).status()).isEqualTo(StepState.DONE);
        MailOutputs out = r.outputs(StepId.VOTE, MailOutputs.class);
        assertThat(out.messageId()).isEqualTo(vote.messageId());
        assertThat(out.sentAt()).isEqualTo(MailFixtures.SENT);
        assertThat(out.closesAt()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(out.sent()).isTrue();
        assertThat(ws.dir().resolve(out.emlFile())).isRegularFile();
        assertThat(r.step(StepId.TALLY).status()).isEqualTo(StepState.WAITING);
        assertThat(r.step(StepId.TALLY).until()).isEqualTo(out.closesAt());
        assertThat(Files.readString(ws.releaseFile())).doesNotContain(PASSWORD)
                .contains("\"smtpHost\" : \"127.0.0.1\"");
        SmtpSenderTest.assertNoPasswordIn(tmp, "");
    }

    @Test
    void resultTakesTheTallyFromTheRecordAndThreadsUnderTheSentVote() throws Exception {
        Workspace ws = release(false);
        ReleaseMails mails = new ReleaseMails(ws, clock, new SmtpSender(null, clock));
        MailDraft vote = mails.compose(MailKind.VOTE, Map.of(), null);
        mails.send(vote, smtp(), PASSWORD.toCharArray(), Map.of());
        new RecordService(ws, new ReleaseStore(clock)).done(StepId.TALLY, passedTally(vote.closesAt()));

        MailDraft result = mails.compose(MailKind.RESULT, Map.of(), null);
        assertThat(result.ready()).as(result.problemsText()).isTrue();
        assertThat(result.inReplyTo()).isEqualTo(vote.messageId());
        assertThat(result.body()).contains("Binding votes: +1: 3, 0: 0, -1: 0\n  +1 Alice\n  +1 Bob\n  +1 Carol",
                "Non-binding votes: +1: 0, 0: 1, -1: 0\n  0 Dan", "https://lists.apache.org/thread/vote1");
        mails.send(result, smtp(), PASSWORD.toCharArray(), Map.of());

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[1].getHeader("In-Reply-To", null)).isEqualTo(received[0].getMessageID());
        assertThat(new RecordService(ws).load().step(StepId.RESULT).status()).isEqualTo(StepState.DONE);
    }

    @Test
    void podlingRoundRecordsTheIpmcVoteAndItsCountWaits() throws Exception {
        Workspace ws = release(true);
        ReleaseMails mails = new ReleaseMails(ws, clock, new SmtpSender(null, clock));
        RecordService records = new RecordService(ws, new ReleaseStore(clock));
        MailDraft vote = mails.compose(MailKind.VOTE, Map.of(), null);
        assertThat(vote.body()).contains("effort undergoing incubation");
        mails.send(vote, smtp(), PASSWORD.toCharArray(), Map.of());
        records.done(StepId.TALLY, passedTally(vote.closesAt()));
        mails.send(mails.compose(MailKind.RESULT, Map.of(), null), smtp(), PASSWORD.toCharArray(), Map.of());

        Map<MailInput, String> links = Map.of(MailInput.DEV_RESULT_THREAD, "https://lists.apache.org/thread/res1");
        MailDraft ipmc = mails.compose(MailKind.IPMC_VOTE, links, null);
        assertThat(ipmc.ready()).as(ipmc.problemsText()).isTrue();
        assertThat(ipmc.body()).contains("https://lists.apache.org/thread/vote1", "https://lists.apache.org/thread/res1");
        mails.send(ipmc, smtp(), PASSWORD.toCharArray(), links);

        ReleaseRecord r = records.load();
        assertThat(r.outputs(StepId.IPMC_VOTE, MailOutputs.class).messageId()).isEqualTo(ipmc.messageId());
        assertThat(r.step(StepId.IPMC_TALLY).status()).isEqualTo(StepState.WAITING);
        assertThat(r.step(StepId.IPMC_TALLY).until()).isEqualTo(ipmc.closesAt());
        assertThat(mails.inputs(Map.of())).containsEntry(MailInput.DEV_RESULT_THREAD,
                "https://lists.apache.org/thread/res1");

        records.done(StepId.IPMC_TALLY, passedTally(ipmc.closesAt()));
        MailDraft ipmcResult = mails.compose(MailKind.IPMC_RESULT, Map.of(), null);
        assertThat(ipmcResult.ready()).as(ipmcResult.problemsText()).isTrue();
        assertThat(ipmcResult.inReplyTo()).isEqualTo(ipmc.messageId());
    }

    @Test
    void aCancelledVoteIsRecordedAsFailedWithTheReason() throws Exception {
        Workspace ws = release(false);
        ReleaseMails mails = new ReleaseMails(ws, clock, new SmtpSender(null, clock));
        mails.save(mails.compose(MailKind.VOTE, Map.of(), null), Map.of());
        Map<MailInput, String> why = Map.of(MailInput.CANCEL_REASON, "the tarball lacks NOTICE",
                MailInput.NEXT_RC_CHANGES, "NOTICE is included");
        MailDraft cancel = mails.compose(MailKind.CANCEL, why, null);
        assertThat(cancel.ready()).as(cancel.problemsText()).isTrue();
        mails.save(cancel, why);
        ReleaseRecord r = new RecordService(ws).load();
        assertThat(r.step(StepId.VOTE).status()).isEqualTo(StepState.FAILED);
        assertThat(r.step(StepId.VOTE).reason()).isEqualTo("The vote was cancelled: the tarball lacks NOTICE");
    }

    @Test
    void theDeadlineCountsFromWhenTheVoteGoesOutNotFromThePreview() throws Exception {
        Workspace ws = release(false);
        Instant[] now = {MailFixtures.SENT};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ReleaseMails mails = new ReleaseMails(ws, moving, new SmtpSender(null, moving));
        MailDraft preview = mails.compose(MailKind.VOTE, Map.of(), null);
        now[0] = MailFixtures.SENT.plus(java.time.Duration.ofMinutes(50));
        ReleaseMails.Sent sent = mails.composeAndSend(MailKind.VOTE, Map.of(), null, smtp(), PASSWORD.toCharArray());
        assertThat(preview.closesAt()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(sent.draft().closesAt()).isEqualTo(Instant.parse("2026-11-28T03:00:00Z"));
        assertThat(sent.draft().body()).contains("until 2026-11-28 03:00 UTC");
        assertThat(GREEN_MAIL.getReceivedMessages()[0].getMessageID()).isEqualTo(sent.draft().messageId());
        assertThat(new RecordService(ws).load().outputs(StepId.VOTE, MailOutputs.class).closesAt())
                .isEqualTo(sent.draft().closesAt());
    }

    @Test
    void aSavedVoteIsRecordedAsNotSentWithItsDeadline() throws Exception {
        Workspace ws = release(false);
        ReleaseMails mails = new ReleaseMails(ws, clock, new SmtpSender(null, clock));
        Path eml = mails.save(mails.compose(MailKind.VOTE, Map.of(), null), Map.of());
        MailOutputs out = new RecordService(ws).load().outputs(StepId.VOTE, MailOutputs.class);
        assertThat(out.sent()).isFalse();
        assertThat(out.sentAt()).isNull();
        assertThat(out.emlFile()).isEqualTo("mail/" + eml.getFileName());
        assertThat(out.closesAt()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
    }
}
