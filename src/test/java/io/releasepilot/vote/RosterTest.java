package io.releasepilot.vote;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

    @Test
    void plainRosterTakesIdsAddressesAndNamedAddressesWithComments() throws Exception {
        Roster r = Roster.parsePlain("""
                # Foo PMC
                jdoe
                jane@example.org   # her own domain
                "Zoë Müller" <zoe@apache.org>
                """, "roster.txt");

        assertThat(r.members()).containsExactly(new Roster.Member("jdoe", "", ""),
                new Roster.Member("", "jane@example.org", ""), new Roster.Member("zoe", "zoe@apache.org", "Zoë Müller"));
    }

    @Test
    void sendersAreMatchedByAddressThenApacheIdThenAlias() throws Exception {
        Roster r = Roster.parsePlain("jdoe\nJane <jane@example.org>\n", "roster.txt");

        assertThat(r.find("Jane@Example.org", "", Map.of()).orElseThrow().by()).isEqualTo(Roster.MatchedBy.ADDRESS);
        assertThat(r.find("jdoe@apache.org", "", Map.of()).orElseThrow().by()).isEqualTo(Roster.MatchedBy.APACHE_ID);
        assertThat(r.find("john@gmail.com", "", Map.of("john@gmail.com", "jdoe")).orElseThrow().by())
                .isEqualTo(Roster.MatchedBy.ALIAS);
        assertThat(r.find("john@gmail.com", "John Doe", Map.of())).isEmpty();
    }

    @Test
    void aBadRosterLineIsNamedWithItsLineNumber() {
        assertThatThrownBy(() -> Roster.parsePlain("jdoe\n\nJohn Doe\n", "pmc.txt"))
                .isInstanceOf(VoteException.class)
                .hasMessage("pmc.txt, line 3: \"John Doe\" is not an Apache id, an address or Name <address>.");
    }

    @Test
    void committeeInfoGivesTheIdsOfOneCommittee() throws Exception {
        Roster r = Roster.readCommitteeInfo(VoteTallyTest.DIR.resolve("committee-info.json"), "Foo");

        assertThat(r.members()).hasSize(6).contains(new Roster.Member("zoe", "", "Zoë Müller"));
        assertThat(r.find("zoe@apache.org", "", Map.of())).isPresent();
        assertThatThrownBy(() -> Roster.readCommitteeInfo(VoteTallyTest.DIR.resolve("committee-info.json"), "bar"))
                .isInstanceOf(VoteException.class)
                .hasMessage(VoteTallyTest.DIR.resolve("committee-info.json") + " has no committee \"bar\".");
    }
}
