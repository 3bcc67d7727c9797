package io.releasepilot.version;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a release manager uses the tags of a repository to pick the next numbers. */
class VersionPlannerTest {
    private VersionPlanner planner;
    private final List<String> tags = List.of("v2.3.0", "v2.3.1", "v2.4.0-rc1", "v2.4.0-rc2", "v2.4.0",
            "v2.4.1-rc1", "v2.4.12", "v2.4.13", "v2.5.0-rc1", "unrelated", "v2.4.13-rcX");

    @BeforeEach
    void setUp() throws Exception {
        planner = new VersionPlanner(NamePattern.parse("v{version}"), NamePattern.parse("vx.y.z-rcN"));
    }

    @Test
    void nextRcIsOneMoreThanTheHighestRcTagOfThatVersion() throws Exception {
        assertThat(planner.nextRc(Version.parse("2.4.0"), tags)).isEqualTo(3);
        assertThat(planner.nextRc(Version.parse("2.5.0"), tags)).isEqualTo(2);
        assertThat(planner.nextRc(Version.parse("2.6.0"), tags)).isEqualTo(1);
    }

    @Test
    void aRetractedVersionNumberIsNeverReused() throws Exception {
        // 2.4.13 was tagged and then retracted (its vote failed): the next release takes 2.4.14.
        assertThat(planner.firstFree(Version.parse("2.4.13"), tags)).isEqualTo(Version.parse("2.4.14"));
        assertThat(planner.firstFree(Version.parse("2.5.0"), tags)).isEqualTo(Version.parse("2.5.0"));
    }

    @Test
    void nextPatchAndNextMinorComeAfterEveryUsedVersion() throws Exception {
        assertThat(planner.nextPatch(2, 4, tags)).isEqualTo(Version.parse("2.4.14"));
        assertThat(planner.nextPatch(2, 6, tags)).isEqualTo(Version.parse("2.6.0"));
        assertThat(planner.nextMinor(tags)).isEqualTo(Version.parse("2.6.0"));
        assertThat(planner.nextMinor(List.of())).isEqualTo(Version.parse("0.1.0"));
    }
}
