package io.releasepilot.keys;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyInfo;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.pgp.KeyringException;
import io.releasepilot.pgp.WrongPassphraseException;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys made here work in gpg, keys made by gpg work here, and KEYS files stay whole. */
class KeysInteropTest {
    static final String PASS = "release pilot test passphrase 7";
    static final int BITS = 2048;
    @TempDir
    static Path tmp;
    static Gpg gpg;
    static KeyService service;
    static KeyService.Created created;

    static Passphrase pass(String p) {
        return new Passphrase(p.toCharArray());
    }

    @BeforeAll
    static void makeAKey() throws Exception {
        gpg = new Gpg(tmp.resolve("gnupg"));
        service = new KeyService(new AppHome(tmp.resolve("home")));
        try (Passphrase p = pass(PASS)) {
            created = service.generate(new KeySpec("Jane Doe", "jdoe@apache.org", "CODE SIGNING KEY",
                    Optional.empty(), BITS), p, Progress.NONE);
        }
    }

    @AfterAll
    static void stop() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static Set<String> gpgFingerprints(Path keysFile) {
        Tools.Result r = gpg.run("--show-keys", "--with-colons", keysFile.toString());
        List<String> lines = r.out().lines().toList();
        Set<String> fprs = new java.util.LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("pub:") && i + 1 < lines.size() && lines.get(i + 1).startsWith("fpr:")) {
                fprs.add(lines.get(i + 1).split(":")[9]);
            }
        }
        return fprs;
    }

    @Test
    void theNewKeyIsRsaForSigningWithAnEncryptionSubkeyAndGpgImportsIt() throws Exception {
        KeyInfo k = created.key();
        assertThat(k.algorithm()).isEqualTo("RSA");
        assertThat(k.bits()).isEqualTo(BITS);
        assertThat(k.userIds()).containsExactly("Jane Doe (CODE SIGNING KEY) <jdoe@apache.org>");
        assertThat(k.expires()).isEmpty();
        Path pub = tmp.resolve("pub.asc");
        Files.write(pub, service.exportPublic(k.fingerprint()));
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----").doesNotContain("PRIVATE");
        Gpg other = new Gpg(tmp.resolve("other"));
        assertThat(other.run("--import", pub.toString()).exitCode()).isZero();
        String colons = other.run("--with-colons", "--list-keys", k.fingerprint().hex()).out();
        assertThat(colons).contains("pub:-:" + BITS + ":1:" + k.keyId()).contains("fpr:::::::::" + k.fingerprint().hex());
        assertThat(colons.lines().filter(l -> l.startsWith("pub:")).findFirst().orElseThrow().split(":")[11])
                .contains("s").contains("c");
        assertThat(colons.lines().filter(l -> l.startsWith("sub:")).findFirst().orElseThrow().split(":")[11])
                .isEqualTo("e");
        other.close();
        String listing = service.keysEntry(k.fingerprint());
        assertThat(listing).startsWith("pub   rsa" + BITS + " ").contains(" [SC]\n      " + k.fingerprint().hex())
                .contains("uid           [ultimate] Jane Doe (CODE SIGNING KEY) <jdoe@apache.org>")
                .contains("sig 3        " + k.keyId()).contains("sub   rsa" + BITS).contains(" [E]\n")
                .contains("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    }

    @Test
    void appendingToARealKeysFileKeepsEveryKeyAndGpgReadsThemAll() throws Exception {
        Path keys = tmp.resolve("KEYS");
        // Files.copy would keep the fixture's read-only mode, and a read-only KEYS is (rightly) refused.
        Files.write(keys, Files.readAllBytes(Path.of("..", "shared", "fixtures", "keys", "tika-KEYS")));
        byte[] before = Files.readAllBytes(keys);
        Set<String> gpgBefore = gpgFingerprints(keys);

        KeysFileUpdate.Preview preview = service.previewKeysAppend(keys, created.key().fingerprint());
        assertThat(preview.keysBefore()).isEqualTo(7);
        assertThat(Files.readAllBytes(keys)).as("a preview writes nothing").isEqualTo(before);
        KeysFileUpdate.Result result = KeysFileUpdate.append(preview);

        assertThat(result.keysAfter()).isEqualTo(8);
        byte[] after = Files.readAllBytes(keys);
        assertThat(java.util.Arrays.copyOf(after, before.length)).as("old entries untouched").isEqualTo(before);
        Set<String> expected = new java.util.LinkedHashSet<>(gpgBefore);
        expected.add(created.key().fingerprint().hex());
        assertThat(gpgFingerprints(keys)).containsExactlyInAnyOrderElementsOf(expected);
        assertThatThrownBy(() -> service.previewKeysAppend(keys, created.key().fingerprint()))
                .isInstanceOf(ReleasePilotException.class).hasMessageContaining("is already in");
    }

    @Test
    void theSecretExportImportsIntoGpgWithThePassphraseAndSigns() throws Exception {
        Path secret = tmp.resolve("secret.asc");
        Files.write(secret, service.exportSecret(created.key().fingerprint()));
        Gpg other = new Gpg(tmp.resolve("secret-import"));
        assertThat(other.runWith(PASS, "--import", secret.toString()).exitCode()).isZero();
        assertThat(other.run("--list-secret-keys", "--with-colons").out())
                .contains(created.key().fingerprint().hex());
        Path data = tmp.resolve("signed-by-gpg.txt");
        Files.writeString(data, "hello");
        Tools.Result sign = other.runWith(PASS, "--local-user", created.key().fingerprint().hex(), "--armor",
                "--detach-sign", data.toString());
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(other.run("--verify", data + ".asc", data.toString()).exitCode()).isZero();
        other.close();
    }

    @Test
    void ourBuiltInSignatureIsGoodForGpg() throws Exception {
        Path data = tmp.resolve("artifact.tar.gz");
        Files.writeString(data, "artifact bytes");
        Signer signer = service.builtInSigner(created.key().fingerprint(), () -> pass(PASS));
        byte[] asc = signer.sign(Files.readAllBytes(data));
        Files.write(tmp.resolve("artifact.tar.gz.asc"), asc);
        gpg.run("--import", write("ours.asc", service.exportPublic(created.key().fingerprint())).toString());
        assertThat(gpg.verdict(tmp.resolve("artifact.tar.gz.asc"), data)).isEqualTo("GOODSIG");
    }

    @Test
    void keysMadeByGpgImportIntoOursFromAnExportAndFromItsHome() throws Exception {
        Gpg theirs = new Gpg(tmp.resolve("theirs"));
        String protectedKey = theirs.generateProtected("gpg-secret", "Pro Tected <pro@apache.org>", "rsa2048", "0", null);
        String openKey = theirs.generate("Un Protected <open@apache.org>", "rsa2048", "0", null);
        String eccKey = theirs.generate("Ed Curve <ed@apache.org>", "ed25519", "0", null);
        KeyService ours = new KeyService(new AppHome(tmp.resolve("home-import")));

        Path export = tmp.resolve("export.asc");
        Files.writeString(export, theirs.runWith("gpg-secret", "--armor", "--export-secret-keys", protectedKey).out());
        assertThatThrownBy(() -> ours.importFile(export, pass("wrong"), pass("x")))
                .isInstanceOf(WrongPassphraseException.class);
        List<KeyInfo> imported = ours.importFile(export, pass("gpg-secret"), pass("ours"));
        assertThat(imported).extracting(k -> k.fingerprint().hex()).containsExactly(protectedKey);
        ours.checkPassphrase(Fingerprint.parse(protectedKey), pass("ours"));

        assertThat(ours.listGnuPg(theirs.home())).extracting(e -> e.key().fingerprint().hex())
                .contains(protectedKey, openKey);
        KeyInfo fromHome = ours.importGnuPg(theirs.home(), Fingerprint.parse(openKey), pass(""), pass("ours too"));
        assertThat(fromHome.fingerprint().hex()).isEqualTo(openKey);
        ours.checkPassphrase(Fingerprint.parse(openKey), pass("ours too"));
        assertThat(ours.importGnuPg(theirs.home(), Fingerprint.parse(eccKey), pass(""), pass("p")).algorithm())
                .isEqualTo("EdDSA");
        Path eccExport = tmp.resolve("ecc-export.asc");
        Files.writeString(eccExport, theirs.run("--armor", "--export-secret-keys", eccKey).out());
        assertThat(ours.importFile(eccExport, pass(""), pass("ecc"))).extracting(k -> k.algorithm())
                .containsExactly("EdDSA");
        KeyService again = new KeyService(new AppHome(tmp.resolve("home-import-2")));
        again.importGnuPg(theirs.home(), Fingerprint.parse(protectedKey), pass("gpg-secret"), pass("p"));
        assertThatThrownBy(() -> again.importGnuPg(theirs.home(), Fingerprint.parse(protectedKey), pass("nope"),
                pass("p"))).isInstanceOf(WrongPassphraseException.class);

        Path data = tmp.resolve("imported-signs.txt");
        Files.writeString(data, "signed with an imported key");
        Files.write(tmp.resolve("imported-signs.txt.asc"),
                ours.builtInSigner(Fingerprint.parse(openKey), () -> pass("ours too")).sign(Files.readAllBytes(data)));
        assertThat(theirs.verdict(tmp.resolve("imported-signs.txt.asc"), data)).isEqualTo("GOODSIG");
        theirs.close();
    }

    @Test
    void theGnuPgBackendSignsThroughGpg() throws Exception {
        String fpr = gpg.generate("Card User <card@apache.org>", "rsa2048", "0", null);
        Path data = tmp.resolve("via-gpg.bin");
        Files.write(data, new byte[300_000]);
        Signer signer = new GnuPgSigner(Fingerprint.parse(fpr), "gpg", gpg.home());
        Files.write(tmp.resolve("via-gpg.bin.asc"), signer.sign(Files.readAllBytes(data)));
        assertThat(gpg.verdict(tmp.resolve("via-gpg.bin.asc"), data)).isEqualTo("GOODSIG");
        Signer unknown = new GnuPgSigner(Fingerprint.parse("0123456789ABCDEF0123456789ABCDEF01234567"), "gpg",
                gpg.home());
        assertThatThrownBy(() -> unknown.sign(new byte[] {1})).isInstanceOf(KeyringException.class).hasMessageContaining("gpg could not sign");
    }

    @Test
    void aWrongPassphraseNamesTheKeyAndChangesNothingOnDisk() throws Exception {
        Path file = service.store().keyringFile();
        byte[] before = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> service.checkPassphrase(created.key().fingerprint(), pass("not it " + PASS)))
                    .isInstanceOf(WrongPassphraseException.class)
                    .hasMessageContaining(created.key().fingerprint().grouped())
                    .hasMessageContaining("jdoe@apache.org")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASS));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void theKeyringAndRevocationAreOwnerOnlyAndTheRevocationWorksInGpg() throws Exception {
        Path keyring = service.store().keyringFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyring))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyring.getParent())))
                .isEqualTo("rwx------");
        Path rev = created.revocationCertificate();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rev))).isEqualTo("rw-------");
        String text = Files.readString(rev);
        assertThat(text).contains("revocation certificate", created.key().fingerprint().grouped(), ":-----BEGIN");

        Gpg other = new Gpg(tmp.resolve("revoke"));
        other.run("--import", write("rev-pub.asc", service.exportPublic(created.key().fingerprint())).toString());
        Path usable = write("rev-usable.asc", text.replace(":-----BEGIN", "-----BEGIN").getBytes(StandardCharsets.US_ASCII));
        Tools.Result imported = other.run("--import", usable.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String colons = other.run("--with-colons", "--list-keys", created.key().fingerprint().hex()).out();
        assertThat(colons.lines().filter(l -> l.startsWith("pub:")).findFirst().orElseThrow()).startsWith("pub:r:");
        other.close();
    }

    @Test
    void aDamagedKeyringIsReportedAndNeverOverwritten() throws Exception {
        KeyService damaged = new KeyService(new AppHome(tmp.resolve("home-damaged")));
        Path file = damaged.store().keyringFile();
        Files.createDirectories(file.getParent());
        String junk = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBGN0\n-----END PGP PRIVATE KEY BLOCK-----\n";
        Files.writeString(file, junk);
        assertThatThrownBy(damaged::list).isInstanceOf(KeyringException.class).hasMessageContaining("is damaged");
        assertThatThrownBy(() -> damaged.generate(new KeySpec("A B", "ab@apache.org", "", Optional.empty(), 1024),
                pass("p"), Progress.NONE)).isInstanceOf(KeyringException.class);
        assertThat(Files.readString(file)).isEqualTo(junk);
    }

    static Path write(String name, byte[] content) throws Exception {
        return Files.write(tmp.resolve(name), content);
    }

    static Set<String> lines(String s) {
        return s.lines().collect(Collectors.toSet());
    }
}
