package io.releasepilot.vote;

import io.releasepilot.core.Progress;
import io.releasepilot.mail.inbox.EmlFolderReader;
import io.releasepilot.mail.inbox.InboundMessage;
import io.releasepilot.mail.inbox.MboxReader;
import io.releasepilot.mail.inbox.ReadResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The tally of a whole thread, read the way an RM gets it: the lists.apache.org mbox or saved .eml files. */
class VoteTallyTest {
    static final Path DIR = Path.of("src/test/resources/io/releasepilot/vote");
    static final Instant AFTER_72_HOURS = Instant.parse("2026-11-20T00:00:00Z");

    static ReadResult emls() throws Exception {
        return new EmlFolderReader().read(DIR.resolve("foo-rc1"), Progress.NONE);
    }

    static Roster roster() throws Exception {
        return Roster.readPlain(DIR.resolve("roster.txt"));
    }

    static TallyResult tally(ReadResult read, Map<String, String> aliases, List<FlagDecision> decisions, Instant now)
            throws Exception {
        return Tally.count(read, null, roster(), aliases, decisions, now, List.of());
    }

    @Test
    void tallyCountsEveryMailClientsReplyAndPasses() throws Exception {
        TallyResult r = tally(emls(), Map.of(), List.of(), AFTER_72_HOURS);

        assertThat(r.voters()).extracting(TallyResult.Voter::name, TallyResult.Voter::email, v -> v.vote().text(),
                TallyResult.Voter::binding, TallyResult.Voter::line).containsExactly(
                tuple("Jane Release", "jrelease@apache.org", "+1", true, "I'll start with my own +1 (binding)."),
                tuple("Zoë Müller", "zoe.mueller@gmail.com", "+1", false, "+1 (binding)"),
                tuple("Bob Binding", "bob@apache.org", "+1", true, "+1 (binding)"),
                tuple("Carol Apple", "carol@apache.org", "+1", true, "Checked the signatures and built from source on"
                        + " macOS. All tests pass, so +1 (binding). From my side the release looks good."),
                tuple("Dave Dev", "dave@example.com", "+1", false, "+1 (non-binding)"),
                tuple("Grace Claim", "grace@example.org", "+1", false, "+1 (binding)"),
                tuple("Heidi Sig", "heidi@apache.org", "+1", true, "+1"),
                tuple("Judy Web", "judy@apache.org", "+1", true, "+1 (binding), I checked the source archive against the tag."));
        assertThat(r.binding()).isEqualTo(new TallyResult.Counts(5, 0, 0));
        assertThat(r.nonBinding()).isEqualTo(new TallyResult.Counts(3, 0, 0));
        assertThat(r.passed()).isTrue();
        assertThat(r.canClose()).isTrue();
        assertThat(r.closesAt()).isEqualTo(Instant.parse("2026-11-19T10:00:00Z"));
        assertThat(r.reason()).isEqualTo("Passed with 5 binding +1, 0 binding 0 and 0 binding -1.");
    }

    @Test
    void aBindingVoterWhoChangesMinusOneToPlusOneCountsTheLastVoteAndShowsTheFirst() throws Exception {
        TallyResult.Voter bob = voter(tally(emls(), Map.of(), List.of(), AFTER_72_HOURS), "bob@apache.org");

        assertThat(bob.vote()).isEqualTo(VoteValue.PLUS_ONE);
        assertThat(bob.date()).isEqualTo(Instant.parse("2026-11-17T09:30:00Z"));
        assertThat(bob.earlier()).containsExactly(new TallyResult.EarlierVote(VoteValue.MINUS_ONE, "-1 (binding)",
                Instant.parse("2026-11-16T14:02:11Z")));
    }

    @Test
    void proseConditionalAndUncheckedBindingClaimsAreFlaggedNotCounted() throws Exception {
        TallyResult r = tally(emls(), Map.of(), List.of(), AFTER_72_HOURS);

        assertThat(r.flagged()).extracting(TallyResult.Flag::email, TallyResult.Flag::reason, TallyResult.Flag::line)
                .containsExactly(
                        tuple("erin@apache.org", "+1 about something else, not clearly a vote on the release",
                                "+1 to what Carol said about the docs, we should improve them after the"),
                        tuple("frank@apache.org", "conditional vote",
                                "+1 if the KEYS file gets my new key before the release is published."),
                        tuple("ivan@apache.org", "vote sent after the RM closed the vote; not counted",
                                "Sorry for being late: +1"),
                        tuple("zoe.mueller@gmail.com", "claims \"(binding)\" but is not on the roster "
                                + DIR.resolve("roster.txt") + "; counted as non-binding (add an alias if this is a"
                                + " member's other address)", "+1 (binding)"),
                        tuple("grace@example.org", "claims \"(binding)\" but is not on the roster "
                                + DIR.resolve("roster.txt") + "; counted as non-binding (add an alias if this is a"
                                + " member's other address)", "+1 (binding)"));
        assertThat(r.voters()).extracting(TallyResult.Voter::email).doesNotContain("erin@apache.org",
                "frank@apache.org", "ivan@apache.org", "mallory@apache.org");
    }

    @Test
    void aRosterMissIsListedAndAnAliasMakesTheMemberBinding() throws Exception {
        TallyResult miss = tally(emls(), Map.of(), List.of(), AFTER_72_HOURS);
        assertThat(miss.unknownSenders()).containsExactly("Zoë Müller <zoe.mueller@gmail.com>",
                "Dave Dev <dave@example.com>", "Grace Claim <grace@example.org>");

        TallyResult aliased = tally(emls(), Map.of("zoe.mueller@gmail.com", "zoe"), List.of(), AFTER_72_HOURS);
        TallyResult.Voter zoe = voter(aliased, "zoe.mueller@gmail.com");
        assertThat(zoe.binding()).isTrue();
        assertThat(zoe.matchedBy()).isEqualTo(Roster.MatchedBy.ALIAS);
        assertThat(aliased.binding()).isEqualTo(new TallyResult.Counts(6, 0, 0));
        assertThat(aliased.unknownSenders()).containsExactly("Dave Dev <dave@example.com>", "Grace Claim <grace@example.org>");
    }

    @Test
    void theRmDecidesAFlaggedMailAndTheDecisionIsCountedWithWhoAndWhy() throws Exception {
        FlagDecision d = new FlagDecision("CACond-frank-1@mail.gmail.com", VoteValue.PLUS_ONE, "Jane Release",
                "Frank's key was added to KEYS on 18 Nov", Instant.parse("2026-11-19T10:30:00Z"));
        TallyResult r = tally(emls(), Map.of(), List.of(d), AFTER_72_HOURS);

        assertThat(voter(r, "frank@apache.org").vote()).isEqualTo(VoteValue.PLUS_ONE);
        assertThat(r.binding().plus()).isEqualTo(6);
        assertThat(r.flagged()).filteredOn(f -> f.email().equals("frank@apache.org")).singleElement()
                .satisfies(f -> assertThat(f.decision()).isEqualTo(d));
    }

    @Test
    void tallyRejectsVoteClosedBefore72Hours() throws Exception {
        ReadResult read = only(emls(), m -> !m.subject().contains("[RESULT]"));
        InboundMessage early = new InboundMessage("result-early@x", "", List.of(), "[RESULT] [VOTE] Release Apache Foo 1.2.0 RC1",
                "Jane Release", "jrelease@apache.org", Instant.parse("2026-11-18T10:00:00Z"), "Passed.");
        List<InboundMessage> withEarly = new java.util.ArrayList<>(read.messages());
        withEarly.add(early);
        TallyResult r = tally(new ReadResult(withEarly, List.of()), Map.of(), List.of(), AFTER_72_HOURS);

        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).isEqualTo("The vote was closed after 48 hours, before it could close at"
                + " 2026-11-19 10:00 UTC; an ASF release vote must stay open at least 72 hours.");
        assertThat(r.voters()).extracting(TallyResult.Voter::email).doesNotContain("judy@apache.org");
    }

    @Test
    void tallyCannotCloseBefore72HoursWithoutAResult() throws Exception {
        ReadResult read = only(emls(), m -> !m.subject().contains("[RESULT]"));
        TallyResult r = tally(read, Map.of(), List.of(), Instant.parse("2026-11-18T12:00:00Z"));

        assertThat(r.canClose()).isFalse();
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).isEqualTo("Cannot close yet, closes at 2026-11-19 10:00 UTC (72 hours after the VOTE mail).");
    }

    @Test
    void aVoteWithFewerThanThreeBindingPlusOnesFails() throws Exception {
        ReadResult read = only(emls(), m -> m.date().isBefore(Instant.parse("2026-11-16T13:00:00Z")));
        TallyResult r = tally(read, Map.of(), List.of(), AFTER_72_HOURS);

        assertThat(r.binding()).isEqualTo(new TallyResult.Counts(1, 0, 0));
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).isEqualTo("Not passed: 1 binding +1, at least 3 are needed.");
    }

    @Test
    void asManyBindingMinusOnesAsPlusOnesFailsWithoutAVeto() throws Exception {
        InboundMessage call = new InboundMessage("c@x", "", List.of(), "[VOTE] Release Apache Foo 2.0", "Jane Release",
                "jrelease@apache.org", Instant.parse("2026-11-01T00:00:00Z"), "[ ] +1 approve\n\n+1 (binding)");
        List<InboundMessage> mails = new java.util.ArrayList<>(List.of(call));
        String[][] votes = {{"bob", "+1"}, {"carol", "+1"}, {"erin", "-1"}, {"frank", "-1"}, {"heidi", "-1"}, {"judy", "+1"}};
        for (int i = 0; i < votes.length; i++) {
            mails.add(new InboundMessage("r" + i + "@x", "c@x", List.of("c@x"), "Re: [VOTE] Release Apache Foo 2.0", "",
                    votes[i][0] + "@apache.org", Instant.parse("2026-11-02T00:00:00Z").plusSeconds(i), votes[i][1] + " (binding)"));
        }
        TallyResult r = tally(new ReadResult(mails, List.of()), Map.of(), List.of(), AFTER_72_HOURS);
        assertThat(r.binding()).isEqualTo(new TallyResult.Counts(4, 0, 3));
        assertThat(r.passed()).isTrue();

        mails.add(new InboundMessage("r9@x", "c@x", List.of(), "Re: [VOTE] Release Apache Foo 2.0", "", "ivan@apache.org",
                Instant.parse("2026-11-02T01:00:00Z"), "-1 (binding)"));
        TallyResult tie = tally(new ReadResult(mails, List.of()), Map.of(), List.of(), AFTER_72_HOURS);
        assertThat(tie.binding()).isEqualTo(new TallyResult.Counts(4, 0, 4));
        assertThat(tie.passed()).isFalse();
        assertThat(tie.reason()).isEqualTo("Not passed: 4 binding +1 are not more than 4 binding -1.");
    }

    @Test
    void theMboxExportGivesTheSameTallyAsTheEmlFiles() throws Exception {
        ReadResult mbox = new MboxReader().read(DIR.resolve("foo-rc1.mbox"), Progress.NONE);
        assertThat(mbox.problems()).isEmpty();
        assertThat(mbox.messages()).hasSize(14);

        assertThat(TallyJson.write(tally(mbox, Map.of(), List.of(), AFTER_72_HOURS)))
                .isEqualTo(TallyJson.write(tally(emls(), Map.of(), List.of(), AFTER_72_HOURS)));

        ReadResult twoPass = new ThreadSource.Mbox(DIR.resolve("foo-rc1.mbox")).read(null, Progress.NONE);
        assertThat(twoPass.messages()).filteredOn(m -> m.messageId().equals("CAOther-roadmap-1@mail.gmail.com"))
                .singleElement().satisfies(m -> assertThat(m.textBody()).isEmpty());
        assertThat(TallyJson.write(tally(twoPass, Map.of(), List.of(), AFTER_72_HOURS)))
                .isEqualTo(TallyJson.write(tally(emls(), Map.of(), List.of(), AFTER_72_HOURS)));
    }

    @Test
    void severalVoteCallsNeedTheVoteId() throws Exception {
        List<InboundMessage> mails = new java.util.ArrayList<>(emls().messages());
        mails.add(new InboundMessage("rc2@x", "", List.of(), "[VOTE] Release Apache Foo 1.2.0 RC2", "Jane Release",
                "jrelease@apache.org", Instant.parse("2026-11-19T12:00:00Z"), "Please vote"));
        ReadResult read = new ReadResult(mails, List.of());

        assertThatThrownBy(() -> Tally.count(read, null, roster(), Map.of(), List.of(), AFTER_72_HOURS, List.of()))
                .isInstanceOf(VoteException.class)
                .hasMessageContaining("There are 2 [VOTE] mails; which one is counted?")
                .hasMessageContaining("<rc2@x>  [VOTE] Release Apache Foo 1.2.0 RC2");
        assertThat(Tally.count(read, "<CAJ-call-foo-120-rc1@mail.gmail.com>", roster(), Map.of(), List.of(),
                AFTER_72_HOURS, List.of()).passed()).isTrue();
    }

    static TallyResult.Voter voter(TallyResult r, String email) {
        return r.voters().stream().filter(v -> v.email().equals(email)).findFirst().orElseThrow();
    }

    static ReadResult only(ReadResult read, Predicate<InboundMessage> keep) {
        return new ReadResult(read.messages().stream().filter(keep).toList(), read.problems());
    }
}
