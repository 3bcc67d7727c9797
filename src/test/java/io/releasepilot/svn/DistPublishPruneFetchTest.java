package io.releasepilot.svn;

import io.releasepilot.core.Progress;
import io.releasepilot.testing.DistServer;
import io.releasepilot.version.Version;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publish (server-side move), prune and fetch on a real svnserve and httpd. */
class DistPublishPruneFetchTest {

    private static DistStage.Result staged(DistServer server, Path tmp, SvnCredentials who) throws Exception {
        return new DistStage(DistFixture.FAST).stage(new DistStage.Request(server.devUrl(), "1.0.0-rc1",
                DistFixture.rcFiles(tmp.resolve("rc")), "Stage Apache Demo 1.0.0-rc1"), who, Progress.NONE);
    }

    private static DistPublish.Request publish(DistServer server, boolean passed, String override) {
        return new DistPublish.Request(server.devUrl(), "1.0.0-rc1", server.releaseUrl(), "1.0.0",
                "Publish Apache Demo 1.0.0", passed, override, List.of(), Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void publishMovesTheCandidateOnTheServerInOneCommit(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            long stagedAt = staged(server, tmp, rm).revision();
            DistPublish.Result r = new DistPublish(DistFixture.FAST).publish(publish(server, true, null), rm,
                    Progress.NONE);
            assertThat(r.revision()).isEqualTo(stagedAt + 1);
            assertThat(r.override()).isNull();
            assertThat(r.files()).containsExactly("apache-demo-1.0.0-src.tar.gz", "apache-demo-1.0.0-src.tar.gz.asc",
                    "apache-demo-1.0.0-src.tar.gz.sha512");
            assertThat(server.tree("dev/demo")).isEqualTo("dev/demo/\n");
            assertThat(server.cat("release/demo/1.0.0/apache-demo-1.0.0-src.tar.gz")).isEqualTo("artifact bytes\n");
            String history = DistServerRun.svnlookHistory(server, "release/demo/1.0.0");
            assertThat(history).contains("/dev/demo/1.0.0-rc1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void committerWithoutReleaseRightsGetsTheRequestForThePmc(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials c = DistFixture.committer()) {
            staged(server, tmp, c);
            long before = server.youngest();
            assertThatThrownBy(() -> new DistPublish(DistFixture.FAST).publish(publish(server, true, null), c,
                    Progress.NONE))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessage("The server does not let user 'committer' write to " + server.releaseUrl()
                            + "1.0.0/: on dist.apache.org only PMC members may write to dist/release. Nothing was"
                            + " committed.")
                    .satisfies(e -> assertThat(((ForbiddenException) e).request()).contains(
                            "  svn mv -m \"Publish Apache Demo 1.0.0\" \\\n    " + server.devUrl() + "1.0.0-rc1/ \\\n    "
                                    + server.releaseUrl() + "1.0.0/\n"));
            assertThat(server.youngest()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve"})
    void publishRefusesAnUntalliedVoteUnlessAReasonIsGiven(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            staged(server, tmp, rm);
            DistPublish p = new DistPublish(DistFixture.FAST);
            assertThatThrownBy(() -> p.publish(publish(server, false, " "), rm, Progress.NONE))
                    .hasMessage("The vote on 1.0.0-rc1 has not passed; nothing was published.");
            DistPublish.Result r = p.publish(publish(server, false, "Vote passed on private@, tally mail lost"), rm,
                    Progress.NONE);
            assertThat(r.override()).isEqualTo("Vote passed on private@, tally mail lost");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void promotedFilesReplaceTheRcNamedOnes(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            Path rc = tmp.resolve("rc");
            Files.createDirectories(rc);
            Path a = Files.writeString(rc.resolve("apache-demo-src-1.0.0.rc1.tar.gz"), "x");
            Path asc = Files.writeString(rc.resolve("apache-demo-src-1.0.0.rc1.tar.gz.asc"), "sig");
            new DistStage(DistFixture.FAST).stage(new DistStage.Request(server.devUrl(), "1.0.0-rc1", List.of(a, asc),
                    "Stage"), rm, Progress.NONE);
            Path promoted = tmp.resolve("promoted");
            Files.createDirectories(promoted);
            Path na = Files.writeString(promoted.resolve("apache-demo-src-1.0.0.tar.gz"), "x");
            Path nasc = Files.writeString(promoted.resolve("apache-demo-src-1.0.0.tar.gz.asc"), "new sig");
            var request = new DistPublish.Request(server.devUrl(), "1.0.0-rc1", server.releaseUrl(), "1.0.0",
                    "Publish", true, null, List.of(na, nasc), Set.of(a.getFileName().toString(),
                    asc.getFileName().toString()));
            DistPublish.Result r = new DistPublish(DistFixture.FAST).publish(request, rm, Progress.NONE);
            assertThat(r.files()).containsExactly("apache-demo-src-1.0.0.tar.gz", "apache-demo-src-1.0.0.tar.gz.asc");
            assertThat(server.tree("release/demo/1.0.0")).isEqualTo("release/demo/1.0.0/\n"
                    + "release/demo/1.0.0/apache-demo-src-1.0.0.tar.gz\nrelease/demo/1.0.0/apache-demo-src-1.0.0.tar.gz.asc\n");
            assertThat(server.cat("release/demo/1.0.0/apache-demo-src-1.0.0.tar.gz.asc")).isEqualTo("new sig");
            assertThat(server.tree("dev/demo")).isEqualTo("dev/demo/\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void pruneProposesOlderReleasesAndOldCandidatesAndKeepsWhatTheRmChose(String kind, @TempDir Path tmp)
            throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            for (String v : List.of("0.9.0", "0.9.1", "1.0.0", "0.8.5")) {
                server.mkdir("release/demo/" + v);
            }
            server.putFile("release/demo/KEYS", "keys".getBytes(StandardCharsets.UTF_8), "KEYS");
            server.mkdir("dev/demo/0.9.1-rc2");
            server.mkdir("dev/demo/1.1.0-rc1");
            DistPrune prune = new DistPrune(DistFixture.FAST);
            DistPrune.Proposal p = prune.propose(server.releaseUrl(), server.devUrl(), Version.parse("1.0.0"), null,
                    Progress.NONE);
            assertThat(p.removals()).extracting(DistPrune.Candidate::name).containsExactly("0.9.0", "0.9.1-rc2");
            long before = server.youngest();
            DistPrune.Result r = prune.prune(p.keeping(Set.of("0.9.0")), "Remove old releases", rm, Progress.NONE);
            assertThat(r.revision()).isEqualTo(before + 1);
            assertThat(r.removed()).containsExactly(server.devUrl() + "0.9.1-rc2/");
            assertThat(server.tree("release/demo")).contains("0.9.0/", "0.9.1/", "1.0.0/", "0.8.5/", "KEYS");
            assertThat(server.tree("dev/demo")).isEqualTo("dev/demo/\ndev/demo/1.1.0-rc1/\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void fetchExportsTheRcFolderAnonymouslyAndKeysFromRelease(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            staged(server, tmp, rm);
            server.putFile("release/demo/KEYS", "the keys".getBytes(StandardCharsets.UTF_8), "KEYS");
            DistFetch fetch = new DistFetch(DistFixture.FAST);
            Path out = tmp.resolve("out");
            DistFetch.Result r = fetch.fetch(server.devUrl() + "1.0.0-rc1/", out, null, Progress.NONE);
            assertThat(r.files()).hasSize(3);
            assertThat(out.resolve("apache-demo-1.0.0-src.tar.gz")).hasContent("artifact bytes");
            fetch.fetchFile(server.releaseUrl() + "KEYS", tmp.resolve("KEYS"), null, Progress.NONE);
            assertThat(tmp.resolve("KEYS")).hasContent("the keys");
        }
    }
}
