package io.releasepilot.pgp;

import io.releasepilot.testing.Gpg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures made by the real gpg get the status gpg itself gives them: good ones with several key types and
 * digests, an expired key, a revoked key, tampered bytes, another file's signature, damaged armor and an
 * unknown signer.
 */
class SignatureInteropTest {
    @TempDir
    static Path tmp;
    static Gpg rm;
    static Gpg voter;
    static String rsa4096;
    static String rsa2048;
    static String ed25519;
    static String dsa;
    static String expired;
    static String revoked;
    static String stranger;
    static KeyRingSet keys;
    static Path data;

    @BeforeAll
    static void makeKeysAndKeysFile() throws Exception {
        rm = new Gpg(tmp.resolve("rm"));
        rsa4096 = rm.generate("Jane Doe <jdoe@apache.org>", "rsa4096", "0", null);
        rsa2048 = rm.generate("John Roe <jroe@apache.org>", "rsa2048", "0", null);
        ed25519 = rm.generate("Ed Curve <ed@apache.org>", "ed25519", "0", null);
        dsa = rm.generate("Old Timer <old@example.org>", "dsa2048", "0", null);
        expired = rm.generate("Ex Pired <expired@apache.org>", "rsa2048", "1y", "20200101T000000");
        revoked = rm.generate("Re Voked <revoked@apache.org>", "rsa2048", "0", null);
        stranger = rm.generate("Not In Keys <stranger@example.org>", "ed25519", "0", null);
        Path keysFile = tmp.resolve("KEYS");
        Files.writeString(keysFile, "This file holds the project's keys.\n\n"
                + rm.exportArmored(rsa4096, rsa2048, ed25519, dsa, expired) + "\n");
        data = tmp.resolve("apache-demo-1.0.0-src.tar.gz");
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(42).nextBytes(bytes);
        Files.write(data, bytes);
        Path revokedSig = tmp.resolve("revoked").resolve(data.getFileName());
        Files.createDirectories(revokedSig.getParent());
        Files.copy(data, revokedSig);
        rm.sign(revokedSig, revoked, null);
        rm.revoke(revoked);
        Files.writeString(keysFile, rm.exportArmored(revoked) + "\n", java.nio.file.StandardOpenOption.APPEND);
        keys = KeysReader.read(keysFile);
        voter = new Gpg(tmp.resolve("voter"));
        voter.run("--import", keysFile.toString());
    }

    @AfterAll
    static void stopAgents() {
        if (rm != null) {
            rm.close();
        }
        if (voter != null) {
            voter.close();
        }
    }

    /** Verifies like the Verifier does: one read, the signature sharing the SHA-512 digest when it can. */
    static SignatureCheck check(Path asc, Path file) throws Exception {
        PendingSignature pending = new SignatureVerifier(keys).start(Files.readAllBytes(asc));
        Map<String, MessageDigest> digests = new java.util.HashMap<>();
        pending.sharedDigest().ifPresent(n -> {
            try {
                digests.put(n, MessageDigest.getInstance(n));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] bytes = Files.readAllBytes(file);
        for (int off = 0; off < bytes.length; off += 65536) {
            int len = Math.min(65536, bytes.length - off);
            for (MessageDigest md : digests.values()) {
                md.update(bytes, off, len);
            }
            pending.update(bytes, off, len);
        }
        return pending.finish(digests, Instant.now());
    }

    private Path copy(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        return Files.copy(data, dir.resolve(data.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void goodRsa4096SignatureIsGoodAndNamesItsSigner() throws Exception {
        Path file = copy("rsa4096");
        Path asc = rm.sign(file, rsa4096, null, "--digest-algo", "SHA512");
        SignatureCheck check = check(asc, file);
        assertThat(voter.verdict(asc, file)).isEqualTo("GOODSIG");
        assertThat(check.status()).isEqualTo(SignatureStatus.GOOD);
        SignerDetails d = check.details().orElseThrow();
        assertThat(d.fingerprint().hex()).isEqualTo(rsa4096);
        assertThat(d.keyId()).isEqualTo(rsa4096.substring(24));
        assertThat(d.userId()).isEqualTo("Jane Doe <jdoe@apache.org>");
        assertThat(d.hashAlgorithm()).isEqualTo("SHA-512");
        assertThat(d.keyAlgorithm()).isEqualTo("RSA");
        assertThat(d.keyBits()).isEqualTo(4096);
        assertThat(d.apacheAddress()).isTrue();
        assertThat(d.created()).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void goodSignaturesOfOtherKeyTypesAndDigestsAreGood() throws Exception {
        Object[][] cases = {
                {rsa2048, "SHA256", "RSA", "SHA-256"},
                {ed25519, "SHA512", "EdDSA", "SHA-512"},
                {dsa, "SHA256", "DSA", "SHA-256"},
                {rsa2048, "SHA1", "RSA", "SHA-1"},
        };
        for (Object[] c : cases) {
            Path file = copy("k" + c[0] + c[1]);
            Path asc = rm.sign(file, (String) c[0], null, "--digest-algo", (String) c[1]);
            SignatureCheck check = check(asc, file);
            assertThat(voter.verdict(asc, file)).as("gpg on %s", c[2]).isEqualTo("GOODSIG");
            assertThat(check.status()).as("%s %s: %s", c[2], c[1], check.message()).isEqualTo(SignatureStatus.GOOD);
            assertThat(check.details().orElseThrow().keyAlgorithm()).isEqualTo(c[2]);
            assertThat(check.details().orElseThrow().hashAlgorithm()).isEqualTo(c[3]);
        }
    }

    @Test
    void textModeSignatureIsCheckedTheStreamingWay() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("text")).resolve("README.txt");
        Files.writeString(file, "line one\nline two\n");
        Path asc = rm.sign(file, rsa2048, null, "--textmode");
        assertThat(voter.verdict(asc, file)).isEqualTo("GOODSIG");
        assertThat(check(asc, file).status()).isEqualTo(SignatureStatus.GOOD);
    }

    @Test
    void signatureMadeBeforeTheKeyExpiredIsGoodWithExpiredKey() throws Exception {
        Path file = copy("expired");
        Path asc = rm.sign(file, expired, "20200601T000000");
        SignatureCheck check = check(asc, file);
        assertThat(voter.verdict(asc, file)).isEqualTo("EXPKEYSIG");
        assertThat(check.status()).isEqualTo(SignatureStatus.GOOD_EXPIRED_KEY);
        assertThat(check.message()).contains("expired");
    }

    @Test
    void signatureByARevokedKeyIsRevoked() throws Exception {
        Path file = tmp.resolve("revoked").resolve(data.getFileName());
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        assertThat(voter.verdict(asc, file)).isEqualTo("REVKEYSIG");
        assertThat(check(asc, file).status()).isEqualTo(SignatureStatus.REVOKED_KEY);
    }

    @Test
    void tamperedBytesGiveBad() throws Exception {
        Path file = copy("tampered");
        Path asc = rm.sign(file, rsa4096, null);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        SignatureCheck check = check(asc, file);
        assertThat(voter.verdict(asc, file)).isEqualTo("BADSIG");
        assertThat(check.status()).isEqualTo(SignatureStatus.BAD);
        assertThat(check.message()).contains("does not match");
    }

    @Test
    void tamperedBytesGiveBadForEveryKeyType() throws Exception {
        for (String key : new String[] {ed25519, dsa, rsa2048}) {
            Path file = copy("tampered" + key);
            Path asc = rm.sign(file, key, null);
            Files.write(file, "other".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
            assertThat(check(asc, file).status()).as(key).isEqualTo(SignatureStatus.BAD);
        }
    }

    @Test
    void signatureOfAnotherFileBySameKeyGivesBad() throws Exception {
        Path file = copy("other");
        Path other = file.resolveSibling("other.txt");
        Files.writeString(other, "another file");
        Path otherAsc = rm.sign(other, rsa4096, null);
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        Files.copy(otherAsc, asc);
        assertThat(voter.verdict(asc, file)).isEqualTo("BADSIG");
        assertThat(check(asc, file).status()).isEqualTo(SignatureStatus.BAD);
    }

    @Test
    void unknownSignerNamesTheKeyId() throws Exception {
        Path file = copy("stranger");
        Path asc = rm.sign(file, stranger, null);
        SignatureCheck check = check(asc, file);
        assertThat(voter.verdict(asc, file)).isEqualTo("ERRSIG");
        assertThat(check.status()).isEqualTo(SignatureStatus.UNKNOWN_KEY);
        assertThat(check.message()).contains(stranger.substring(24)).contains("does not contain");
    }

    @Test
    void damagedArmorIsMalformed() throws Exception {
        Path file = copy("armor");
        Path asc = rm.sign(file, rsa4096, null);
        String text = Files.readString(asc);
        String[] lines = text.split("\n");
        int mid = lines.length / 2;
        char[] chars = lines[mid].toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        lines[mid] = new String(chars);
        Files.writeString(asc, String.join("\n", lines));
        assertThat(voter.verdict(asc, file)).as("gpg rejects the armor checksum").isEqualTo("NODATA");
        SignatureCheck check = check(asc, file);
        assertThat(check.status()).as("the armor checksum no longer matches").isEqualTo(SignatureStatus.MALFORMED);
    }

    @Test
    void garbageEmptyAndBinarySignatureFilesAreMalformed() throws Exception {
        Path file = copy("garbage");
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        byte[] garbage = new byte[2000];
        new java.util.Random(3).nextBytes(garbage);
        for (byte[] content : new byte[][] {garbage, new byte[0], "hello".getBytes(StandardCharsets.UTF_8)}) {
            Files.write(asc, content);
            assertThat(check(asc, file).status()).isEqualTo(SignatureStatus.MALFORMED);
        }
        Path sig = file.resolveSibling(file.getFileName() + ".sig");
        rm.run("--local-user", rsa4096, "--output", sig.toString(), "--detach-sign", file.toString());
        Files.copy(sig, asc, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SignatureCheck binary = check(asc, file);
        assertThat(binary.status()).isEqualTo(SignatureStatus.MALFORMED);
        assertThat(binary.message()).contains("binary signature, not ASCII-armored");
    }
}
