package io.releasepilot.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Archives named by a project's own pattern (MXNet's RC-named archives), and the standard name without one. */
class SourceArchiveNameTest {
    static final Path REPO = Path.of("repo");
    static final Path OUT = Path.of("out");

    @Test
    void mxnetPatternNamesTheArchiveWithTheRcAndIncubating() {
        String name = SourceRequest.archiveName("apache-{project}-src-{version}.rc{rc}{incubating}", "mxnet", "1.9.0",
                0, true);
        assertThat(name).isEqualTo("apache-mxnet-src-1.9.0.rc0-incubating");
        SourceRequest r = new SourceRequest(REPO, "1.9.0.rc0", "mxnet", "1.9.0", true, null, false, false, OUT)
                .withArchiveName(name);
        assertThat(r.baseName()).isEqualTo("apache-mxnet-src-1.9.0.rc0-incubating");
    }

    @Test
    void withoutAPatternTheNameIsTheAsfStandard() {
        assertThat(SourceRequest.archiveName("", "kvrocks", "2.4.0", 1, false)).isEmpty();
        SourceRequest r = new SourceRequest(REPO, "v2.4.0-rc1", "kvrocks", "2.4.0", false, null, false, false, OUT)
                .withArchiveName("");
        assertThat(r.baseName()).isEqualTo("apache-kvrocks-2.4.0-src");
    }

    @Test
    void aPatternWithoutTheVersionIsRefused() {
        assertThatThrownBy(() -> SourceRequest.archiveName("apache-{project}-src", "mxnet", "1.9.0", 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no {version}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil-{version}", "a/{version}", "{version} name", ".{version}", "x..{version}"})
    void aNameThatIsNotAPlainFileNameIsRefused(String pattern) {
        String name = SourceRequest.archiveName(pattern, "mxnet", "1.9.0", 1, false);
        assertThatThrownBy(() -> new SourceRequest(REPO, "t", "mxnet", "1.9.0", false, null, false, false, OUT, name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a plain file name");
    }
}
