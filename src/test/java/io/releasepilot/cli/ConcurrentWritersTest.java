package io.releasepilot.cli;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.pgp.KeysReader;
import io.releasepilot.settings.Settings;
import io.releasepilot.settings.SettingsStore;
import io.releasepilot.testing.CliProcess;
import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Release Pilots writing one shared file at once: both changes survive, none is silently lost. */
class ConcurrentWritersTest {
    @TempDir
    Path tmp;

    @Test
    void twoKeyGenerationsOnOneHomeAtOnceKeepBothKeys() throws Exception {
        Path home = tmp.resolve("home");
        Path pass = Files.writeString(tmp.resolve("pass"), "two processes, one keyring\n");
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("Jane Doe", "John Roe")) {
            processes.add(CliProcess.start(tmp, List.of(), "keys", "generate", "--home", home.toString(), "--name",
                    name, "--email", name.split(" ")[0].toLowerCase() + "@apache.org", "--passphrase-file",
                    pass.toString(), "--bits", "1024"));
        }
        for (Process p : processes) {
            Tools.Result r = CliProcess.finish(p);
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        CliRun list = CliRun.run("keys", "list", "--home", home.toString());
        assertThat(list.out()).contains("Jane Doe <jane@apache.org>", "John Roe <john@apache.org>");
        try (Stream<Path> files = Files.list(home.resolve("keys"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("secret-keys.asc",
                    ".secret-keys.asc.lock", "revocations");
        }
        try (Stream<Path> files = Files.list(home.resolve("keys").resolve("revocations"))) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void twoAppendsToOneKeysFileAtOnceKeepBothEntries() throws Exception {
        Path home = tmp.resolve("home");
        List<String> fingerprints = new ArrayList<>();
        try (Passphrase p = new Passphrase("appends".toCharArray())) {
            KeyService keys = new KeyService(new AppHome(home));
            for (String name : List.of("Jane Doe", "John Roe")) {
                fingerprints.add(keys.generate(new KeySpec(name, name.split(" ")[0] + "@apache.org", "",
                        Optional.empty(), 1024), p, Progress.NONE).key().fingerprint().hex());
            }
        }
        Path keysFile = Files.writeString(tmp.resolve("KEYS"), "This file holds the project's release keys.\n");
        for (int round = 0; round < 3; round++) {
            Files.writeString(keysFile, "This file holds the project's release keys.\n");
            List<Process> processes = new ArrayList<>();
            for (String fpr : fingerprints) {
                processes.add(CliProcess.start(tmp, List.of(), "keys", "append", "--home", home.toString(),
                        "--keys-file", keysFile.toString(), "--key", fpr));
            }
            for (Process p : processes) {
                Tools.Result r = CliProcess.finish(p);
                assertThat(r.exitCode()).as(r.err()).isZero();
            }
            assertThat(KeysReader.read(keysFile).size()).as("round %d", round).isEqualTo(2);
            assertThat(Files.readString(keysFile)).startsWith("This file holds the project's release keys.\n");
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temp file is left")
                    .noneMatch(n -> n.startsWith(".KEYS") && !n.equals(".KEYS.lock"));
        }
    }

    @Test
    void eightAppendsFromThreadsAtOnceKeepEveryEntry() throws Exception {
        Path home = tmp.resolve("home8");
        List<String> fingerprints = new ArrayList<>();
        try (Passphrase p = new Passphrase("appends".toCharArray())) {
            KeyService keys = new KeyService(new AppHome(home));
            for (int i = 0; i < 8; i++) {
                fingerprints.add(keys.generate(new KeySpec("Release Manager " + i, "rm" + i + "@apache.org", "",
                        Optional.empty(), 1024), p, Progress.NONE).key().fingerprint().hex());
            }
        }
        Path keysFile = Files.writeString(tmp.resolve("KEYS8"), "This file holds the project's release keys.\n");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CliRun>> runs = new ArrayList<>();
            for (String fpr : fingerprints) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return CliRun.run("keys", "append", "--home", home.toString(), "--keys-file",
                            keysFile.toString(), "--key", fpr);
                }));
            }
            start.countDown();
            for (Future<CliRun> f : runs) {
                CliRun r = f.get();
                assertThat(r.exitCode()).as(r.err()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(KeysReader.read(keysFile).size()).isEqualTo(8);
    }

    @Test
    void settingsChangedFromManyThreadsKeepEveryChange() throws Exception {
        SettingsStore store = new SettingsStore(new AppHome(tmp.resolve("home")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Settings>> done = new ArrayList<>();
            for (int i = 0; i < Settings.MAX_RECENT; i++) {
                String folder = "/releases/r" + i;
                done.add(pool.submit(() -> new SettingsStore(new AppHome(tmp.resolve("home")))
                        .update(s -> s.withRecent(folder))));
            }
            for (Future<Settings> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.load().recentWorkspaces()).hasSize(Settings.MAX_RECENT);
    }
}
