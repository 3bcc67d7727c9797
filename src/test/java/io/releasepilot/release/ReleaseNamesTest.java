package io.releasepilot.release;

import io.releasepilot.version.ReleaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseNamesTest {

    @Test
    void derivesTheAsfNamesOfARelease() throws Exception {
        ReleaseNames n = ReleaseNames.of(ReleaseProfile.withDefaults("kvrocks", false, "2.4.0").withRcNumber(2));
        assertThat(n.sourceArtifact()).isEqualTo("apache-kvrocks-2.4.0-src.tar.gz");
        assertThat(n.artifactBaseName()).isEqualTo("apache-kvrocks-2.4.0-src");
        assertThat(n.rcFolder()).isEqualTo("2.4.0-rc2");
        assertThat(n.rcTag()).isEqualTo("v2.4.0-rc2");
        assertThat(n.releaseTag()).isEqualTo("v2.4.0");
        assertThat(n.branch()).isEqualTo("2.4");
        assertThat(n.kind()).isEqualTo(ReleaseKind.FEATURE);
        assertThat(n.distDevRcUrl()).isEqualTo("https://dist.apache.org/repos/dist/dev/kvrocks/2.4.0-rc2/");
        assertThat(n.distReleaseUrl()).isEqualTo("https://dist.apache.org/repos/dist/release/kvrocks/2.4.0/");
    }

    @Test
    void podlingArtifactsSayIncubating() throws Exception {
        ReleaseNames n = ReleaseNames.of(ReleaseProfile.withDefaults("hugegraph", true, "1.0.1"));
        assertThat(n.sourceArtifact()).isEqualTo("apache-hugegraph-1.0.1-incubating-src.tar.gz");
        assertThat(n.rcFolder()).isEqualTo("1.0.1-incubating-rc1");
        assertThat(n.kind()).isEqualTo(ReleaseKind.PATCH);
        assertThat(n.distDevRcUrl())
                .isEqualTo("https://dist.apache.org/repos/dist/dev/incubator/hugegraph/1.0.1-incubating-rc1/");
    }
}
