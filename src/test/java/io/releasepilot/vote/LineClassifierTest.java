package io.releasepilot.vote;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LineClassifierTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            +1                                                  | VOTE | +1 | NONE
            +1 (binding)                                        | VOTE | +1 | BINDING
            +1 (non-binding)                                    | VOTE | +1 | NON_BINDING
            +1 non binding                                      | VOTE | +1 | NON_BINDING
            +1, I checked the signatures and the checksums      | VOTE | +1 | NONE
            +1 binding. Checked sigs, LICENSE, NOTICE           | VOTE | +1 | BINDING
            [X] +1 Release this package as Apache Foo 1.0.0     | VOTE | +1 | NONE
            [x] -1 Do not release this package                  | VOTE | -1 | NONE
            -1 (binding) the LICENSE misses the bundled jquery  | VOTE | -1 | BINDING
            −1 because the build fails                          | VOTE | -1 | NONE
            +0                                                  | VOTE | +0 | NONE
            -0 (binding)                                        | VOTE | -0 | BINDING
            0                                                   | VOTE | 0  | NONE
            0 (non-binding) no time to test                     | VOTE | 0  | NON_BINDING
            +1.0                                                | VOTE | +1 | NONE
            **+1 (binding)**                                    | VOTE | +1 | BINDING
            +1 for the release                                  | VOTE | +1 | NONE
            +1 for GA                                           | VOTE | +1 | NONE
            +1 for 2.4.14 as beta                               | VOTE | +1 | NONE
            +1 from me                                          | VOTE | +1 | NONE
            Checked signatures and hashes. +1 (binding)         | VOTE | +1 | BINDING
            So +1 from me.                                      | VOTE | +1 | NONE
            Here is my +1                                       | VOTE | +1 | NONE
            My vote: -1                                         | VOTE | -1 | NONE
            All looks good, +1                                  | VOTE | +1 | NONE
            > +1 (binding)                                      | NONE |    | NONE
            [ ] +1 Release this package as Apache Foo 1.0.0     | NONE |    | NONE
            [ ] -1 Do not release this package because ...      | NONE |    | NONE
            +1 = approve                                        | NONE |    | NONE
            We need three binding +1 votes                      | NONE |    | NONE
            1. Download the source archive                      | NONE |    | NONE
            0.9.1 had the same issue                            | NONE |    | NONE
            The build took 10 minutes                           | NONE |    | NONE
            +1000 on this idea                                  | NONE |    | NONE
            +1 to what Jane said about the docs                 | FLAG | +1 | NONE
            +1 on improving the README later                    | FLAG | +1 | NONE
            I'd be -1 on any change that breaks the API         | FLAG | -1 | NONE
            +1 if the NOTICE year is fixed                      | FLAG | +1 | NONE
            +1 (binding) provided the KEYS file is updated      | FLAG | +1 | NONE
            +1 or -1 depending on the NOTICE                    | FLAG | +1 | NONE
            """)
    void classifiesReplyLines(String line, LineVerdict.Kind kind, String vote, LineVerdict.Claim claim) {
        LineVerdict v = LineClassifier.classify(line);
        assertThat(v.kind()).as(line).isEqualTo(kind);
        assertThat(v.vote()).as(line).isEqualTo(vote == null ? null : VoteValue.parse(vote));
        assertThat(v.claim()).as(line).isEqualTo(claim);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            +1 Release this package as Apache Foo 1.0.0         | NONE
            +0 No opinion                                       | NONE
            -1 Do not release this package because...           | NONE
            +1 = approve                                        | NONE
            The vote needs at least three +1 votes              | NONE
            The vote will be open for at least 72 hours         | NONE
            +1 (binding)                                        | VOTE
            Here is my +1                                       | VOTE
            """)
    void theCallsTemplateLinesAreNotVotes(String line, LineVerdict.Kind kind) {
        assertThat(LineClassifier.classify(line, true).kind()).as(line).isEqualTo(kind);
    }
}
