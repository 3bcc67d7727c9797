package io.releasepilot.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseStatus;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TimelineService;
import io.releasepilot.release.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The release plan is the first step of the flow: filled from the timeline, recorded when saved and when sent. */
class PlanMailTest {
    private static final String PASSWORD = "pl4n-Secret-1";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("jdoe@apache.org", "jdoe", PASSWORD))
            .withPerMethodLifecycle(true);

    @TempDir
    Path tmp;
    private final Clock clock = Clock.fixed(MailFixtures.SENT, ZoneOffset.UTC);

    @Test
    void thePlanTakesItsDatesFromTheTimelineAndIsRecordedAsThePlanStep() throws Exception {
        Workspace ws = new ReleaseStore(clock).create(tmp.resolve("release"), MailFixtures.profile(false));
        RecordService records = new RecordService(ws, new ReleaseStore(clock));
        new TimelineService(records, clock).setRcDate(LocalDate.parse("2026-12-10"));
        ReleaseMails mails = new ReleaseMails(ws, clock, new SmtpSender(null, clock));
        Map<MailInput, String> notesUrl = Map.of(MailInput.DRAFT_NOTES_URL, "https://github.com/apache/kvrocks/pull/9");

        MailDraft draft = mails.compose(MailKind.PLAN, notesUrl, null);
        assertThat(draft.ready()).as(draft.problemsText()).isTrue();
        assertThat(draft.body()).contains("- First release candidate (RC 1): 2026-12-10",
                "- Cherry-pick deadline: 2026-12-03 (changes for this feature release must be on the branch by then)");

        mails.save(draft, notesUrl);
        MailOutputs saved = records.load().outputs(StepId.PLAN, MailOutputs.class);
        assertThat(saved.kind()).isEqualTo("plan");
        assertThat(saved.sent()).isFalse();
        assertThat(records.load().step(StepId.PLAN).status()).isEqualTo(StepState.DONE);
        ReleaseStatus status = records.status();
        assertThat(status.next().get().step()).isEqualTo(StepId.KEY);

        SmtpSettings smtp = SmtpSettings.parse("127.0.0.1:" + GREEN_MAIL.getSmtp().getPort(), "none", "jdoe");
        mails.composeAndSend(MailKind.PLAN, notesUrl, null, smtp, PASSWORD.toCharArray());
        MailOutputs sent = records.load().outputs(StepId.PLAN, MailOutputs.class);
        assertThat(sent.sent()).isTrue();
        assertThat(sent.sentAt()).isEqualTo(MailFixtures.SENT);
        assertThat(sent.to()).containsExactly("dev@kvrocks.apache.org");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(GREEN_MAIL.getReceivedMessages()[0].getSubject())
                .isEqualTo("[DISCUSS] Release plan for Apache Kvrocks 2.4.0");
    }
}
