package io.releasepilot.verify;

import io.releasepilot.core.Progress;
import io.releasepilot.pgp.SignatureStatus;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A voter's whole check of real RC folders, signed by the real gpg and summed by the real tools. */
class VerifierTest {
    @TempDir
    static Path tmp;
    static Gpg gpg;
    static String key;
    static Path keysFile;

    @BeforeAll
    static void releaseManagerKey() throws Exception {
        gpg = new Gpg(tmp.resolve("gnupg"));
        key = gpg.generate("Jane Doe <jdoe@apache.org>", "rsa3072", "0", null);
        keysFile = tmp.resolve("KEYS");
        Files.writeString(keysFile, gpg.exportArmored(key));
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static VerifyReport verify(Path folder, Path keys) throws Exception {
        return new Verifier().verify(new VerifyRequest(folder, Optional.ofNullable(keys), false), Progress.NONE);
    }

    /** A folder with the clean source tarball, signed, with a .sha512 written by sha512sum. */
    static Path goodCandidate(String name) throws Exception {
        Tools.require("sha512sum");
        Path rc = Files.createDirectories(tmp.resolve(name));
        Path tgz = rc.resolve("apache-demo-1.0.0-src.tar.gz");
        Archives.tarGz(tgz, Archives.cleanTree("apache-demo-1.0.0-src"));
        gpg.sign(tgz, key, null, "--digest-algo", "SHA512");
        Tools.Result sum = Tools.run(rc, List.of("sha512sum", tgz.getFileName().toString()));
        Files.writeString(rc.resolve(tgz.getFileName() + ".sha512"), sum.out());
        return rc;
    }

    @Test
    void aCleanSignedCandidatePasses() throws Exception {
        Path rc = goodCandidate("good");
        VerifyReport report = verify(rc, keysFile);

        assertThat(report.findings()).filteredOn(f -> f.severity() != Severity.NOTE).isEmpty();
        assertThat(report.passed()).isTrue();
        ArtifactReport a = report.artifacts().get(0);
        assertThat(a.signature().status()).isEqualTo(SignatureStatus.GOOD);
        assertThat(a.signature().details().orElseThrow().fingerprint().hex()).isEqualTo(key);
        assertThat(a.checksums()).extracting(ChecksumCheck::status).containsExactly(ChecksumStatus.MATCH);
        ArchiveReport archive = a.archive().orElseThrow();
        assertThat(archive.topLevel()).isEqualTo("apache-demo-1.0.0-src");
        assertThat(archive.ratRan()).isTrue();
        assertThat(archive.unapprovedHeaders()).isEmpty();
        assertThat(archive.binaries()).isEmpty();
        assertThat(Tools.run(rc, List.of("sha512sum", "-c", a.name() + ".sha512")).exitCode()).isZero();
    }

    @Test
    void keysBesideTheFolderIsFoundWhenNoneIsGiven() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("dist-dev"));
        Files.copy(keysFile, parent.resolve("KEYS"));
        Path rc = goodCandidate("dist-dev/1.0.0-rc1");
        VerifyReport report = verify(rc, null);
        assertThat(report.keysFile()).contains(parent.resolve("KEYS"));
        assertThat(report.passed()).isTrue();
    }

    @Test
    void everyChecksumFormatMadeByTheRealToolsMatches() throws Exception {
        List<List<String>> commands = List.of(
                List.of("sha512sum", "{f}"),
                List.of("sha512sum", "--binary", "{f}"),
                List.of("sha512sum", "--tag", "{f}"),
                List.of("shasum", "-a", "512", "{f}"),
                List.of("shasum", "-a", "512", "-b", "{f}"),
                List.of("openssl", "dgst", "-sha512", "{f}"),
                List.of("openssl", "dgst", "-sha512", "-r", "{f}"),
                List.of("gpg", "--print-md", "SHA512", "{f}"),
                List.of("sh", "-c", "sha512sum {f} | cut -d' ' -f1"),
                List.of("sh", "-c", "sha512sum {f} | cut -d' ' -f1 | tr -d '\\n'"));
        Path rc = Files.createDirectories(tmp.resolve("formats"));
        Path artifact = rc.resolve("apache-demo-1.0.0-with-a-rather-long-name-bin.tar.gz");
        byte[] bytes = new byte[200_000];
        new java.util.Random(5).nextBytes(bytes);
        Files.write(artifact, bytes);
        gpg.sign(artifact, key, null);
        String name = artifact.getFileName().toString();
        for (List<String> command : commands) {
            Tools.require(command.get(0));
            List<String> cmd = command.stream().map(s -> s.replace("{f}", name)).toList();
            Tools.Result r = Tools.run(rc, cmd);
            assertThat(r.exitCode()).as("%s: %s", cmd, r.err()).isZero();
            Files.writeString(rc.resolve(name + ".sha512"), r.out());
            VerifyReport report = verify(rc, keysFile);
            assertThat(report.artifacts().get(0).checksums()).as("%s wrote:%n%s%n%s", cmd, r.out(), report.findings())
                    .extracting(ChecksumCheck::status).containsExactly(ChecksumStatus.MATCH);
            assertThat(report.findings()).as("%s", cmd).filteredOn(f -> f.severity() != Severity.NOTE).isEmpty();
        }
        Tools.Result sha256 = Tools.run(rc, List.of("sha256sum", name));
        Files.writeString(rc.resolve(name + ".SHA256"), sha256.out());
        VerifyReport both = verify(rc, keysFile);
        assertThat(both.artifacts().get(0).checksums()).extracting(ChecksumCheck::algorithm)
                .containsExactlyInAnyOrder(ChecksumAlgorithm.SHA512, ChecksumAlgorithm.SHA256);
        assertThat(both.passed()).as("%s", both.findings()).isTrue();
    }

    @Test
    void aWrongChecksumAndAWrongNameAreReported() throws Exception {
        Path rc = goodCandidate("mismatch");
        Path sha = rc.resolve("apache-demo-1.0.0-src.tar.gz.sha512");
        String line = Files.readString(sha);
        Files.writeString(sha, line.replace("apache-demo-1.0.0-src.tar.gz", "apache-demo-0.9.0-src.tar.gz"));
        VerifyReport renamed = verify(rc, keysFile);
        assertThat(renamed.passed()).isTrue();
        assertThat(renamed.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("apache-demo-0.9.0-src.tar.gz");
        });
        Files.writeString(sha, "0".repeat(128) + "  apache-demo-1.0.0-src.tar.gz\n");
        VerifyReport wrong = verify(rc, keysFile);
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.artifacts().get(0).checksums().get(0)).isInstanceOf(ChecksumCheck.Mismatch.class);
    }

    @Test
    void pairingProblemsAreFoundFileByFile() throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("pairing"));
        for (String n : List.of("a-bin.tar.gz", "b-bin.tar.gz", "c-bin.tar.gz")) {
            Files.writeString(rc.resolve(n), n);
        }
        Files.writeString(rc.resolve("a-bin.tar.gz.sha512"), sha512("a-bin.tar.gz") + "  a-bin.tar.gz\n");
        gpg.run("--local-user", key, "--output", rc.resolve("b-bin.tar.gz.sig").toString(), "--detach-sign",
                rc.resolve("b-bin.tar.gz").toString());
        Files.writeString(rc.resolve("b-bin.tar.gz.sha512"), sha512("b-bin.tar.gz") + "  b-bin.tar.gz\n");
        gpg.sign(rc.resolve("c-bin.tar.gz"), key, null);
        Files.writeString(rc.resolve("c-bin.tar.gz.MD5"), md5("c-bin.tar.gz") + "  c-bin.tar.gz\n");
        Files.writeString(rc.resolve("gone.tar.gz.sha512"), "0".repeat(128) + "  gone.tar.gz\n");
        Files.copy(keysFile, rc.resolve("KEYS"));

        VerifyReport report = verify(rc, null);

        assertThat(report.passed()).isFalse();
        assertThat(report.findingsFor("a-bin.tar.gz")).anySatisfy(f -> assertFinding(f, Severity.BLOCKER,
                "There is no a-bin.tar.gz.asc"));
        assertThat(report.findingsFor("b-bin.tar.gz")).anySatisfy(f -> assertFinding(f, Severity.BLOCKER,
                "binary .sig only"));
        assertThat(report.findingsFor("c-bin.tar.gz")).anySatisfy(f -> assertFinding(f, Severity.BLOCKER,
                "no .sha512"));
        assertThat(report.findingsFor("c-bin.tar.gz")).anySatisfy(f -> assertFinding(f, Severity.WARNING,
                "Only legacy .md5/.sha1"));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("gone.tar.gz.sha512");
            assertFinding(f, Severity.WARNING, "No artifact named gone.tar.gz");
        });
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("KEYS");
            assertFinding(f, Severity.BLOCKER, "KEYS file inside the RC folder. It was not used");
        });
        ArtifactReport c = report.artifacts().stream().filter(a -> a.name().equals("c-bin.tar.gz")).findFirst()
                .orElseThrow();
        assertThat(c.signature().status()).as(c.signature().message()).isEqualTo(SignatureStatus.GOOD);
        assertThat(c.checksums()).extracting(ChecksumCheck::status).containsExactly(ChecksumStatus.MATCH);
    }

    @Test
    void sourceArchiveContentProblemsAreReported() throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("content"));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        String top = "apache-demo-2.0.0";
        files.put(top + "/LICENSE", "Apache License".getBytes(StandardCharsets.UTF_8));
        files.put(top + "/NOTICE", "Apache Demo\nCopyright 2015-2019 The Apache Software Foundation\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put(top + "/src/NoHeader.java", "class NoHeader {}\n".getBytes(StandardCharsets.UTF_8));
        files.put(top + "/lib/Compiled.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
        files.put(top + "/bin/tool.dat", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        files.put(top + "/docs/notes.txt", "no header here either\n".getBytes(StandardCharsets.UTF_8));
        files.put(top + "/" + LicenseHeaderScan.EXCLUDES_FILE, "docs/notes.txt\n".getBytes(StandardCharsets.UTF_8));
        Path tgz = rc.resolve("apache-demo-2.0.0-incubating-src.tar.gz");
        Archives.tarGz(tgz, files);
        VerifyReport report = verify(rc, keysFile);
        ArchiveReport archive = report.artifacts().get(0).archive().orElseThrow();
        assertThat(archive.binaries()).hasSize(2).anyMatch(b -> b.contains("compiled Java class"))
                .anyMatch(b -> b.startsWith(top + "/bin/tool.dat (ELF"));
        assertThat(archive.unapprovedHeaders()).contains("src/NoHeader.java").doesNotContain("docs/notes.txt");
        List<Finding> about = report.findingsFor(tgz.getFileName().toString());
        assertThat(about).anySatisfy(f -> assertFinding(f, Severity.WARNING, "NOTICE says \"Copyright 2015-2019"));
        assertThat(about).anySatisfy(f -> assertFinding(f, Severity.BLOCKER, "DISCLAIMER"));
        assertThat(about).anySatisfy(f -> assertFinding(f, Severity.WARNING, "top-level folder is \"apache-demo-2.0.0\""));
        assertThat(about).anySatisfy(f -> assertFinding(f, Severity.WARNING, "without an approved license header"));
    }

    @Test
    void hostileArchivesAreReportedAndDoNoHarm() throws Exception {
        String marker = "rp-escape-" + System.nanoTime();
        Path outside = tmp.getParent().resolve(marker);
        String top = "apache-evil-1.0-src";
        Map<String, byte[]> slip = Archives.cleanTree(top);
        slip.put(top + "/../../" + marker, "pwned".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> absolute = Archives.cleanTree(top);
        absolute.put(outside.toString(), "pwned".getBytes(StandardCharsets.UTF_8));
        Path rc = Files.createDirectories(tmp.resolve("hostile"));
        Archives.zip(rc.resolve("apache-evil-1.0-src.zip"), slip);
        Archives.tarGz(rc.resolve("apache-evil-1.0-src.tar.gz"), absolute);
        Archives.tarGzWithLink(rc.resolve("apache-evil-1.0-source.tgz"), Archives.cleanTree("apache-evil-1.0-source"),
                "apache-evil-1.0-source/link", "../../../etc/passwd");

        VerifyReport report = verify(rc, keysFile);

        assertThat(report.findingsFor("apache-evil-1.0-src.zip")).anySatisfy(f ->
                assertFinding(f, Severity.BLOCKER, "climbs out of the folder"));
        assertThat(report.findingsFor("apache-evil-1.0-src.tar.gz")).anySatisfy(f ->
                assertFinding(f, Severity.BLOCKER, "absolute path"));
        assertThat(report.findingsFor("apache-evil-1.0-source.tgz")).anySatisfy(f ->
                assertFinding(f, Severity.BLOCKER, "outside the archive's top folder"));
        assertThat(outside).doesNotExist();
        assertThat(tmp.getParent().resolve("etc")).doesNotExist();
    }

    @Test
    @Timeout(120)
    void aCompressionBombIsStoppedEarly() throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("bomb"));
        Archives.bomb(rc.resolve("apache-bomb-1.0-src.tar.gz"), "apache-bomb-1.0-src", 300L << 20);
        ArchiveLimits tight = new ArchiveLimits(1000, 8L << 30, 100, 16L << 20);
        VerifyReport report = new Verifier(java.time.Clock.systemUTC(), tight, 2)
                .verify(new VerifyRequest(rc, Optional.of(keysFile), false), Progress.NONE);
        assertThat(report.findings()).anySatisfy(f -> assertFinding(f, Severity.BLOCKER, "compression bomb"));
        assertThat(report.artifacts().get(0).archive().orElseThrow().bytes()).isLessThan(64L << 20);
    }

    @Test
    @Timeout(120)
    void badInputNeverCrashesOrHangs() throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("bad-input"));
        Files.write(rc.resolve("empty-bin.tar.gz"), new byte[0]);
        Files.write(rc.resolve("empty-bin.tar.gz.asc"), new byte[0]);
        Files.write(rc.resolve("empty-bin.tar.gz.sha512"), new byte[0]);
        Files.writeString(rc.resolve("garbage-bin.tar.gz"), "data");
        byte[] garbage = new byte[4096];
        new java.util.Random(9).nextBytes(garbage);
        Files.write(rc.resolve("garbage-bin.tar.gz.asc"), garbage);
        try (var huge = new java.io.RandomAccessFile(rc.resolve("garbage-bin.tar.gz.sha512").toFile(), "rw")) {
            huge.setLength(50L << 20);
        }
        Files.writeString(rc.resolve("notgzip-src.tar.gz"), "this is not gzip");
        Files.createSymbolicLink(rc.resolve("dangling-bin.tar.gz"), rc.resolve("nowhere"));
        Tools.require("mkfifo");
        Tools.run(rc, List.of("mkfifo", "pipe-bin.tar.gz"));

        VerifyReport report = verify(rc, keysFile);

        assertThat(report.passed()).isFalse();
        assertThat(report.findingsFor("empty-bin.tar.gz")).anySatisfy(f -> assertFinding(f, Severity.BLOCKER, "empty"));
        assertThat(report.findingsFor("garbage-bin.tar.gz")).anySatisfy(f ->
                assertFinding(f, Severity.BLOCKER, "a checksum file is one line"));
        assertThat(report.findingsFor("notgzip-src.tar.gz")).anySatisfy(f ->
                assertFinding(f, Severity.BLOCKER, "damaged or not a gzip-compressed tar"));
        assertThat(report.findingsFor("dangling-bin.tar.gz")).anySatisfy(f ->
                assertFinding(f, Severity.WARNING, "links are not followed"));
        assertThat(report.findingsFor("pipe-bin.tar.gz")).anySatisfy(f ->
                assertFinding(f, Severity.BLOCKER, "Not a regular file"));
    }

    @Test
    @Timeout(60)
    void aLargeSourceArchiveThatIsNotGzipDoesNotHang() throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("not-gzip"));
        byte[] random = new byte[24 << 20];
        new java.util.Random(11).nextBytes(random);
        Files.write(rc.resolve("apache-demo-1.0.0-src.tar.gz"), random);
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz.sha512"),
                sha512(rc.resolve("apache-demo-1.0.0-src.tar.gz")) + "  apache-demo-1.0.0-src.tar.gz\n");
        VerifyReport report = verify(rc, keysFile);
        assertThat(report.artifacts().get(0).checksums()).extracting(ChecksumCheck::status)
                .containsExactly(ChecksumStatus.MATCH);
        assertThat(report.findingsFor("apache-demo-1.0.0-src.tar.gz")).anySatisfy(f ->
                assertFinding(f, Severity.BLOCKER, "damaged or not a gzip-compressed tar"));
    }

    @Test
    @Timeout(120)
    void aFolderOfTwoThousandFilesIsHandled() throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 1000; i++) {
            String n = "part-" + i + ".bin";
            Files.writeString(rc.resolve(n), "part " + i);
            Files.writeString(rc.resolve(n + ".sha512"), sha512(rc.resolve(n)) + "  " + n + "\n");
        }
        VerifyReport report = verify(rc, keysFile);
        assertThat(report.artifacts()).hasSize(1000);
        assertThat(report.artifacts()).allSatisfy(a ->
                assertThat(a.checksums()).extracting(ChecksumCheck::status).containsExactly(ChecksumStatus.MATCH));
        assertThat(report.count(Severity.BLOCKER)).isEqualTo(1000);
    }

    @Test
    void weakSignaturesPassWithWarningsThatSayWhy() throws Exception {
        String dsa = gpg.generate("Old Timer <old@example.org>", "dsa1024", "0", null);
        Path keys = tmp.resolve("KEYS-weak");
        Files.writeString(keys, gpg.exportArmored(dsa));
        Path rc = Files.createDirectories(tmp.resolve("weak"));
        Path artifact = Files.writeString(rc.resolve("apache-demo-1.0.0-bin.tar.gz"), "bytes");
        gpg.sign(artifact, dsa, null, "--digest-algo", "SHA1");
        Files.writeString(rc.resolve("apache-demo-1.0.0-bin.tar.gz.sha512"), sha512(artifact) + "  "
                + artifact.getFileName() + "\n");
        VerifyReport report = verify(rc, keys);
        assertThat(report.passed()).isTrue();
        assertThat(report.artifacts().get(0).signature().status()).isEqualTo(SignatureStatus.GOOD);
        List<Finding> warnings = report.findingsFor(artifact.getFileName().toString());
        assertThat(warnings).anySatisfy(f -> assertFinding(f, Severity.WARNING, "DSA key"))
                .anySatisfy(f -> assertFinding(f, Severity.WARNING, "uses SHA-1"))
                .anySatisfy(f -> assertFinding(f, Severity.WARNING, "no @apache.org user id"));
    }

    @Test
    void cancellingStopsTheRun() throws Exception {
        Path rc = goodCandidate("cancel");
        Progress cancelled = new Progress() {
            public void begin(String task, long totalWork) {
            }

            public void worked(long units) {
            }

            public boolean isCancelled() {
                return true;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Verifier()
                        .verify(new VerifyRequest(rc, Optional.of(keysFile), false), cancelled))
                .isInstanceOf(io.releasepilot.core.CancelledException.class);
    }

    private static void assertFinding(Finding f, Severity severity, String text) {
        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.message()).contains(text);
    }

    private static String sha512(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha512(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512")
                .digest(Files.readAllBytes(file)));
    }

    private static String md5(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
