package io.releasepilot.mail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailComposerTest {
    /** A Wednesday; 72 hours later is Saturday 2026-11-28 01:14:30, rounded up to 02:00 UTC. */
    private final MailComposer composer = new MailComposer(Clock.fixed(MailFixtures.SENT, ZoneId.of("Europe/Berlin")));

    private static MimeMessage parse(byte[] eml) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
    }

    @Test
    void voteMailCarriesTagCommitUrlsFingerprintChecksumAndDeadlineInUtc() throws Exception {
        MailDraft d = composer.compose(MailKind.VOTE, MailFixtures.complete(false), null, null);

        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.subject()).isEqualTo("[VOTE] Release Apache Kvrocks 2.4.0-rc1");
        assertThat(d.to()).containsExactly("dev@kvrocks.apache.org");
        assertThat(d.body())
                .contains("  v2.4.0-rc1\n")
                .contains("  " + MailFixtures.COMMIT + "\n")
                .contains("https://dist.apache.org/repos/dist/dev/kvrocks/2.4.0-rc1/")
                .contains("https://dist.apache.org/repos/dist/release/kvrocks/KEYS")
                .contains("0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567")
                .contains("apache-kvrocks-2.4.0-src.tar.gz\n    SHA-512: " + MailFixtures.SHA)
                .contains("until 2026-11-28 02:00 UTC (a Saturday: many voters are away")
                .contains("[ ] Download links are valid.").contains("[ ] All tests pass.")
                .contains("- Faster replication")
                .doesNotContain("${").doesNotContain("incubation");
        assertThat(d.closesAt()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(Duration.between(d.date(), d.closesAt())).isGreaterThanOrEqualTo(Duration.ofHours(72));
        assertThat(d.messageId()).matches("<release-pilot\\.[0-9a-f]{32}@apache\\.org>");
    }

    @Test
    void deadlineIsTheSameInAnyDefaultTimeZone() throws Exception {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            MailDraft d = composer.compose(MailKind.VOTE, MailFixtures.complete(false), null, null);
            assertThat(d.body()).contains("until 2026-11-28 02:00 UTC");
            MimeMessage m = parse(MailFiles.emlBytes(d));
            assertThat(m.getSentDate().toInstant()).isEqualTo(MailFixtures.SENT);
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void deadlineOnTheHourStaysAndWeekdaysHaveNoNote() {
        VoteDeadline exact = VoteDeadline.after(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(exact.text()).isEqualTo("2026-11-26 09:00 UTC");
        assertThat(exact.weekendNote()).isEmpty();
        assertThat(VoteDeadline.after(Instant.parse("2026-11-23T09:00:01Z")).text()).isEqualTo("2026-11-26 10:00 UTC");
    }

    @Test
    void resultThreadsUnderTheVoteAndListsBindingVoters() throws Exception {
        MailDraft d = composer.compose(MailKind.RESULT, MailFixtures.complete(false), null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.subject()).isEqualTo("[RESULT][VOTE] Release Apache Kvrocks 2.4.0-rc1");
        assertThat(d.body()).contains("(release candidate 1) passed.")
                .contains("Binding votes: +1: 3, 0: 0, -1: 0\n  +1 Alice Binding\n  +1 Bob Binding\n  +1 Carol Binding")
                .contains("Non-binding votes: +1: 1, 0: 0, -1: 0\n  +1 Dave Contributor")
                .contains("https://lists.apache.org/thread/abc123")
                .contains("It closed at 2026-11-28 02:00 UTC.");

        MimeMessage m = parse(MailFiles.emlBytes(d));
        assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<release-pilot.1@apache.org>");
        assertThat(m.getHeader("References", null)).isEqualTo("<release-pilot.1@apache.org>");
    }

    @Test
    void cancelThreadsUnderTheVoteWithReasonAndNextRc() throws Exception {
        MailDraft d = composer.compose(MailKind.CANCEL, MailFixtures.complete(false), null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.subject()).isEqualTo("[CANCELLED][VOTE] Release Apache Kvrocks 2.4.0-rc1");
        assertThat(d.body()).contains("LICENSE misses the bundled font").contains("Release candidate 2 will change:")
                .contains("LICENSE lists the font");
        assertThat(parse(MailFiles.emlBytes(d)).getHeader("In-Reply-To", null))
                .isEqualTo("<release-pilot.1@apache.org>");
    }

    @Test
    void planOfAFeatureReleaseNeedsTheCherryPickDeadline() throws Exception {
        MailData data = MailFixtures.complete(false);
        MailDraft d = composer.compose(MailKind.PLAN, data, null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.body()).contains("a feature release").contains("Release branch: 2.4 (to be cut from the main line;"
                + " the main line then moves to 2.5.0a1)").contains("Cherry-pick deadline: 2026-11-28")
                .contains("(RC 1): 2026-12-01").contains("https://github.com/apache/kvrocks/pull/1");

        MailDraft without = composer.compose(MailKind.PLAN, data.withInputs(Map.of(MailInput.CHERRY_PICK_DEADLINE, "")),
                null, null);
        assertThat(without.ready()).isFalse();
        assertThat(without.missing()).anySatisfy(m -> assertThat(m).startsWith("cherry-pick deadline — from you"));
    }

    @Test
    void planOfAPatchReleaseHasNoCherryPickLine() throws Exception {
        MailData data = MailFixtures.complete(false);
        MailData patch = new MailData(io.releasepilot.release.ReleaseProfile.withDefaults("kvrocks", false, "2.4.1")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org"), null, null, null, null, null, null, null,
                null, null, null, null, null, Map.of(MailInput.RC_DATE, "2026-12-01",
                MailInput.DRAFT_NOTES_URL, "https://example.org/notes"));
        MailDraft d = composer.compose(MailKind.PLAN, patch, null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.body()).contains("a patch release").contains("Release branch: 2.4 (existing")
                .doesNotContain("Cherry-pick");
    }

    @Test
    void missingValuesNameTheStepTheyComeFromAndKeepTheMailFromBeingSaved(@TempDir Path dir) throws Exception {
        MailDraft d = composer.compose(MailKind.VOTE, MailData.of(MailFixtures.profile(false)), null, null);
        assertThat(d.ready()).isFalse();
        assertThat(d.missing()).contains("commit id — from the Source step (not done yet)",
                "tag — from the Source step (not done yet)",
                "staged RC folder — from the Stage step: the RC folder on dist/dev (not done yet)",
                "signer fingerprint — from the Sign step (not done yet)",
                "artifacts with SHA-512 — from the Source and Sign steps (not done yet)");
        assertThat(d.body()).contains("${commitId}");
        assertThatThrownBy(() -> MailFiles.saveInMailDir(d, dir)).isInstanceOf(MailException.class)
                .hasMessageContaining("not ready").hasMessageContaining("commit id — from the Source step");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void podlingVoteCarriesTheDisclaimerAndIncubatingNames() throws Exception {
        MailDraft d = composer.compose(MailKind.VOTE, MailFixtures.complete(true), null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.subject()).isEqualTo("[VOTE] Release Apache Teaclave 2.4.0-incubating-rc1");
        assertThat(d.body()).contains("Apache Teaclave is an effort undergoing incubation at The Apache Software"
                + " Foundation").contains("apache-teaclave-2.4.0-incubating-src.tar.gz")
                .contains("https://dist.apache.org/repos/dist/dev/incubator/teaclave/2.4.0-incubating-rc1/");
    }

    @Test
    void podlingIpmcVoteLinksTheDevThreadsAndSaysIpmcVotesBind() throws Exception {
        MailDraft d = composer.compose(MailKind.IPMC_VOTE, MailFixtures.complete(true), null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.to()).containsExactly("general@incubator.apache.org");
        assertThat(d.cc()).containsExactly("dev@teaclave.apache.org");
        assertThat(d.body()).contains("https://lists.apache.org/thread/abc123")
                .contains("https://lists.apache.org/thread/res456")
                .contains("The votes of IPMC members are binding.").contains("3 binding +1, 1 non-binding +1, 0 -1")
                .contains(MailFixtures.COMMIT).contains("effort undergoing incubation");
        assertThat(d.closesAt()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
    }

    @Test
    void podlingIpmcResultThreadsUnderTheIpmcVote() throws Exception {
        MailDraft d = composer.compose(MailKind.IPMC_RESULT, MailFixtures.complete(true), null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.inReplyTo()).isEqualTo("<release-pilot.2@apache.org>");
        assertThat(d.body()).contains("Binding votes (IPMC members): +1: 3");
    }

    @Test
    void ipmcMailsAreRefusedForANormalProject() throws Exception {
        MailDraft d = composer.compose(MailKind.IPMC_VOTE, MailFixtures.complete(false), null, null);
        assertThat(d.blockers()).anySatisfy(b -> assertThat(b).contains("only for podlings"));
    }

    @Test
    void announceGoesToAnnounceListWithDownloadPageAfter24Hours() throws Exception {
        MailDraft d = composer.compose(MailKind.ANNOUNCE, MailFixtures.complete(false), null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        assertThat(d.to()).containsExactly("announce@apache.org");
        assertThat(d.cc()).containsExactly("dev@kvrocks.apache.org");
        assertThat(d.subject()).isEqualTo("[ANNOUNCE] Apache Kvrocks 2.4.0 released");
        assertThat(d.body()).contains("https://kvrocks.apache.org/download")
                .contains("A distributed key value NoSQL database.").doesNotContain("dyn/closer");
    }

    @Test
    void announceCarriesTheDesignationTheVoteGave() throws Exception {
        MailData data = MailFixtures.complete(false);
        assertThat(composer.compose(MailKind.ANNOUNCE, data, null, null).body())
                .contains("announce the release of Apache Kvrocks 2.4.0.\n\n");
        MailDraft d = composer.compose(MailKind.ANNOUNCE, data.withInputs(java.util.Map.of(MailInput.DESIGNATION,
                "ga")), null, null);
        assertThat(d.body()).contains("announce the release of Apache Kvrocks 2.4.0. The release vote designated it"
                + " GA.\n\n");
    }

    @Test
    void announceWaits24HoursAfterPublishingUnlessOverridden() throws Exception {
        MailData data = MailFixtures.complete(false);
        MailData fresh = new MailData(data.profile(), data.tag(), data.commitId(), data.artifacts(), data.fingerprint(),
                data.stagedUrl(), data.keysUrl(), data.releaseNotes(), data.devTally(), null, data.devVote(), null,
                MailFixtures.SENT.minus(Duration.ofHours(3)), data.inputs());
        MailDraft early = composer.compose(MailKind.ANNOUNCE, fresh, null, null);
        assertThat(early.ready()).isFalse();
        assertThat(early.blockers()).singleElement().asString().startsWith("Wait until 2026-11-25 22:14 UTC (24 hours"
                + " after publishing): the mirrors");
        assertThat(composer.compose(MailKind.ANNOUNCE, fresh, null, "security fix, mirrors checked").ready()).isTrue();
    }

    @Test
    void announceRefusesADynCloserLink() throws Exception {
        MailData data = MailFixtures.complete(false).withInputs(Map.of(MailInput.DOWNLOAD_PAGE,
                "https://www.apache.org/dyn/closer.lua/kvrocks/2.4.0"));
        MailDraft d = composer.compose(MailKind.ANNOUNCE, data, null, null);
        assertThat(d.missing()).anySatisfy(m -> assertThat(m).contains("not a dyn/closer link"));
    }

    @Test
    void resultOfAThreadReadFromAnArchiveFileTakesTheThreadLinkTheRmGives() throws Exception {
        MailData data = MailFixtures.complete(false);
        VoteTally fromMbox = new VoteTally(true, true, data.devTally().closesAt(), data.devTally().binding(),
                data.devTally().nonBinding(), data.devTally().voters(), null);
        MailData d = new MailData(data.profile(), data.tag(), data.commitId(), data.artifacts(), data.fingerprint(),
                data.stagedUrl(), data.keysUrl(), data.releaseNotes(), fromMbox, null, data.devVote(), null, null,
                data.inputs());
        MailDraft without = composer.compose(MailKind.RESULT, d, null, null);
        assertThat(without.missing()).singleElement().asString().contains("link to the vote thread",
                "--set voteThread=");
        MailDraft with = composer.compose(MailKind.RESULT, d.withInputs(java.util.Map.of(MailInput.VOTE_THREAD,
                "https://lists.apache.org/thread/abc123")), null, null);
        assertThat(with.ready()).isTrue();
        assertThat(with.body()).contains("Vote thread:\n  https://lists.apache.org/thread/abc123\n");
    }

    @Test
    void resultWaitsWhileTheVoteIsOpen() throws Exception {
        MailData data = MailFixtures.complete(false);
        VoteTally open = new VoteTally(false, false, Instant.parse("2026-11-28T02:00:00Z"), data.devTally().binding(),
                data.devTally().nonBinding(), data.devTally().voters(), data.devTally().threadUrl());
        MailData d = new MailData(data.profile(), data.tag(), data.commitId(), data.artifacts(), data.fingerprint(),
                data.stagedUrl(), data.keysUrl(), data.releaseNotes(), open, null, data.devVote(), null, null, data.inputs());
        assertThat(composer.compose(MailKind.RESULT, d, null, null).blockers()).singleElement().asString()
                .isEqualTo("The vote is open until 2026-11-28 02:00 UTC; send the result after it closes.");
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyMailOfAPodlingParsesWithAStandardParser(MailKind kind) throws Exception {
        MailDraft d = composer.compose(kind, MailFixtures.complete(true), null, "test");
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        MimeMessage m = parse(MailFiles.emlBytes(d));
        assertThat(m.getSubject()).isEqualTo(d.subject());
        assertThat(m.getMessageID()).isEqualTo(d.messageId());
        assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("jdoe@apache.org");
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Jane Doe");
        assertThat(m.getRecipients(Message.RecipientType.TO)).isNotEmpty();
        assertThat(m.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(((String) m.getContent()).replace("\r\n", "\n")).isEqualTo(d.body().endsWith("\n") ? d.body()
                : d.body() + "\n");
    }

    @ParameterizedTest
    @EnumSource(value = MailKind.class, names = {"PLAN", "VOTE", "RESULT", "CANCEL", "ANNOUNCE"})
    void everyMailOfANormalProjectIsReadyAndParses(MailKind kind) throws Exception {
        MailDraft d = composer.compose(kind, MailFixtures.complete(false), null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        MimeMessage m = parse(MailFiles.emlBytes(d));
        assertThat(m.getSubject()).isEqualTo(d.subject()).contains("Apache Kvrocks 2.4.0");
        assertThat(m.getHeader("Date", null)).isEqualTo("Wed, 25 Nov 2026 01:14:30 +0000");
        assertThat(d.body()).doesNotContain("${").doesNotContain("incubat");
    }

    @Test
    void theVoteSaysTheKeyIsInKeysOnlyOnceTheKeysStepRecordedIt() throws Exception {
        MailData data = MailFixtures.complete(false);
        MailData before = new MailData(data.profile(), data.tag(), data.commitId(), data.artifacts(),
                data.fingerprint(), data.stagedUrl(), null, data.releaseNotes(), data.devTally(), null, data.devVote(),
                null, null, data.inputs());
        MailDraft draft = composer.compose(MailKind.VOTE, before, null, null);
        assertThat(draft.ready()).isFalse();
        assertThat(draft.missing()).containsExactly(
                "KEYS URL \u2014 from the KEYS step: your key added to the project's KEYS (not done yet)");
    }

    @Test
    void nonAsciiNamesSurviveTheRoundTrip() throws Exception {
        MailData data = MailFixtures.complete(false);
        MailData d = new MailData(data.profile().withReleaseManager("Jürgen Ångström", "jurgen", "jurgen@apache.org"),
                data.tag(), data.commitId(), data.artifacts(), data.fingerprint(), data.stagedUrl(), data.keysUrl(),
                "Ünïcödé notes ✓", data.devTally(), null, data.devVote(), null, null, data.inputs());
        MailDraft draft = composer.compose(MailKind.VOTE, d, null, null);
        byte[] eml = MailFiles.emlBytes(draft);
        assertThat(new String(eml, StandardCharsets.US_ASCII)).doesNotContain("\n\n").contains("\r\n");
        MimeMessage m = parse(eml);
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Jürgen Ångström");
        assertThat((String) m.getContent()).contains("Ünïcödé notes ✓");
    }

    @Test
    void aReleaseTemplateOverridesTheBuiltInOne(@TempDir Path mailDir) throws Exception {
        Files.createDirectories(mailDir.resolve("templates"));
        Files.writeString(mailDir.resolve("templates/vote.txt"), "To: ${devList}\nSubject: [VOTE] ${displayName}"
                + " ${rcLabel} please\n\nCommit ${commitId}; literal $${commitId}; deadline ${voteDeadline}\n");
        MailDraft d = composer.compose(MailKind.VOTE, MailFixtures.complete(false), mailDir, null);
        assertThat(d.subject()).isEqualTo("[VOTE] Apache Kvrocks 2.4.0-rc1 please");
        assertThat(d.body()).isEqualTo("Commit " + MailFixtures.COMMIT + "; literal ${commitId}; deadline"
                + " 2026-11-28 02:00 UTC\n");
        assertThat(d.template()).endsWith("vote.txt").doesNotStartWith("built-in");
    }

    @Test
    void anUnknownPlaceholderInATemplateIsNamed(@TempDir Path mailDir) throws Exception {
        Files.createDirectories(mailDir.resolve("templates"));
        Files.writeString(mailDir.resolve("templates/vote.txt"), "To: ${devList}\nSubject: x\n\n${comitId}\n");
        assertThatThrownBy(() -> composer.compose(MailKind.VOTE, MailFixtures.complete(false), mailDir, null))
                .isInstanceOf(MailException.class).hasMessageContaining("vote.txt uses ${comitId}, which is not a"
                        + " known value");
    }

    @Test
    void aValueHoldingAPlaceholderIsNotExpandedAgain() throws Exception {
        MailData data = MailFixtures.complete(false);
        MailData d = new MailData(data.profile(), data.tag(), data.commitId(), data.artifacts(), data.fingerprint(),
                data.stagedUrl(), data.keysUrl(), "see ${rmEmail} and ${nope}", data.devTally(), null, data.devVote(), null,
                null, data.inputs());
        MailDraft draft = composer.compose(MailKind.VOTE, d, null, null);
        assertThat(draft.ready()).isTrue();
        assertThat(draft.body()).contains("see ${rmEmail} and ${nope}");
    }

    @Test
    void mailtoLinkEncodesEverythingAndFallsBackWhenTooLong() throws Exception {
        MailDraft cancel = composer.compose(MailKind.CANCEL, MailFixtures.complete(false), null, null);
        String uri = Mailto.of(cancel).orElseThrow().toString();
        assertThat(uri).startsWith("mailto:dev@kvrocks.apache.org?subject=%5BCANCELLED%5D%5BVOTE%5D%20Release%20")
                .contains("&In-Reply-To=%3Crelease-pilot.1@apache.org%3E").contains("&body=Hello%20Apache%20Kvrocks")
                .contains("%0D%0A").doesNotContain(" ").doesNotContain("\n");
        MailDraft vote = composer.compose(MailKind.VOTE, MailFixtures.complete(false), null, null);
        assertThat(Mailto.of(vote)).isEmpty();
    }
}
