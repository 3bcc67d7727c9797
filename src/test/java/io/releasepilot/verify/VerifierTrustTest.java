package io.releasepilot.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.cli.CliRun;
import io.releasepilot.cli.ExitCodes;
import io.releasepilot.core.Json;
import io.releasepilot.core.Progress;
import io.releasepilot.pgp.SignatureCheck;
import io.releasepilot.pgp.SignatureStatus;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which KEYS a voter's check trusts, and how signatures are judged: never a KEYS that travels with the
 * candidate, every signature of a .asc, and the same verdicts as the real gpg.
 */
class VerifierTrustTest {
    @TempDir
    static Path tmp;
    static Gpg gpg;
    static String rm;
    static String rogue;
    static Path projectKeys;

    @BeforeAll
    static void keys() throws Exception {
        gpg = new Gpg(tmp.resolve("gnupg"));
        rm = gpg.generate("Jane Doe <jdoe@apache.org>", "ed25519", "0", null);
        rogue = gpg.generate("Mallory <mallory@example.org>", "ed25519", "0", null);
        projectKeys = tmp.resolve("KEYS");
        Files.writeString(projectKeys, gpg.exportArmored(rm));
    }

    @AfterAll
    static void stop() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static VerifyReport verify(Path folder, Path keys) throws Exception {
        return new Verifier().verify(new VerifyRequest(folder, Optional.ofNullable(keys), false), Progress.NONE);
    }

    /** A binary artifact (no content checks) with its .sha512, signed by {@code signer}, in tmp/parent/name. */
    static Path candidate(String parent, String name, String signer) throws Exception {
        Path rc = Files.createDirectories(tmp.resolve(parent).resolve(name));
        Path artifact = Files.writeString(rc.resolve("apache-demo-1.0.0-bin.tar.gz"), "artifact of " + name);
        if (signer != null) {
            gpg.sign(artifact, signer, null);
        }
        Files.writeString(rc.resolve(artifact.getFileName() + ".sha512"), sha512(artifact) + "  "
                + artifact.getFileName() + "\n");
        return rc;
    }

    @Test
    void aKeysInsideTheCandidateIsABlockerAndNeverUsed() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("dist-dev-demo"));
        Files.copy(projectKeys, parent.resolve("KEYS"));
        Path rc = candidate("dist-dev-demo", "1.0.0-rc1", rogue);
        Files.writeString(rc.resolve("KEYS"), gpg.exportArmored(rogue));

        VerifyReport report = verify(rc, null);

        assertThat(report.keysFile()).contains(parent.resolve("KEYS"));
        assertThat(report.artifacts().get(0).signature().status()).isEqualTo(SignatureStatus.UNKNOWN_KEY);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("KEYS");
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.message()).contains("It was not used");
        });
        assertThat(report.outcome()).isEqualTo(VerifyReport.Outcome.FAILED);
        assertThat(VoteReply.draft(report, "test")).startsWith("-1").doesNotContain("+1");
    }

    @Test
    void theGivenKeysWinsOverTheOneInTheParentFolder() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("dist-dev-given"));
        Files.writeString(parent.resolve("KEYS"), gpg.exportArmored(rogue));
        Path rc = candidate("dist-dev-given", "1.0.0-rc1", rm);

        VerifyReport report = verify(rc, projectKeys);

        assertThat(report.keysFile()).contains(projectKeys);
        assertThat(report.outcome()).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(report.artifacts().get(0).signature().status()).isEqualTo(SignatureStatus.GOOD);
    }

    @Test
    void withoutAUsableKeysTheSignaturesCouldNotBeCheckedExitTwoWithoutVoteAdvice() throws Exception {
        Path rc = candidate("no-keys-parent", "1.0.0-rc1", rm);

        VerifyReport report = verify(rc, null);

        assertThat(report.outcome()).isEqualTo(VerifyReport.Outcome.COULD_NOT_CHECK);
        assertThat(report.keysFile()).isEmpty();
        assertThat(report.artifacts().get(0).signature().status()).isEqualTo(SignatureStatus.NOT_CHECKED);
        assertThat(report.notChecked()).singleElement().asString().contains("Could not check signatures");
        assertThat(report.count(Severity.BLOCKER)).isZero();
        String reply = VoteReply.draft(report, "test");
        assertThat(reply).startsWith("(No vote advice").doesNotContain("+1").doesNotContainPattern("(?m)^-1");

        CliRun run = CliRun.run("verify", rc.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE_OR_IO);
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("outcome").asText()).isEqualTo("COULD_NOT_CHECK");
        assertThat(json.get("passed").asBoolean()).isFalse();

        Path empty = Files.writeString(tmp.resolve("KEYS-empty"), "no keys in here\n");
        CliRun emptyKeys = CliRun.run("verify", rc.toString(), "--keys", empty.toString());
        assertThat(emptyKeys.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(emptyKeys.out()).contains("KEYS used:", "KEYS-empty", "COULD NOT CHECK")
                .doesNotContain("FAILED");
    }

    @Test
    void everySignatureInOneAscIsCheckedAndOneBadMakesItBadAsInGpg() throws Exception {
        String second = gpg.generate("John Roe <jroe@apache.org>", "rsa2048", "0", null);
        Path keys = Files.writeString(tmp.resolve("KEYS-two"), gpg.exportArmored(rm, second));
        Path rc = candidate("multi", "1.0.0-rc1", null);
        Path artifact = rc.resolve("apache-demo-1.0.0-bin.tar.gz");
        Path other = Files.writeString(tmp.resolve("other.txt"), "some other file");
        byte[] good = binarySignature(artifact, rm);
        byte[] bad = binarySignature(other, second);
        Path asc = rc.resolve(artifact.getFileName() + ".asc");

        writeArmored(asc, concat(good, binarySignature(artifact, second)));
        assertThat(gpgStatus(asc, artifact, keys)).contains("[GNUPG:] GOODSIG").doesNotContain("BADSIG");
        assertThat(verify(rc, keys).artifacts().get(0).signature().status()).isEqualTo(SignatureStatus.GOOD);

        writeArmored(asc, concat(good, bad));
        assertThat(gpgStatus(asc, artifact, keys)).contains("[GNUPG:] GOODSIG", "[GNUPG:] BADSIG");
        VerifyReport report = verify(rc, keys);
        assertThat(report.artifacts().get(0).signature().status()).isEqualTo(SignatureStatus.BAD);
        assertThat(report.outcome()).isEqualTo(VerifyReport.Outcome.FAILED);

        writeArmored(asc, concat(bad, good));
        assertThat(verify(rc, keys).artifacts().get(0).signature().status()).isEqualTo(SignatureStatus.BAD);
    }

    @Test
    void aSignatureMadeBeforeItsKeyWasCreatedIsRefusedAsGpgDoes() throws Exception {
        Gpg own = new Gpg(tmp.resolve("gnupg-warp"));
        try {
            String key = own.generate("Tim Warp <twarp@apache.org>", "ed25519", "0", "20220101T000000");
            Path keys = Files.writeString(tmp.resolve("KEYS-warp"), own.exportArmored(key));
            Path rc = candidate("warp", "1.0.0-rc1", null);
            Path artifact = rc.resolve("apache-demo-1.0.0-bin.tar.gz");
            Tools.Result signed = own.run("--faked-system-time", "20210101T000000!", "--ignore-time-conflict",
                    "--local-user", key, "--armor", "--output", artifact + ".asc", "--detach-sign", artifact.toString());
            assertThat(signed.exitCode()).as(signed.err()).isZero();

            assertThat(own.verdict(artifact.resolveSibling(artifact.getFileName() + ".asc"), artifact))
                    .isNotEqualTo("GOODSIG");
            VerifyReport report = verify(rc, keys);
            SignatureCheck sig = report.artifacts().get(0).signature();
            assertThat(sig.status()).isEqualTo(SignatureStatus.BAD);
            assertThat(sig.message()).contains("before its key was created on 2022-01-01T00:00:00Z");
        } finally {
            own.close();
        }
    }

    @Test
    void anUnknownSignerIsNamedByTheIssuerFingerprintTheSignatureCarries() throws Exception {
        Path rc = candidate("unknown-signer", "1.0.0-rc1", rogue);

        VerifyReport report = verify(rc, projectKeys);

        SignatureCheck sig = report.artifacts().get(0).signature();
        assertThat(sig).isInstanceOf(SignatureCheck.UnknownKey.class);
        assertThat(((SignatureCheck.UnknownKey) sig).issuerFingerprint()).isEqualTo(rogue);
        assertThat(sig.message()).contains(io.releasepilot.pgp.Fingerprint.parse(rogue).grouped());
        JsonNode json = ReportJson.toJson(report).get("artifacts").get(0).get("signature");
        assertThat(json.get("fingerprint").asText()).isEqualTo(rogue);
        assertThat(json.get("keyId").asText()).isEqualTo(rogue.substring(24));
        assertThat(gpgStatus(rc.resolve("apache-demo-1.0.0-bin.tar.gz.asc"), rc.resolve("apache-demo-1.0.0-bin.tar.gz"),
                projectKeys)).contains("[GNUPG:] NO_PUBKEY " + rogue.substring(24));
    }

    @Test
    void theNoticeYearIsComparedWithTheYearTheCandidateWasSignedNotToday() throws Exception {
        Gpg old = new Gpg(tmp.resolve("gnupg-2022"));
        try {
            String key = old.generate("Ann Old <aold@apache.org>", "ed25519", "0", "20210301T000000");
            Path keys = Files.writeString(tmp.resolve("KEYS-2022"), old.exportArmored(key));
            String top = "apache-demo-0.9.0-src";
            for (String[] c : new String[][] {{"2022", "notice-2022"}, {"2019", "notice-2019"}}) {
                java.util.Map<String, byte[]> files = io.releasepilot.testing.Archives.cleanTree(top);
                files.put(top + "/NOTICE", ("Apache Demo\nCopyright " + c[0]
                        + " The Apache Software Foundation\n").getBytes(StandardCharsets.UTF_8));
                Path rc = Files.createDirectories(tmp.resolve(c[1]));
                Path tgz = rc.resolve(top + ".tar.gz");
                io.releasepilot.testing.Archives.tarGz(tgz, files);
                old.sign(tgz, key, "20220615T120000");
                Files.writeString(rc.resolve(tgz.getFileName() + ".sha512"), sha512(tgz) + "  " + tgz.getFileName()
                        + "\n");
                VerifyReport report = verify(rc, keys);
                assertThat(report.artifacts().get(0).signature().status()).isEqualTo(SignatureStatus.GOOD);
                if (c[0].equals("2022")) {
                    assertThat(report.findings()).noneSatisfy(f -> assertThat(f.message()).contains("NOTICE says"));
                } else {
                    assertThat(report.findings()).anySatisfy(f -> assertThat(f.message())
                            .contains("NOTICE says \"Copyright 2019\"; the copyright year should include 2022,"));
                }
            }
        } finally {
            old.close();
        }
    }

    private static byte[] binarySignature(Path file, String key) throws Exception {
        Path sig = tmp.resolve("sig-" + System.nanoTime());
        Tools.Result r = gpg.run("--local-user", key, "--output", sig.toString(), "--detach-sign", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Files.readAllBytes(sig);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Armors binary signature packets with gpg --enarmor, then names the block a signature as gpg would. */
    private static void writeArmored(Path asc, byte[] packets) throws Exception {
        Path bin = Files.write(tmp.resolve("packets-" + System.nanoTime()), packets);
        Path armored = tmp.resolve("armored-" + System.nanoTime());
        Tools.Result r = gpg.run("--output", armored.toString(), "--enarmor", bin.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(armored, StandardCharsets.US_ASCII)) {
            if (!line.startsWith("Comment:")) {
                sb.append(line.replace("PGP ARMORED FILE", "PGP SIGNATURE")).append('\n');
            }
        }
        Files.writeString(asc, sb.toString());
    }

    /** What the real gpg says, with only {@code keys} imported into a fresh home. */
    private static String gpgStatus(Path asc, Path data, Path keys) throws Exception {
        Gpg fresh = new Gpg(Files.createTempDirectory(tmp, "gnupg-verify-"));
        try {
            fresh.run("--import", keys.toString());
            return fresh.run("--status-fd", "1", "--verify", asc.toString(), data.toString()).out();
        } finally {
            fresh.close();
        }
    }

    static String sha512(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
    }
}
