package io.releasepilot.cli;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.SmallDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk in the middle of writing files that belong together: neither is written, nothing old is replaced,
 * no temporary file is left, and a retry does the work once. Uses a real tmpfs (root only; skipped otherwise).
 */
class DiskFullTest {
    static final String PASS = "full disk passphrase";
    @TempDir
    Path tmp;
    SmallDisk disk;

    @AfterEach
    void unmount() {
        if (disk != null) {
            disk.close();
        }
    }

    private static java.util.List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.equals(".filler")).sorted().toList();
        }
    }

    @Test
    void keyGenerationOnAFullDiskSavesNeitherKeyNorCertificateAndARetryMakesOneKey() throws Exception {
        disk = SmallDisk.mount(tmp.resolve("disk"), 256);
        Path home = disk.dir().resolve("home");
        Files.createDirectories(home.resolve("keys").resolve("revocations"));
        Path pass = Files.writeString(tmp.resolve("pass"), PASS + "\n");
        disk.leaveFree(1);
        String[] generate = {"keys", "generate", "--home", home.toString(), "--name", "Jane Doe", "--email",
                "jdoe@apache.org", "--passphrase-file", pass.toString(), "--bits", "1024"};
        CliRun full = CliRun.run(generate);
        assertThat(full.exitCode()).isEqualTo(2);
        assertThat(full.err()).contains("the disk is full", "Free some disk space").doesNotContain("Exception");
        assertThat(full.out()).as("no fingerprint is printed").doesNotContainPattern("[0-9A-F]{40}");
        assertThat(CliRun.run("keys", "list", "--home", home.toString()).out()).startsWith("No keys yet.");
        assertThat(names(home.resolve("keys"))).as("no temp file is left").containsExactly(".secret-keys.asc.lock",
                "revocations");
        assertThat(names(home.resolve("keys").resolve("revocations"))).isEmpty();

        disk.freeAll();
        CliRun retry = CliRun.run(generate);
        assertThat(retry.exitCode()).as(retry.err()).isZero();
        String list = CliRun.run("keys", "list", "--home", home.toString()).out();
        assertThat(list.lines().filter(l -> l.startsWith("  long key id"))).hasSize(1);
        assertThat(names(home.resolve("keys").resolve("revocations"))).hasSize(1);
    }

    @Test
    void signingOnAFullDiskWritesNoSignatureBesideAnOldChecksum() throws Exception {
        Path home = tmp.resolve("home");
        String fpr;
        try (Passphrase p = new Passphrase(PASS.toCharArray())) {
            fpr = new KeyService(new AppHome(home)).generate(new KeySpec("Jane Doe", "jdoe@apache.org", "",
                    Optional.empty(), 1024), p, Progress.NONE).key().fingerprint().hex();
        }
        Path pass = Files.writeString(tmp.resolve("pass"), PASS + "\n");
        disk = SmallDisk.mount(tmp.resolve("disk"), 256);
        Path artifact = Files.writeString(disk.dir().resolve("apache-kvrocks-2.4.0-src.tar.gz"), "not really gz");
        Path oldSha = Files.writeString(disk.dir().resolve("apache-kvrocks-2.4.0-src.tar.gz.sha512"), "old checksum\n");
        disk.leaveFree(1);
        CliRun sign = CliRun.run("sign", "--home", home.toString(), "--key", fpr, "--passphrase-file",
                pass.toString(), artifact.toString());
        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.err()).contains("the disk is full", "Neither was written").doesNotContain("Exception");
        assertThat(names(disk.dir())).containsExactly("apache-kvrocks-2.4.0-src.tar.gz",
                "apache-kvrocks-2.4.0-src.tar.gz.sha512");
        assertThat(Files.readString(oldSha)).isEqualTo("old checksum\n");

        disk.freeAll();
        assertThat(CliRun.run("sign", "--home", home.toString(), "--key", fpr, "--passphrase-file", pass.toString(),
                artifact.toString()).exitCode()).isZero();
        assertThat(names(disk.dir())).hasSize(3);
    }

    @Test
    void aZipThatDoesNotFitLeavesNoTarGzEither() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("repo"));
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        repo.write("LICENSE", Files.readString(Path.of("LICENSE"))).write("NOTICE", "Apache Kvrocks\n")
                .write("src/main.cc", Archives.HEADER + "int main() { return 0; }\n");
        Files.write(repo.dir().resolve("src/data.bin"), noise);
        repo.commit("Release");
        repo.tag("v2.4.0-rc1");
        Path reference = tmp.resolve("reference");
        String[] build = {"source", "build", "--repo", repo.dir().toString(), "--tag", "v2.4.0-rc1", "--project",
                "kvrocks", "--version", "2.4.0", "--skip-preflight", "--zip", "--out"};
        CliRun first = CliRun.run(concat(build, reference.toString()));
        assertThat(first.exitCode()).as(first.err()).isZero();
        long tgz = Files.size(reference.resolve("apache-kvrocks-2.4.0-src.tar.gz"));
        int tgzPages = (int) ((tgz + SmallDisk.PAGE - 1) / SmallDisk.PAGE);

        disk = SmallDisk.mount(tmp.resolve("disk"), 512);
        Path out = Files.createDirectories(disk.dir().resolve("artifacts"));
        disk.leaveFree(tgzPages);
        CliRun full = CliRun.run(concat(build, out.toString()));
        assertThat(full.exitCode()).isEqualTo(2);
        assertThat(full.err()).contains("the disk is full", "No archive was written").doesNotContain("Exception");
        assertThat(names(out)).isEmpty();
    }

    private static String[] concat(String[] a, String last) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = last;
        return all;
    }
}
