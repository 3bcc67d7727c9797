package io.releasepilot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The real gpg, in a private home folder, making keys and signatures for tests. Keys have no passphrase. */
public final class Gpg implements AutoCloseable {
    private static final Pattern CREATED = Pattern.compile("KEY_CREATED [BP] ([0-9A-F]{40})");
    private final Path home;

    public Gpg(Path home) throws IOException {
        Tools.require("gpg");
        this.home = home;
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    public Path home() {
        return home;
    }

    public Tools.Result run(String... args) {
        return runWith("", args);
    }

    /** Runs gpg with {@code passphrase} given for every key it unlocks or protects. */
    public Tools.Result runWith(String passphrase, String... args) {
        List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes",
                "--no-tty", "--pinentry-mode", "loopback", "--passphrase", passphrase));
        cmd.addAll(List.of(args));
        return Tools.run(null, cmd, Map.of("GNUPGHOME", home.toString(), "LC_ALL", "C"), null);
    }

    /**
     * Makes a signing key; {@code algo} as gpg names it (rsa4096, rsa2048, ed25519, dsa2048), {@code expire}
     * like "0", "1y" or "2d", {@code fakedTime} like "20200101T000000" or null. Returns its fingerprint.
     */
    public String generate(String uid, String algo, String expire, String fakedTime) {
        return generateProtected("", uid, algo, expire, fakedTime);
    }

    /** Like {@link #generate}, the secret key protected with {@code passphrase}. */
    public String generateProtected(String passphrase, String uid, String algo, String expire, String fakedTime) {
        List<String> args = new ArrayList<>();
        if (fakedTime != null) {
            args.addAll(List.of("--faked-system-time", fakedTime + "!"));
        }
        args.addAll(List.of("--status-fd", "1", "--quick-gen-key", uid, algo, "sign", expire));
        Tools.Result r = runWith(passphrase, args.toArray(String[]::new));
        Matcher m = CREATED.matcher(r.out());
        assertThat(m.find()).as("gpg --quick-gen-key: %s %s", r.out(), r.err()).isTrue();
        return m.group(1);
    }

    /** Writes {@code file}.asc, a detached armored signature; {@code extra} adds options such as --digest-algo. */
    public Path sign(Path file, String fingerprint, String fakedTime, String... extra) {
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        List<String> args = new ArrayList<>();
        if (fakedTime != null) {
            args.addAll(List.of("--faked-system-time", fakedTime + "!"));
        }
        args.addAll(List.of("--local-user", fingerprint, "--armor", "--output", asc.toString()));
        args.addAll(List.of(extra));
        args.addAll(List.of("--detach-sign", file.toString()));
        Tools.Result r = run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as("gpg --detach-sign: %s", r.err()).isZero();
        return asc;
    }

    /** Revokes the key with the revocation certificate gpg made for it. */
    public void revoke(String fingerprint) throws IOException {
        Path rev = home.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
        String cert = Files.readString(rev).replace(":-----BEGIN", "-----BEGIN");
        Path fixed = home.resolve(fingerprint + ".rev.asc");
        Files.writeString(fixed, cert);
        Tools.Result r = run("--import", fixed.toString());
        assertThat(r.exitCode()).as("import revocation: %s", r.err()).isZero();
    }

    public String exportArmored(String... fingerprints) {
        List<String> args = new ArrayList<>(List.of("--armor", "--export"));
        args.addAll(List.of(fingerprints));
        Tools.Result r = run(args.toArray(String[]::new));
        assertThat(r.exitCode()).isZero();
        return r.out();
    }

    /** gpg's own verdict on a detached signature with this home's keys: GOODSIG, EXPKEYSIG, REVKEYSIG, BADSIG, ERRSIG or NODATA. */
    public String verdict(Path asc, Path data) {
        Tools.Result r = run("--status-fd", "1", "--verify", asc.toString(), data.toString());
        for (String s : List.of("GOODSIG", "EXPKEYSIG", "REVKEYSIG", "BADSIG", "ERRSIG", "NODATA")) {
            if (r.out().contains("[GNUPG:] " + s)) {
                return s;
            }
        }
        return "UNKNOWN:" + r.out() + r.err();
    }

    @Override
    public void close() {
        Tools.run(null, List.of("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent"),
                Map.of("GNUPGHOME", home.toString()), null);
    }
}
