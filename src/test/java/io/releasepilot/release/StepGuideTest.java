package io.releasepilot.release;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The next command status prints can be pasted as it is: the Apache id comes from the profile, not a placeholder. */
class StepGuideTest {
    private static final Path DIR = Path.of("/home/jdoe/releases/kvrocks-2.4.0");

    @Test
    void distAndMailCommandsTakeTheApacheIdFromTheProfile() {
        assertThat(StepGuide.command(StepId.STAGE, DIR))
                .isEqualTo("release-pilot dist stage --dir /home/jdoe/releases/kvrocks-2.4.0");
        assertThat(StepGuide.command(StepId.VOTE, DIR))
                .isEqualTo("release-pilot mail vote --dir /home/jdoe/releases/kvrocks-2.4.0 --send");
        assertThat(StepGuide.command(StepId.IPMC_RESULT, DIR))
                .isEqualTo("release-pilot mail ipmc-result --dir /home/jdoe/releases/kvrocks-2.4.0 --send");
        for (StepId step : StepId.values()) {
            assertThat(StepGuide.command(step, DIR)).as(step.name()).doesNotContain("APACHE-ID");
        }
    }
}
