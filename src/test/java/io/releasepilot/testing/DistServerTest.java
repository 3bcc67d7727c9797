package io.releasepilot.testing;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The test servers themselves, checked with the native svn client: layout, rights, anonymous reading. */
class DistServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void committerMayWriteDevButNotRelease(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = kind.equals("httpd") ? DistServer.httpd(tmp) : DistServer.svnserve(tmp)) {
            Path config = tmp.resolve("svn-config");
            assertThat(svn(config, "ls", server.repositoryUrl() + "/").out()).isEqualTo("dev/\nrelease/\n");
            Tools.Result dev = mucc(config, DistServer.COMMITTER, DistServer.COMMITTER_PASSWORD,
                    "mkdir", server.devUrl() + "1.0.0-rc1");
            assertThat(dev.exitCode()).as(dev.err()).isZero();
            Tools.Result release = mucc(config, DistServer.COMMITTER, DistServer.COMMITTER_PASSWORD,
                    "mkdir", server.releaseUrl() + "1.0.0");
            assertThat(release.exitCode()).isNotZero();
            Tools.Result rm = mucc(config, DistServer.RM, DistServer.RM_PASSWORD,
                    "mkdir", server.releaseUrl() + "1.0.0");
            assertThat(rm.exitCode()).as(rm.err()).isZero();
            assertThat(server.youngest()).isEqualTo(3);
            assertThat(server.tree("release")).contains("release/demo/1.0.0/");
        }
    }

    private static Tools.Result svn(Path config, String... args) {
        List<String> cmd = new ArrayList<>(List.of("svn", "--non-interactive", "--config-dir", config.toString()));
        cmd.addAll(List.of(args));
        return Tools.run(null, cmd, Map.of("LANG", "C"), null);
    }

    private static Tools.Result mucc(Path config, String user, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of("svnmucc", "--non-interactive", "--no-auth-cache",
                "--config-dir", config.toString(), "--username", user, "--password", password, "-m", "test"));
        cmd.addAll(List.of(args));
        return Tools.run(null, cmd, Map.of("LANG", "C"), null);
    }
}
