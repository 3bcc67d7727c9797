package io.releasepilot.vote;

import io.releasepilot.mail.inbox.InboundMessage;
import io.releasepilot.mail.inbox.ReadResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A podling votes twice: the PPMC on dev@, then the IPMC on general@incubator, where mentors' dev@ votes carry over. */
class PodlingVoteTest {
    static final String SUBJECT = "[VOTE] Release Apache Bar (incubating) 0.3.0 RC2";

    static ReadResult round(String callId, Instant opened, String[]... votes) {
        List<InboundMessage> mails = new ArrayList<>();
        mails.add(new InboundMessage(callId, "", List.of(), SUBJECT, "Rita Rm", "rita@apache.org", opened,
                "Please vote.\n\n[ ] +1 Release this package\n[ ] -1 Do not release this package because ...\n"));
        for (int i = 0; i < votes.length; i++) {
            mails.add(new InboundMessage(callId + "-r" + i, callId, List.of(callId), "Re: " + SUBJECT, votes[i][0],
                    votes[i][1], opened.plusSeconds(3600L * (i + 1)), votes[i][2] + "\n\nOn Mon wrote:\n> +1"));
        }
        return new ReadResult(mails, List.of());
    }

    @Test
    void theIpmcRoundCountsMentorsDevVotesAsCarriedOver() throws Exception {
        Roster ppmc = Roster.parsePlain("rita\nmentor1\nsam\ntom\n", "ppmc.txt");
        Roster ipmc = Roster.readCommitteeInfo(VoteTallyTest.DIR.resolve("committee-info.json"), "incubator");
        Instant devOpened = Instant.parse("2026-11-02T08:00:00Z");
        TallyResult dev = Tally.count(round("dev-call@bar", devOpened,
                        new String[] {"Maria Mentor", "mentor1@apache.org", "+1 (binding)"},
                        new String[] {"Sam Ppmc", "sam@apache.org", "+1 (binding)"},
                        new String[] {"Tom Ppmc", "tom@apache.org", "+1"},
                        new String[] {"Mike Mentor", "mike.mentor@example.com", "+1 (binding)"}),
                null, ppmc, Map.of(), List.of(), Instant.parse("2026-11-06T00:00:00Z"), List.of());
        assertThat(dev.passed()).isTrue();
        assertThat(dev.binding()).isEqualTo(new TallyResult.Counts(3, 0, 0));

        Instant generalOpened = Instant.parse("2026-11-06T09:00:00Z");
        TallyResult general = Tally.count(round("general-call@bar", generalOpened,
                        new String[] {"Ian Pmc", "ipmc3@apache.org", "+1 (binding)"},
                        new String[] {"Maria Mentor", "mentor1@apache.org", "+1 (binding) carrying my vote from dev@"}),
                null, ipmc, Map.of("mike.mentor@example.com", "mentor2"), List.of(),
                Instant.parse("2026-11-10T00:00:00Z"), dev.voters());

        assertThat(general.voters()).extracting(TallyResult.Voter::email, TallyResult.Voter::binding,
                TallyResult.Voter::carriedOver).containsExactly(
                tuple("ipmc3@apache.org", true, false),
                tuple("mentor1@apache.org", true, false),
                tuple("mike.mentor@example.com", true, true));
        assertThat(general.binding()).isEqualTo(new TallyResult.Counts(3, 0, 0));
        assertThat(general.passed()).isTrue();
    }
}
