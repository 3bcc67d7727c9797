package io.releasepilot.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileValidatorTest {

    static ReleaseProfile valid() {
        return ReleaseProfile.withDefaults("kvrocks", false, "2.4.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org");
    }

    @Test
    void aProfileWithDefaultsIsValid() {
        assertThat(ProfileValidator.validate(valid())).isEmpty();
    }

    @Test
    void defaultsFollowTheProjectIdAndPodlingStatus() {
        ReleaseProfile p = ReleaseProfile.withDefaults("Kvrocks", false, "2.4.0");
        assertThat(p.projectId()).isEqualTo("kvrocks");
        assertThat(p.displayName()).isEqualTo("Apache Kvrocks");
        assertThat(p.distDevUrl()).isEqualTo("https://dist.apache.org/repos/dist/dev/kvrocks/");
        assertThat(p.distReleaseUrl()).isEqualTo("https://dist.apache.org/repos/dist/release/kvrocks/");
        assertThat(p.devList()).isEqualTo("dev@kvrocks.apache.org");
        assertThat(p.announceList()).isEqualTo("announce@apache.org");
        ReleaseProfile pod = ReleaseProfile.withDefaults("hugegraph", true, "1.0.0");
        assertThat(pod.distDevUrl()).isEqualTo("https://dist.apache.org/repos/dist/dev/incubator/hugegraph/");
    }

    /** Each row changes one field of a valid profile and expects one problem on that field. */
    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(textBlock = """
            # field,             value,                                      message contains
            PROJECT_ID,          '',                                         is empty
            PROJECT_ID,          Kv Rocks,                                   must be lower-case
            DISPLAY_NAME,        '',                                         is empty
            VERSION,             2.4,                                        is not a version of the form x.y.z
            VERSION,             v2.4.0,                                     is not a version of the form x.y.z
            RC_NUMBER,           0,                                          is not a valid RC number
            GIT_REPOSITORY,      /no/such/folder/anywhere,                    does not exist
            RC_TAG_PATTERN,      v{version},                                 has no {rc}
            RC_TAG_PATTERN,      '{ver}-rc{rc}',                             not a known placeholder
            RELEASE_TAG_PATTERN, release,                                    has no placeholder
            RELEASE_TAG_PATTERN, '{major}.{minor}',                          does not name the whole version
            DIST_DEV_URL,        dist.apache.org/repos/dist/dev/kvrocks/,    is not an https://
            DIST_DEV_URL,        https://dist.apache.org/repos/dist/dev/kvrocks, should end with '/'
            DIST_DEV_URL,        https://dist.apache.org/repos/dist/release/kvrocks/, not under /dist/dev/
            DIST_RELEASE_URL,    '',                                         is empty
            DEV_LIST,            dev-at-kvrocks,                             is not an email address
            RM_EMAIL,            jdoe@,                                      is not an email address
            RM_APACHE_ID,        J Doe,                                      is not an Apache id
            SIGNING_KEY,         ABCD1234,                                   40 hexadecimal digits
            """)
    void reportsTheFieldWhatIsWrongAndAnExample(ProfileField field, String value, String message) {
        List<FieldProblem> problems = ProfileValidator.validate(with(valid(), field, value));
        assertThat(problems).hasSize(1);
        FieldProblem problem = problems.get(0);
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.message()).contains(message);
        assertThat(problem.text()).startsWith(field.label() + ": ").contains("Example: " + field.example());
    }

    @Test
    void aFingerprintWithSpacesIsAccepted() {
        ReleaseProfile p = valid().withSigningKey("0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567");
        assertThat(ProfileValidator.validate(p)).isEmpty();
    }

    static ReleaseProfile with(ReleaseProfile p, ProfileField field, String v) {
        int rc = field == ProfileField.RC_NUMBER ? Integer.parseInt(v) : p.rcNumber();
        return new ReleaseProfile(
                field == ProfileField.PROJECT_ID ? v : p.projectId(),
                field == ProfileField.DISPLAY_NAME ? v : p.displayName(), p.podling(),
                field == ProfileField.VERSION ? v : p.version(), rc,
                field == ProfileField.GIT_REPOSITORY ? v : p.gitRepository(),
                field == ProfileField.RC_TAG_PATTERN ? v : p.rcTagPattern(),
                field == ProfileField.RELEASE_TAG_PATTERN ? v : p.releaseTagPattern(),
                field == ProfileField.BRANCH_PATTERN ? v : p.branchPattern(),
                field == ProfileField.DIST_DEV_URL ? v : p.distDevUrl(),
                field == ProfileField.DIST_RELEASE_URL ? v : p.distReleaseUrl(),
                field == ProfileField.DEV_LIST ? v : p.devList(),
                field == ProfileField.ANNOUNCE_LIST ? v : p.announceList(),
                field == ProfileField.RM_NAME ? v : p.rmName(),
                field == ProfileField.RM_APACHE_ID ? v : p.rmApacheId(),
                field == ProfileField.RM_EMAIL ? v : p.rmEmail(),
                field == ProfileField.SIGNING_KEY ? v : p.signingKeyFingerprint(), p.signingBackend(), p.gnupgHome());
    }
}
