package io.releasepilot.verify;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The vote reply reads as a person would write it: right plurals, and no "development build". */
class VoteReplyWordingTest {
    static final String NL = System.lineSeparator();

    @Test
    void oneKeyIsOneKeyAndAnUnknownVersionIsNotNamed() {
        VerifyReport report = new VerifyReport(Path.of("/svn/dist-dev/demo/1.0.0-rc1"), Optional.of(Path.of("/KEYS")),
                1, List.of(), List.of(), List.of());
        String reply = VoteReply.draft(report, "development build");
        assertThat(reply).contains("I checked the 0 artifacts in 1.0.0-rc1 with Release Pilot:" + NL)
                .contains("- Signatures against KEYS (1 key):").doesNotContain("development").doesNotContain("(s)");
    }

    @Test
    void aReleasedVersionIsNamed() {
        VerifyReport report = new VerifyReport(Path.of("/rc"), Optional.of(Path.of("/KEYS")), 3, List.of(), List.of(), List.of());
        assertThat(VoteReply.draft(report, "0.2.0")).contains("with Release Pilot 0.2.0:" + NL)
                .contains("KEYS (3 keys)");
    }
}
