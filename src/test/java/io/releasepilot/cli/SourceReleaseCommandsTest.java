package io.releasepilot.cli;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import io.releasepilot.verify.Verifier;
import io.releasepilot.verify.VerifyReport;
import io.releasepilot.verify.VerifyRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source release from the command line, end to end: pre-flight, build, sign with either backend, check
 * with the real gpg and sha512sum and with the verifier; the RC tag, signed, and its push.
 */
class SourceReleaseCommandsTest {
    static final String PASS = "source release passphrase";
    @TempDir
    static Path tmp;
    static GitFixture repo;
    static Path home;
    static Path passFile;
    static String fpr;
    static Gpg gpg;

    @BeforeAll
    static void setUp() throws Exception {
        repo = new GitFixture(tmp.resolve("kvrocks"));
        repo.write("LICENSE", Files.readString(Path.of("LICENSE")))
                .write("NOTICE", "Apache Kvrocks\nCopyright 2022-" + Year.now() + " The Apache Software Foundation\n")
                .write("src/server.cc", Archives.HEADER + "int main() { return 0; }\n")
                .write("pom.xml", Archives.HEADER.replace("/*", "<!--").replace(" */", "-->").replace(" *", "  ")
                        + "<project><version>2.4.0</version></project>\n")
                .write(".github/ci.yml", "on: push\n");
        repo.commit("Release 2.4.0");
        repo.tag("v2.4.0-rc1");
        home = tmp.resolve("home");
        passFile = tmp.resolve("pass");
        Files.writeString(passFile, PASS + "\n");
        try (Passphrase p = new Passphrase(PASS.toCharArray())) {
            fpr = new KeyService(new AppHome(home)).generate(new KeySpec("Jane Doe", "jdoe@apache.org", "",
                    Optional.empty(), 2048), p, Progress.NONE).key().fingerprint().hex();
        }
        gpg = new Gpg(tmp.resolve("gnupg"));
        Path pub = tmp.resolve("pub.asc");
        Files.write(pub, new KeyService(new AppHome(home)).exportPublic(io.releasepilot.pgp.Fingerprint.parse(fpr)));
        gpg.run("--import", pub.toString());
    }

    @AfterAll
    static void stop() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static String[] build(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("source", "build", "--repo", repo.dir().toString(),
                "--tag", "v2.4.0-rc1", "--project", "kvrocks", "--version", "2.4.0", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void buildSignAndEveryToolAcceptsTheResult() throws Exception {
        Path out = tmp.resolve("rc");
        CliRun built = CliRun.run(build(out, "--zip"));
        assertThat(built.exitCode()).as(built.err()).isZero();
        List<String> artifacts = built.out().lines().toList();
        assertThat(artifacts).containsExactly(out.resolve("apache-kvrocks-2.4.0-src.tar.gz").toString(),
                out.resolve("apache-kvrocks-2.4.0-src.zip").toString());
        assertThat(built.err()).contains("ok    License headers", ".github/ci.yml");

        List<String> signArgs = new java.util.ArrayList<>(List.of("sign", "--home", home.toString(), "--key", fpr,
                "--passphrase-file", passFile.toString()));
        signArgs.addAll(artifacts);
        CliRun signed = CliRun.run(signArgs.toArray(String[]::new));
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.out().lines()).hasSize(4);

        for (String a : artifacts) {
            assertThat(gpg.verdict(Path.of(a + ".asc"), Path.of(a))).isEqualTo("GOODSIG");
        }
        Tools.require("sha512sum");
        Tools.Result check = Tools.run(out, List.of("sha512sum", "-c", "apache-kvrocks-2.4.0-src.tar.gz.sha512",
                "apache-kvrocks-2.4.0-src.zip.sha512"));
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();

        Path keys = tmp.resolve("KEYS");
        CliRun appended = CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", keys.toString(),
                "--key", fpr);
        assertThat(appended.exitCode()).as(appended.err()).isZero();
        VerifyReport report = new Verifier().verify(new VerifyRequest(out, Optional.of(keys), false), Progress.NONE);
        assertThat(report.findings()).filteredOn(f -> f.severity() != io.releasepilot.verify.Severity.NOTE).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void theGnuPgBackendSignsToo() throws Exception {
        String theirs = gpg.generate("Card User <card@apache.org>", "rsa2048", "0", null);
        Path out = tmp.resolve("rc-gpg");
        assertThat(CliRun.run(build(out)).exitCode()).as("source build").isZero();
        Path tgz = out.resolve("apache-kvrocks-2.4.0-src.tar.gz");
        CliRun signed = CliRun.run("sign", "--home", home.toString(), "--key", theirs, "--gpg", "--gnupg-home",
                gpg.home().toString(), tgz.toString());
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(gpg.verdict(Path.of(tgz + ".asc"), tgz)).isEqualTo("GOODSIG");
    }

    @Test
    void aWrongPassphraseSignsNothing() throws Exception {
        Path out = tmp.resolve("rc-wrong");
        assertThat(CliRun.run(build(out)).exitCode()).as("source build").isZero();
        Path wrong = tmp.resolve("wrong-pass");
        Files.writeString(wrong, "not it");
        CliRun signed = CliRun.run("sign", "--home", home.toString(), "--key", fpr, "--passphrase-file",
                wrong.toString(), out.resolve("apache-kvrocks-2.4.0-src.tar.gz").toString());
        assertThat(signed.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(signed.err()).contains("is not right");
        assertThat(out.resolve("apache-kvrocks-2.4.0-src.tar.gz.asc")).doesNotExist();
    }

    @Test
    void preflightFailuresStopTheBuildWithTheirFixes() throws Exception {
        GitFixture bad = new GitFixture(tmp.resolve("bad"));
        bad.write("LICENSE", "x").write("NOTICE", "Copyright 2019 The Apache Software Foundation\n")
                .write("src/nohead.c", "int x;\n").write("pom.xml", "<version>2.3.0</version>\n");
        bad.commit("old");
        bad.tag("v2.4.0-rc1");
        Path out = tmp.resolve("bad-out");
        CliRun check = CliRun.run("source", "preflight", "--repo", bad.dir().toString(), "--tag", "v2.4.0-rc1",
                "--project", "demo", "--version", "2.4.0", "--incubating", "--version-file", "pom.xml",
                "--version-pattern", "<version>{version}</version>");
        assertThat(check.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(check.out()).contains("FAIL  NOTICE year", "ends in 2019", "FAIL  DISCLAIMER",
                "FAIL  Version", "does not contain \"<version>2.4.0</version>\"", "FAIL  License headers",
                "src/nohead.c", "fix:");
        CliRun build = CliRun.run("source", "build", "--repo", bad.dir().toString(), "--tag", "v2.4.0-rc1",
                "--project", "demo", "--version", "2.4.0", "--out", out.toString());
        assertThat(build.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(out).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void theRcTagIsAnnotatedSignedAndPushedToABareRepository() throws Exception {
        GitFixture r = new GitFixture(tmp.resolve("tagging"));
        r.write("LICENSE", "x").commit("first");
        CliRun tag = CliRun.run("source", "tag", "--home", home.toString(), "--repo", r.dir().toString(),
                "--name", "v2.4.0-rc2", "--tagger-name", "Jane Doe", "--tagger-email", "jdoe@apache.org",
                "--key", fpr, "--passphrase-file", passFile.toString());
        assertThat(tag.exitCode()).as(tag.err()).isZero();
        assertThat(r.git("cat-file", "-t", "v2.4.0-rc2")).isEqualTo("tag");
        assertThat(r.git("cat-file", "tag", "v2.4.0-rc2")).contains("tagger Jane Doe <jdoe@apache.org>",
                "-----BEGIN PGP SIGNATURE-----");
        Tools.Result verify = Tools.run(null, List.of("git", "-C", r.dir().toString(), "verify-tag", "v2.4.0-rc2"),
                java.util.Map.of("GNUPGHOME", gpg.home().toString()), null);
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        CliRun again = CliRun.run("source", "tag", "--repo", r.dir().toString(), "--name", "v2.4.0-rc2",
                "--tagger-name", "J", "--tagger-email", "j@apache.org");
        assertThat(again.err()).contains("already exists");

        Path bare = tmp.resolve("origin.git");
        Tools.run(null, List.of("git", "init", "-q", "--bare", bare.toString()));
        CliRun push = CliRun.run("source", "push-tag", "--repo", r.dir().toString(), "--remote", bare.toUri().toString(),
                "--tag", "v2.4.0-rc2");
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(Tools.run(null, List.of("git", "--git-dir", bare.toString(), "tag", "--list")).out())
                .contains("v2.4.0-rc2");
    }

    @Test
    void releaseNotesGroupCommitsAndCountContributorsLikeShortlog() throws Exception {
        GitFixture n = new GitFixture(tmp.resolve("notes"));
        n.write("a", "1").commit("Initial");
        n.tag("v1.0.0");
        n.write("b", "1").commitAs("Ann Author", "ann@old.example.org", "feat(cli): add verify command");
        n.write("c", "1").commitAs("Ann Author", "ann@apache.org", "fix: handle empty KEYS");
        n.write("d", "1").commitAs("Bob Builder", "bob@apache.org", "[DOCS] Explain the vote");
        n.git("checkout", "-q", "-b", "topic");
        n.write("e", "1").commitAs("Bob Builder", "bob@apache.org", "chore: tidy");
        n.git("checkout", "-q", "main");
        n.write("f", "1").commitAs("Cy Coder", "cy@apache.org", "Plain subject");
        n.git("merge", "-q", "--no-ff", "-m", "Merge branch 'topic'", "topic");
        n.write(".mailmap", "Ann Author <ann@apache.org> <ann@old.example.org>\n").commitAs("Cy Coder",
                "cy@apache.org", "build: add mailmap");
        n.tag("v1.1.0-rc1");
        CliRun notes = CliRun.run("notes", "--repo", n.dir().toString(), "--from", "v1.0.0", "--to", "v1.1.0-rc1");
        assertThat(notes.exitCode()).as(notes.err()).isZero();
        assertThat(notes.out()).contains("# Release notes for v1.1.0-rc1", "6 commits from v1.0.0 to v1.1.0-rc1",
                "## Features", "**cli**: add verify command", "## Bug fixes", "handle empty KEYS", "## DOCS",
                "Explain the vote", "## Chores", "## Other changes", "Plain subject", "## Build",
                "- Ann Author (2 commits)", "- Bob Builder (2 commits)", "- Cy Coder (2 commits)")
                .doesNotContain("Merge branch");
        String shortlog = n.git("shortlog", "-sne", "--no-merges", "v1.0.0..v1.1.0-rc1");
        assertThat(shortlog.lines()).hasSize(3);
        assertThat(shortlog).contains("2\tAnn Author <ann@apache.org>");
    }
}
