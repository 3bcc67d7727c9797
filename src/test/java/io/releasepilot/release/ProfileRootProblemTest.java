package io.releasepilot.release;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One invalid project id is one problem, not one more for each URL and address made from it. */
class ProfileRootProblemTest {

    @Test
    void anInvalidProjectIdIsTheOnlyProblemReported() {
        ReleaseProfile p = ReleaseProfile.withDefaults("Kv Rocks!", false, "2.4.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org");
        assertThat(ProfileValidator.validate(p)).containsExactly(new FieldProblem(ProfileField.PROJECT_ID,
                "\"kv rocks!\" must be lower-case letters, digits and '-', starting with a letter."));
    }

    @Test
    void aBadUrlTypedByHandIsStillReported() {
        ReleaseProfile d = ReleaseProfile.withDefaults("Kv Rocks!", false, "2.4.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org");
        ReleaseProfile p = new ReleaseProfile(d.projectId(), d.displayName(), false, d.version(), 1, "",
                d.rcTagPattern(), d.releaseTagPattern(), d.branchPattern(), "ftp://example.org/", d.distReleaseUrl(),
                d.devList(), d.announceList(), d.rmName(), d.rmApacheId(), d.rmEmail(), "", "", "");
        assertThat(ProfileValidator.validate(p)).extracting(FieldProblem::field)
                .containsExactly(ProfileField.PROJECT_ID, ProfileField.DIST_DEV_URL);
    }
}
