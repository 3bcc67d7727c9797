package io.releasepilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.Json;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release through the command line with nothing but {@code --dir}: each step reads the profile from
 * release.json and records what it did there; {@code status --json} then matches the files on disk, a rebuilt
 * archive makes its signatures stale, and {@code rc next} starts a fresh candidate while keeping the old one.
 */
class ReleaseRecordCommandsTest {
    static final String PASS = "record passphrase";
    @TempDir
    static Path tmp;
    static GitFixture repo;
    static Path home;
    static Path passFile;
    static String fpr;
    static Gpg gpg;

    @BeforeAll
    static void aRepositoryAndAKey() throws Exception {
        repo = new GitFixture(tmp.resolve("kvrocks"));
        repo.write("LICENSE", Files.readString(Path.of("LICENSE")))
                .write("NOTICE", "Apache Kvrocks\nCopyright 2022-" + Year.now() + " The Apache Software Foundation\n")
                .write("src/server.cc", Archives.HEADER + "int main() { return 0; }\n");
        repo.commit("Release 2.3.0");
        repo.tag("v2.3.0");
        repo.write("src/extra.cc", Archives.HEADER + "int extra;\n").commitAs("Ann", "ann@apache.org",
                "feat: add extra");
        home = tmp.resolve("home");
        passFile = Files.writeString(tmp.resolve("pass"), PASS + "\n");
        gpg = new Gpg(tmp.resolve("gnupg"));
        // One key for every release of this class, made through the command line like a first-time RM would.
        Path first = initRelease("first");
        CliRun generated = run("keys", "generate", "--dir", first.toString(), "--passphrase-file", passFile.toString(),
                "--bits", "2048");
        assertThat(generated.exitCode()).as(generated.err()).isEqualTo(0);
        String[] lines = generated.out().strip().split("\n");
        fpr = lines[lines.length - 1].strip();
        Path pub = Files.writeString(tmp.resolve("pub.asc"), run("keys", "export", "--key", fpr).out());
        gpg.run("--import", pub.toString());
    }

    @AfterAll
    static void stop() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static CliRun run(String... args) {
        return CliRun.runIn(home, args);
    }

    static CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(0);
        return r;
    }

    static Path initRelease(String name) {
        Path dir = tmp.resolve(name);
        CliRun r = CliRun.run("profile", "init", "--dir", dir.toString(), "--project", "kvrocks", "--version", "2.4.0",
                "--repo", repo.dir().toString(), "--name", "Jane Doe", "--apache-id", "jdoe", "--email",
                "jdoe@apache.org", "--home", home.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        return dir;
    }

    /** profile → key → notes → RC tag → source → sign → check, each with --dir only. */
    static Path releaseUpToCheck(String name) {
        Path dir = name.equals("first") ? tmp.resolve("first") : initRelease(name);
        String d = dir.toString();
        if (!name.equals("first")) {
            ok("keys", "use", "--dir", d, "--key", fpr);
        }
        ok("notes", "--dir", d);
        CliRun tag = run("source", "tag", "--dir", d, "--sign", "--passphrase-file", passFile.toString());
        assertThat(tag.exitCode() == 0 || tag.err().contains("already exists")).as(tag.err()).isTrue();
        ok("source", "build", "--dir", d);
        ok("sign", "--dir", d, "--passphrase-file", passFile.toString());
        ok("verify", "--dir", d);
        return dir;
    }

    static JsonNode status(Path dir) throws Exception {
        return Json.mapper().readTree(ok("status", "--dir", dir.toString(), "--json").out());
    }

    static JsonNode step(JsonNode status, String id) {
        for (JsonNode s : status.get("steps")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no step " + id + " in " + status);
    }

    @Test
    void draftingTheNotesAgainKeepsTheEditedFileBesideTheNewDraft() throws Exception {
        Path dir = initRelease("notes-again");
        ok("notes", "--dir", dir.toString());
        Path notes = dir.resolve("notes/RELEASE-NOTES-2.4.0.md");
        String draft = Files.readString(notes);
        CliRun same = ok("notes", "--dir", dir.toString());
        assertThat(same.err()).doesNotContain("kept in");
        assertThat(notes.resolveSibling("RELEASE-NOTES-2.4.0.md.previous")).doesNotExist();

        Files.writeString(notes, draft + "\nHighlights written by hand.\n");
        CliRun again = ok("notes", "--dir", dir.toString());
        Path previous = notes.resolveSibling("RELEASE-NOTES-2.4.0.md.previous");
        assertThat(again.err()).contains("its text is kept in " + previous);
        assertThat(Files.readString(previous)).isEqualTo(draft + "\nHighlights written by hand.\n");
        assertThat(Files.readString(notes)).isEqualTo(draft);
    }

    @Test
    void aReleaseFromProfileToCheckWithDirOnlyMatchesTheFilesOnDisk() throws Exception {
        Path dir = releaseUpToCheck("first");
        JsonNode status = status(dir);

        assertThat(status.get("project").asText()).isEqualTo("kvrocks");
        assertThat(status.get("version").asText()).isEqualTo("2.4.0");
        assertThat(status.get("rc").asInt()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        status.get("steps").forEach(s -> ids.add(s.get("id").asText() + "=" + s.get("status").asText()));
        assertThat(ids).containsExactly("profile=DONE", "plan=NOT_STARTED", "key=DONE", "keys-file=NOT_STARTED",
                "notes=DONE", "branch=NOT_STARTED", "source=DONE", "sign=DONE", "check=DONE", "stage=NOT_STARTED",
                "vote=NOT_STARTED", "tally=NOT_STARTED", "result=NOT_STARTED", "publish=NOT_STARTED",
                "prune=NOT_STARTED", "announce=NOT_STARTED", "next-version=NOT_STARTED");

        JsonNode source = step(status, "source").get("outputs");
        assertThat(source.get("tag").asText()).isEqualTo("v2.4.0-rc1");
        assertThat(source.get("commitId").asText()).isEqualTo(repo.git("rev-parse", "HEAD").strip());
        assertThat(source.get("folder").asText()).isEqualTo("artifacts/2.4.0-rc1");
        JsonNode artifact = source.get("artifacts").get(0);
        Path archive = dir.resolve("artifacts/2.4.0-rc1").resolve(artifact.get("file").asText());
        assertThat(artifact.get("file").asText()).isEqualTo("apache-kvrocks-2.4.0-src.tar.gz");
        assertThat(artifact.get("bytes").asLong()).isEqualTo(Files.size(archive));
        assertThat(artifact.get("sha512").asText()).isEqualTo(Tools.sha512(archive));

        JsonNode sign = step(status, "sign").get("outputs");
        assertThat(sign.get("fingerprint").asText()).isEqualTo(fpr);
        assertThat(sign.get("backend").asText()).isEqualTo("built-in");
        assertThat(gpg.verdict(archive.resolveSibling(archive.getFileName() + ".asc"), archive)).isEqualTo("GOODSIG");
        assertThat(step(status, "key").get("outputs").get("fingerprint").asText()).isEqualTo(fpr);
        assertThat(step(status, "notes").get("outputs").get("from").asText()).isEqualTo("v2.3.0");
        assertThat(step(status, "check").get("outputs").get("passed").asBoolean()).isTrue();
        // Without a KEYS of the project, the check used the RM's own public key, kept where the report says.
        assertThat(step(status, "check").get("outputs").get("keysFile").asText())
                .isEqualTo(dir.resolve("logs/own-public-key.KEYS").toString());
        assertThat(Files.readString(dir.resolve("logs/own-public-key.KEYS"))).startsWith(
                "-----BEGIN PGP PUBLIC KEY BLOCK-----").doesNotContain("PRIVATE");
        // The signed RC tag names the commit the archive was built from.
        assertThat(repo.git("rev-parse", "v2.4.0-rc1^{commit}").strip()).isEqualTo(source.get("commitId").asText());

        assertThat(status.get("next").get("step").asText()).isEqualTo("keys-file");
        // one command to run, the other way apart (a script can run "command" as it is)
        assertThat(status.get("next").get("command").asText()).isEqualTo("release-pilot dist keys --dir " + dir);
        assertThat(status.get("next").get("alternative").asText())
                .isEqualTo("release-pilot keys append --dir " + dir + " --keys-file KEYS");
        CliRun text = ok("status", "--dir", dir.toString());
        assertThat(text.out()).contains("Apache Kvrocks 2.4.0, RC 1", "Next: KEYS file",
                "  command: release-pilot dist keys --dir " + dir + "\n",
                "  or:      release-pilot keys append --dir " + dir + " --keys-file KEYS\n");
    }

    @Test
    void rebuildingTheArchiveWithOtherBytesMakesSignAndCheckStaleWithTheReason() throws Exception {
        Path dir = releaseUpToCheck("rebuilt");
        ok("source", "build", "--dir", dir.toString(), "--remove", "src/extra.cc");

        JsonNode status = status(dir);
        assertThat(step(status, "source").get("status").asText()).isEqualTo("DONE");
        assertThat(step(status, "sign").get("status").asText()).isEqualTo("STALE");
        assertThat(step(status, "sign").get("reason").asText()).startsWith("The archive was rebuilt at ")
                .endsWith("; its signatures no longer match it. Sign again.");
        assertThat(step(status, "check").get("status").asText()).isEqualTo("STALE");
        assertThat(step(status, "check").get("reason").asText()).contains("\"Sign\", which has to be done again");
        assertThat(status.get("next").get("step").asText()).isEqualTo("keys-file");

        ok("sign", "--dir", dir.toString(), "--passphrase-file", passFile.toString());
        status = status(dir);
        assertThat(step(status, "sign").get("status").asText()).isEqualTo("DONE");
        assertThat(step(status, "check").get("reason").asText()).startsWith("The artifacts were signed again at ");
    }

    @Test
    void anArchiveChangedOnDiskMakesTheSourceStepStale() throws Exception {
        Path dir = releaseUpToCheck("tampered");
        Path archive = dir.resolve("artifacts/2.4.0-rc1/apache-kvrocks-2.4.0-src.tar.gz");
        Files.write(archive, new byte[] {0}, StandardOpenOption.APPEND);

        JsonNode status = status(dir);
        assertThat(step(status, "source").get("status").asText()).isEqualTo("STALE");
        assertThat(step(status, "source").get("reason").asText()).startsWith(
                "apache-kvrocks-2.4.0-src.tar.gz changed on disk since it was built at ");
        assertThat(step(status, "sign").get("status").asText()).isEqualTo("STALE");
        assertThat(status.get("next").get("step").asText()).isEqualTo("keys-file");

        Files.delete(archive);
        assertThat(step(status(dir), "source").get("reason").asText()).isEqualTo(
                "apache-kvrocks-2.4.0-src.tar.gz is missing from artifacts/2.4.0-rc1. Build the source release again.");
    }

    @Test
    void rcNextStartsAFreshCandidateAndKeepsTheOldOneAsHistory() throws Exception {
        Path dir = releaseUpToCheck("second-rc");
        CliRun next = ok("rc", "next", "--dir", dir.toString(), "--reason", "vote cancelled: NOTICE year");
        assertThat(next.out()).contains("Started RC 2: tag v2.4.0-rc2, folder 2.4.0-rc2.");

        JsonNode status = status(dir);
        assertThat(status.get("rc").asInt()).isEqualTo(2);
        assertThat(step(status, "key").get("status").asText()).isEqualTo("DONE");
        assertThat(step(status, "notes").get("status").asText()).isEqualTo("DONE");
        assertThat(step(status, "source").get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(step(status, "sign").get("status").asText()).isEqualTo("NOT_STARTED");

        JsonNode file = Json.mapper().readTree(dir.resolve("release.json").toFile());
        assertThat(file.at("/profile/rcNumber").asInt()).isEqualTo(2);
        assertThat(file.at("/candidates/0/rc").asInt()).isEqualTo(1);
        assertThat(file.at("/candidates/0/endedBecause").asText()).isEqualTo("vote cancelled: NOTICE year");
        assertThat(file.at("/candidates/0/steps/source/outputs/tag").asText()).isEqualTo("v2.4.0-rc1");
        assertThat(file.at("/candidates/1/rc").asInt()).isEqualTo(2);

        assertThat(status.get("next").get("step").asText()).isEqualTo("keys-file");
        ok("source", "build", "--dir", dir.toString(), "--tag", "v2.4.0-rc1");
        assertThat(Files.isRegularFile(dir.resolve("artifacts/2.4.0-rc2/apache-kvrocks-2.4.0-src.tar.gz"))).isTrue();
        assertThat(Files.isRegularFile(dir.resolve("artifacts/2.4.0-rc1/apache-kvrocks-2.4.0-src.tar.gz"))).isTrue();
    }

    @Test
    void aStepWithoutItsInputsSaysWhatToDoFirst() {
        Path dir = initRelease("too-early");
        CliRun sign = run("sign", "--dir", dir.toString(), "--key", fpr, "--passphrase-file", passFile.toString());
        assertThat(sign.exitCode()).isEqualTo(2);
        CliRun rcSign = run("sign", "--dir", dir.toString(), "--passphrase-file", passFile.toString());
        assertThat(rcSign.err()).contains("No signing key is chosen for this release.");
        ok("keys", "use", "--dir", dir.toString(), "--key", fpr);
        rcSign = run("sign", "--dir", dir.toString(), "--passphrase-file", passFile.toString());
        assertThat(rcSign.exitCode()).isEqualTo(2);
        assertThat(rcSign.err()).contains("RC 1 has no source release to sign yet.",
                "release-pilot source build --dir " + dir);
        CliRun check = run("verify", "--dir", dir.toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("RC 1 has no source release to check yet.");
    }

    @Test
    void aReleaseThatSignsWithGnuPgSignsItsRcTagAndArtifactsThroughGnuPg() throws Exception {
        Path dir = initRelease("gnupg-release");
        String d = dir.toString();
        String gpgKey = gpg.generate("Jane Doe <jdoe@apache.org>", "rsa2048", "0", null);
        ok("keys", "use", "--dir", d, "--key", gpgKey, "--gpg", "--gnupg-home", gpg.home().toString());
        ok("source", "tag", "--dir", d, "--sign", "--name", "v2.4.0-gnupg-signed");

        String raw = repo.git("cat-file", "tag", "v2.4.0-gnupg-signed");
        int cut = raw.indexOf("-----BEGIN PGP SIGNATURE-----");
        assertThat(cut).isPositive();
        Path data = Files.writeString(tmp.resolve("tag-data"), raw.substring(0, cut));
        Path sig = Files.writeString(tmp.resolve("tag-data.asc"), raw.substring(cut));
        assertThat(gpg.verdict(sig, data)).isEqualTo("GOODSIG");
        assertThat(raw).contains("Release candidate v2.4.0-gnupg-signed");

        ok("source", "build", "--dir", d, "--tag", "v2.4.0-gnupg-signed");
        ok("sign", "--dir", d);
        JsonNode sign = step(status(dir), "sign");
        assertThat(sign.get("status").asText()).isEqualTo("DONE");
        assertThat(sign.get("outputs").get("backend").asText()).isEqualTo("gnupg");
        assertThat(sign.get("outputs").get("fingerprint").asText()).isEqualTo(gpgKey);
        Path archive = dir.resolve("artifacts/2.4.0-rc1/apache-kvrocks-2.4.0-src.tar.gz");
        assertThat(gpg.verdict(archive.resolveSibling(archive.getFileName() + ".asc"), archive)).isEqualTo("GOODSIG");
    }

    @Test
    void nextVersionShowsTheDiffThenCommitsOnANewBranchAndRecordsIt() throws Exception {
        GitFixture project = new GitFixture(tmp.resolve("nv-repo"));
        project.write("pom.xml", "<project>\n  <version>3.1.0</version>\n</project>\n");
        project.commit("Release 3.1.0");
        project.git("branch", "-M", "main");
        project.tag("v3.1.0");
        Path dir = tmp.resolve("nv");
        ok("profile", "init", "--dir", dir.toString(), "--project", "demo", "--version", "3.1.0", "--repo",
                project.dir().toString(), "--name", "Jane Doe", "--apache-id", "jdoe", "--email", "jdoe@apache.org");

        CliRun dry = ok("next-version", "--dir", dir.toString(), "--dry-run");
        assertThat(dry.out()).contains("3.1: 3.1.0 \u2192 3.1.1 (new branch next-version-3.1.1 from v3.1.0)",
                "main: 3.1.0 \u2192 3.2.0a1", "-  <version>3.1.0</version>\n+  <version>3.1.1</version>",
                "Dry run: nothing was committed.");
        assertThat(project.git("branch", "--list", "next-version-*")).isEmpty();

        // Before the vote passed it is refused (a failed vote keeps 3.1.0 for the next RC); --force moves anyway.
        CliRun early = CliRun.run("next-version", "--dir", dir.toString());
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("The vote on 3.1.0 RC 1 has not been counted yet.", "--force");
        assertThat(project.git("branch", "--list", "next-version-*")).isEmpty();
        Path remote = tmp.resolve("nv-remote.git");
        new ProcessBuilder("git", "init", "-q", "--bare", remote.toString()).inheritIO().start().waitFor();
        project.git("remote", "add", "origin", remote.toUri().toString());
        CliRun moved = ok("next-version", "--dir", dir.toString(), "--force");
        assertThat(moved.out()).contains("They are local only. When you are ready, push them: release-pilot"
                + " next-version --dir " + dir + " --push origin");
        assertThat(project.git("show", "next-version-3.1.1:pom.xml")).contains("<version>3.1.1</version>");
        // --push once the step is recorded pushes the branches it made; nothing is committed again
        CliRun pushed = ok("next-version", "--dir", dir.toString(), "--push");
        assertThat(pushed.out()).contains("Pushed next-version-3.1.1 to origin: open a pull request from it to 3.1.",
                "Pushed next-version-3.2.0a1 to origin");
        assertThat(project.git("ls-remote", "--heads", "origin")).contains("refs/heads/next-version-3.1.1",
                "refs/heads/next-version-3.2.0a1");
        assertThat(project.git("show", "next-version-3.2.0a1:pom.xml")).contains("<version>3.2.0a1</version>");
        JsonNode file = Json.mapper().readTree(dir.resolve("release.json").toFile());
        assertThat(file.at("/candidates/0/steps/next-version/outputs/bumps/0/branch").asText())
                .isEqualTo("next-version-3.1.1");
        assertThat(file.at("/candidates/0/steps/next-version/outputs/bumps/0/commitId").asText())
                .isEqualTo(project.git("rev-parse", "next-version-3.1.1").strip());
    }
}
