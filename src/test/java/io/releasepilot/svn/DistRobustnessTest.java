package io.releasepilot.svn;

import io.releasepilot.core.Progress;
import io.releasepilot.testing.DistServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Big candidates, a server that dies mid-commit, and SVNKit staying out of ~/.subversion. */
class DistRobustnessTest {
    private static final long MB = 1024 * 1024;

    /** Writes {@code bytes} of random data to {@code file} a megabyte at a time (never all in memory). */
    static Path randomFile(Path file, long bytes, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        byte[] chunk = new byte[(int) MB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void serverKilledInTheMiddleOfA100MbCommitLeavesNothingAndTheRetrySucceedsOnce(String kind, @TempDir Path tmp)
            throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            Path big = randomFile(tmp.resolve("rc/apache-demo-1.0.0-src.tar.gz"), 100 * MB, 1);
            var request = new DistStage.Request(server.devUrl(), "1.0.0-rc1", List.of(big), "Stage");
            long before = server.youngest();
            AtomicLong sent = new AtomicLong();
            AtomicBoolean killed = new AtomicBoolean();
            Progress killHalfway = new Progress() {
                @Override
                public void begin(String task, long totalWork) {
                }

                @Override
                public void worked(long units) {
                    if (sent.addAndGet(units) > 50 * MB && killed.compareAndSet(false, true)) {
                        server.kill();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            DistStage stage = new DistStage(DistFixture.FAST);
            assertThatThrownBy(() -> stage.stage(request, rm, killHalfway))
                    .isInstanceOf(SvnException.class)
                    .satisfies(e -> assertThat(((SvnException) e).reason()).isEqualTo(SvnException.Reason.NETWORK))
                    .hasMessageContaining("Nothing was committed.");
            assertThat(killed).isTrue();
            assertThat(server.youngest()).isEqualTo(before);
            server.start();
            DistStage.Result r = stage.stage(request, rm, Progress.NONE);
            assertThat(r.revision()).isEqualTo(before + 1);
            assertThat(server.youngest()).isEqualTo(before + 1);
            assertThat(server.tree("dev/demo")).isEqualTo("dev/demo/\ndev/demo/1.0.0-rc1/\n"
                    + "dev/demo/1.0.0-rc1/apache-demo-1.0.0-src.tar.gz\n");
            assertThat(r.files().get(0).bytes()).isEqualTo(100 * MB);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void stagesA300MbCandidateStreamed(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            Path big = randomFile(tmp.resolve("rc/apache-demo-1.0.0-src.tar.gz"), 300 * MB, 2);
            AtomicLong worked = new AtomicLong();
            DistStage.Result r = new DistStage(DistFixture.FAST).stage(new DistStage.Request(server.devUrl(),
                    "1.0.0-rc1", List.of(big), "Stage"), rm, DistStageTest.counting(worked));
            assertThat(worked.get()).isEqualTo(300 * MB);
            assertThat(r.files().get(0).bytes()).isEqualTo(300 * MB);
            assertThat(r.files().get(0).sha512()).isEqualTo(sha512(big));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void svnkitNeitherReadsNorWritesTheUsersSubversionFolderAndNoFileHoldsThePassword(String kind, @TempDir Path tmp)
            throws Exception {
        Path fakeHome = Files.createDirectories(tmp.resolve("home"));
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", fakeHome.toString());
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            new DistStage(DistFixture.FAST).stage(new DistStage.Request(server.devUrl(), "1.0.0-rc1",
                    DistFixture.rcFiles(tmp.resolve("rc")), "Stage"), rm, Progress.NONE);
            new DistKeys(DistFixture.FAST).commit(new DistKeys(DistFixture.FAST).preview(server.releaseUrl(),
                    DistKeysTest.KEY, DistKeysTest.ENTRY, rm, Progress.NONE), DistKeysTest.ENTRY, "KEYS", rm,
                    Progress.NONE);
            try (Stream<Path> s = Files.list(fakeHome)) {
                assertThat(s.toList()).isEmpty();
            }
            assertThat(DistFixture.filesContaining(tmp, DistServer.RM_PASSWORD)).allMatch(p ->
                    p.startsWith(server.root()) && !p.startsWith(server.repositoryPath()));
            assertThat(DistFixture.filesContaining(server.repositoryPath(), DistServer.RM_PASSWORD)).isEmpty();
        } finally {
            System.setProperty("user.home", realHome);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void svnkitLogsNothingOfTheTrafficEvenAtFinest(String kind, @TempDir Path tmp) throws Exception {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(String.valueOf(r.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(java.util.logging.Level.ALL);
        List<java.util.logging.Logger> loggers = Stream.of("svnkit", "svnkit-network", "svnkit-wc", "svnkit-cli")
                .map(java.util.logging.Logger::getLogger).toList();
        loggers.forEach(l -> {
            l.setLevel(java.util.logging.Level.FINEST);
            l.addHandler(handler);
        });
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            new DistStage(DistFixture.FAST).stage(new DistStage.Request(server.devUrl(), "1.0.0-rc1",
                    DistFixture.rcFiles(tmp.resolve("rc")), "Stage"), rm, Progress.NONE);
        } finally {
            loggers.forEach(l -> {
                l.removeHandler(handler);
                l.setLevel(null);
            });
        }
        String basic = java.util.Base64.getEncoder().encodeToString(("rm:" + DistServer.RM_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(logged).noneMatch(m -> m.contains(DistServer.RM_PASSWORD) || m.contains(basic)
                || m.contains("Authorization"));
    }

    static String sha512(Path f) throws Exception {
        var md = java.security.MessageDigest.getInstance("SHA-512");
        try (var in = Files.newInputStream(f)) {
            byte[] b = new byte[1 << 20];
            for (int n; (n = in.read(b)) > 0; ) {
                md.update(b, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }
}
