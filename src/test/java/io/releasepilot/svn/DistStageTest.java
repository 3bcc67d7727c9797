package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import io.releasepilot.testing.DistServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staging an RC folder on a real svnserve and a real httpd + mod_dav_svn. */
class DistStageTest {

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void stagesTheRcFolderInOneCommitAndChecksItBack(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            List<Path> files = DistFixture.rcFiles(tmp.resolve("rc"));
            DistStage stage = new DistStage(DistFixture.FAST);
            var request = new DistStage.Request(server.devUrl(), "1.0.0-rc1", files, "Stage Apache Demo 1.0.0-rc1");
            DistStage.Preview preview = stage.preview(request, null, Progress.NONE);
            assertThat(preview.exists()).isFalse();
            assertThat(preview.totalBytes()).isEqualTo(15 + 30 + 34);
            assertThat(preview.url()).isEqualTo(server.devUrl() + "1.0.0-rc1/");
            AtomicLong worked = new AtomicLong();
            long before = server.youngest();
            DistStage.Result result = stage.stage(request, rm, counting(worked));
            assertThat(result.revision()).isEqualTo(before + 1);
            assertThat(server.youngest()).isEqualTo(before + 1);
            assertThat(worked.get()).isEqualTo(79);
            assertThat(server.cat("dev/demo/1.0.0-rc1/apache-demo-1.0.0-src.tar.gz")).isEqualTo("artifact bytes\n");
            assertThat(result.files()).extracting(DistStage.StagedFile::name).containsExactly(
                    "apache-demo-1.0.0-src.tar.gz", "apache-demo-1.0.0-src.tar.gz.asc",
                    "apache-demo-1.0.0-src.tar.gz.sha512");
            assertThat(result.files().get(0).sha512()).startsWith("93724d8f");
            assertThat(DistFixture.filesContaining(tmp, DistServer.RM_PASSWORD)).allMatch(p ->
                    p.getFileName().toString().equals("passwd") || p.getFileName().toString().equals("svnserve.conf"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void refusesAnExistingRcFolderAndOffersTheNextNumber(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            server.mkdir("dev/demo/1.0.0-rc1");
            server.mkdir("dev/demo/1.0.0-rc2");
            long before = server.youngest();
            var request = new DistStage.Request(server.devUrl(), "1.0.0-rc1", DistFixture.rcFiles(tmp.resolve("rc")),
                    "Stage");
            DistStage stage = new DistStage(DistFixture.FAST);
            assertThat(stage.preview(request, null, Progress.NONE).nextRcFolder()).isEqualTo("1.0.0-rc3");
            assertThatThrownBy(() -> stage.stage(request, rm, Progress.NONE))
                    .isInstanceOf(SvnException.class)
                    .hasMessage(server.devUrl() + "1.0.0-rc1/ already exists; nothing was committed.")
                    .extracting(e -> ((SvnException) e).fix()).asString().contains("1.0.0-rc3");
            assertThat(server.youngest()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void wrongPasswordNamesTheUserInWords(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp);
             SvnCredentials wrong = new SvnCredentials("rm", "not-the-password".toCharArray())) {
            var request = new DistStage.Request(server.devUrl(), "1.0.0-rc1", DistFixture.rcFiles(tmp.resolve("rc")),
                    "Stage");
            assertThatThrownBy(() -> new DistStage(DistFixture.FAST).stage(request, wrong, Progress.NONE))
                    .isInstanceOf(SvnException.class)
                    .satisfies(e -> assertThat(((SvnException) e).reason()).isEqualTo(SvnException.Reason.AUTHENTICATION))
                    .hasMessageStartingWith("The server 127.0.0.1:" + server.port()
                            + " did not accept the password of user 'rm' while ")
                    .hasMessageNotContaining("not-the-password");
            assertThat(server.tree("dev/demo")).isEqualTo("dev/demo/\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void cancelCommitsNothing(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            Path big = tmp.resolve("rc2/apache-demo-1.0.0-src.tar.gz");
            Files.createDirectories(big.getParent());
            Files.write(big, new byte[3 * 1024 * 1024]);
            long before = server.youngest();
            var request = new DistStage.Request(server.devUrl(), "1.0.0-rc1", List.of(big), "Stage");
            AtomicLong worked = new AtomicLong();
            Progress cancelAfterAMegabyte = new Progress() {
                @Override
                public void begin(String task, long totalWork) {
                }

                @Override
                public void worked(long units) {
                    worked.addAndGet(units);
                }

                @Override
                public boolean isCancelled() {
                    return worked.get() > 1024 * 1024;
                }
            };
            assertThatThrownBy(() -> new DistStage(DistFixture.FAST).stage(request, rm, cancelAfterAMegabyte))
                    .isInstanceOf(CancelledException.class)
                    .hasMessage("staging " + server.devUrl() + "1.0.0-rc1/ was cancelled.");
            assertThat(server.youngest()).isEqualTo(before);
            assertThat(server.tree("dev/demo")).isEqualTo("dev/demo/\n");
            // the transaction itself is gone too, not just left unmerged
            try (var txns = Files.list(server.repositoryPath().resolve("db/transactions"))) {
                assertThat(txns.toList()).isEmpty();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void overHttpTheServerReceivesTheFileWhileItIsReadNotAfterASpoolCopy(@TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server("httpd", tmp); SvnCredentials rm = DistFixture.rm()) {
            Path big = DistRobustnessTest.randomFile(tmp.resolve("rc/apache-demo-1.0.0-src.tar.gz"), 40L << 20, 3);
            AtomicLong worked = new AtomicLong();
            AtomicLong atThreeQuarters = new AtomicLong(-1);
            Progress watching = new Progress() {
                @Override
                public void begin(String task, long totalWork) {
                }

                @Override
                public void worked(long units) {
                    if (worked.addAndGet(units) > (30L << 20) && atThreeQuarters.get() < 0) {
                        atThreeQuarters.set(bytesUnder(server.repositoryPath().resolve("db/txn-protorevs"))
                                + bytesUnder(server.repositoryPath().resolve("db/transactions")));
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            DistStage.Result r = new DistStage(DistFixture.FAST).stage(new DistStage.Request(server.devUrl(),
                    "1.0.0-rc1", List.of(big), "Stage"), rm, watching);
            assertThat(r.files().get(0).bytes()).isEqualTo(40L << 20);
            assertThat(r.files().get(0).sha512()).isEqualTo(DistRobustnessTest.sha512(big));
            // SVNKit's own editor would have sent nothing yet: it uploads a file only once its whole svndiff is spooled
            assertThat(atThreeQuarters.get()).isGreaterThan(10L << 20);
        }
    }

    @org.junit.jupiter.api.Test
    void overHttpAnEmptyFileIsStagedEmpty(@TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server("httpd", tmp); SvnCredentials rm = DistFixture.rm()) {
            Path dir = Files.createDirectories(tmp.resolve("rc"));
            Path empty = Files.write(dir.resolve("apache-demo-1.0.0-src.tar.gz.sha256"), new byte[0]);
            Path small = Files.writeString(dir.resolve("apache-demo-1.0.0-src.tar.gz"), "x".repeat(63));
            DistStage.Result r = new DistStage(DistFixture.FAST).stage(new DistStage.Request(server.devUrl(),
                    "1.0.0-rc1", List.of(small, empty), "Stage"), rm, Progress.NONE);
            assertThat(r.files()).extracting(DistStage.StagedFile::bytes).containsExactly(63L, 0L);
            assertThat(server.cat("dev/demo/1.0.0-rc1/apache-demo-1.0.0-src.tar.gz.sha256")).isEmpty();
            assertThat(server.cat("dev/demo/1.0.0-rc1/apache-demo-1.0.0-src.tar.gz")).isEqualTo("x".repeat(63));
        }
    }

    private static long bytesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    static Progress counting(AtomicLong worked) {
        return new Progress() {
            @Override
            public void begin(String task, long totalWork) {
            }

            @Override
            public void worked(long units) {
                worked.addAndGet(units);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
