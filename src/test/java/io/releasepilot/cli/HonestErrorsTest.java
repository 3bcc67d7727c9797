package io.releasepilot.cli;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.SignatureVerifier;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.source.ExportRules;
import io.releasepilot.source.SourceArchiveBuilder;
import io.releasepilot.source.SourceRequest;
import io.releasepilot.source.SourceResult;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error says the real reason and advice that fits it, and never shows credentials. */
class HonestErrorsTest {
    static final String PASS = "honest errors passphrase";
    @TempDir
    static Path tmp;
    static Path home;
    static String fpr;
    static GitFixture repo;

    @BeforeAll
    static void setUp() throws Exception {
        home = tmp.resolve("home");
        try (Passphrase p = new Passphrase(PASS.toCharArray())) {
            fpr = new KeyService(new AppHome(home)).generate(new KeySpec("Jane Doe", "jdoe@apache.org", "",
                    Optional.empty(), 1024), p, Progress.NONE).key().fingerprint().hex();
        }
        repo = new GitFixture(tmp.resolve("repo"));
        repo.write("LICENSE", Files.readString(Path.of("LICENSE"))).write("NOTICE", "Apache Kvrocks\n")
                .write("src/main.cc", Archives.HEADER + "int main() { return 0; }\n");
        repo.commit("Release");
        repo.tag("v2.4.0-rc1");
    }

    @Test
    void aKeysPathThatIsAFolderOrMissingSaysSo() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("KEYS-folder"));
        CliRun append = CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", folder.toString(),
                "--key", fpr);
        assertThat(append.exitCode()).isEqualTo(2);
        assertThat(append.err()).contains("Could not read the KEYS file " + folder + ": it is a folder, not a file.",
                "Give the path of the KEYS file");
        Path rc = Files.createDirectories(tmp.resolve("rc"));
        Files.writeString(rc.resolve("apache-kvrocks-2.4.0-src.tar.gz"), "x");
        CliRun verify = CliRun.run("verify", rc.toString(), "--keys", folder.toString());
        assertThat(verify.err()).contains("Could not read the KEYS file " + folder + ": it is a folder, not a file.")
                .doesNotContain(folder + ": " + folder);
    }

    @Test
    void aSignatureFileThatCannotBeReadIsNotCalledEmpty() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("x.tar.gz.asc"));
        String message = new SignatureVerifier(io.releasepilot.pgp.KeysReader.parse("", "KEYS")).start(folder)
                .finish(java.util.Map.of(), java.time.Instant.now()).message();
        assertThat(message).contains("it cannot be read: it is a folder, not a file.").doesNotContain("empty");
    }

    @Test
    void aHomeThatIsAFileIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(tmp.resolve("home-file"), "not a folder");
        Path pass = Files.writeString(tmp.resolve("home-pass"), PASS + "\n");
        for (String command : List.of("list", "generate")) {
            CliRun run = command.equals("list") ? CliRun.run("keys", "list", "--home", file.toString())
                    : CliRun.run("keys", "generate", "--home", file.toString(), "--name", "Jane Doe", "--email",
                    "jdoe@apache.org", "--passphrase-file", pass.toString(), "--bits", "1024");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("The Release Pilot home " + file + " is a file, not a folder.")
                    .doesNotContain("disk space");
        }
    }

    @Test
    void twoBuildsOfOneTagAtOnceBothSucceed() throws Exception {
        Path out = tmp.resolve("parallel-out");
        SourceRequest request = new SourceRequest(repo.dir(), "v2.4.0-rc1", "kvrocks", "2.4.0", false,
                new ExportRules(ExportRules.DEFAULT_DOT_FILES, List.of(), true), false, true, out);
        for (int round = 0; round < 3; round++) {
            CompletableFuture<SourceResult> a = CompletableFuture.supplyAsync(() -> build(request));
            CompletableFuture<SourceResult> b = CompletableFuture.supplyAsync(() -> build(request));
            assertThat(a.join().artifacts()).isEqualTo(b.join().artifacts());
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
                    "apache-kvrocks-2.4.0-src.tar.gz", "apache-kvrocks-2.4.0-src.zip");
        }
    }

    private static SourceResult build(SourceRequest request) {
        try {
            return new SourceArchiveBuilder(2).build(request, Progress.NONE);
        } catch (io.releasepilot.core.ReleasePilotException e) {
            throw new AssertionError(e.userText(), e);
        }
    }

    @Test
    void aBadTagNameIsCalledInvalidNotUnwritable() {
        CliRun run = CliRun.run("source", "tag", "--repo", repo.dir().toString(), "--name", "v2.4.0 rc1",
                "--tagger-name", "Jane Doe", "--tagger-email", "jdoe@apache.org");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\"v2.4.0 rc1\" is not a valid tag name: it contains a space")
                .doesNotContain("writable");
    }

    @Test
    void aWrongPassphraseWhileSigningATagSaysThePassphraseIsWrong() throws Exception {
        Path wrong = Files.writeString(tmp.resolve("wrong-pass"), "not the passphrase\n");
        CliRun run = CliRun.run("source", "tag", "--home", home.toString(), "--repo", repo.dir().toString(),
                "--name", "v2.4.0-rc2", "--tagger-name", "Jane Doe", "--tagger-email", "jdoe@apache.org", "--key",
                fpr, "--passphrase-file", wrong.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Could not sign the tag v2.4.0-rc2: The passphrase for key", "is not right.",
                "Type the passphrase you chose", "No tag was created.").doesNotContain("writable");
        assertThat(repo.git("tag", "-l", "v2.4.0-rc2")).isEmpty();
    }

    @Test
    void buildingFromATagNotMadeYetSaysHowToMakeIt() {
        CliRun run = CliRun.run("source", "build", "--repo", repo.dir().toString(), "--tag", "v9.9.9-rc1",
                "--project", "kvrocks", "--version", "9.9.9", "--out", tmp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("There is no tag or commit \"v9.9.9-rc1\" in " + repo.dir(),
                "create it first (release-pilot source tag --dir RELEASE_DIR, or the Source release step)");
    }

    @Test
    void pushingToARemoteTheRepositoryDoesNotHaveSaysSo() {
        CliRun run = CliRun.run("source", "push-tag", "--repo", repo.dir().toString(), "--remote", "upstream",
                "--tag", "v2.4.0-rc1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Error: The repository " + repo.dir() + " has no remote named \"upstream\";"
                + " the tag v2.4.0-rc1 was not pushed.", "git -C " + repo.dir() + " remote add upstream URL")
                .doesNotContain("credentials");
    }

    @Test
    void credentialsInARemoteUrlAreNeverPrinted() {
        CliRun run = CliRun.run("source", "push-tag", "--repo", repo.dir().toString(), "--remote",
                "https://alice:ghp_S3CRETTOKEN@127.0.0.1:9/apache/kvrocks.git", "--tag", "v2.4.0-rc1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Could not push the tag v2.4.0-rc1 to https://***@127.0.0.1:9/apache/kvrocks.git")
                .doesNotContain("S3CRETTOKEN", "alice");
        assertThat(run.out()).doesNotContain("S3CRETTOKEN");
    }

    @Test
    void aFailedGnuPgImportPrintsNoImported() throws Exception {
        Path gnupg = Files.createDirectories(tmp.resolve("empty-gnupg"));
        Path pass = Files.writeString(tmp.resolve("pass"), PASS + "\n");
        Files.setPosixFilePermissions(pass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        CliRun run = CliRun.run("keys", "import", "--home", home.toString(), "--gnupg-home", gnupg.toString(),
                "--key", fpr, "--passphrase-file", pass.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("Imported");
        assertThat(run.err()).startsWith("Error: " + gnupg + " has no pubring.kbx or pubring.gpg");
    }
}
