package io.releasepilot.cli;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.testing.Gpg;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs from outside are bounded and checked: expiry, passphrase files, user id length, key server replies. */
class BoundedInputsTest {
    static final String PASS = "bounded inputs passphrase";
    @TempDir
    static Path tmp;
    static Path home;
    static Path pass;
    static String fpr;

    @BeforeAll
    static void makeAKey() throws Exception {
        home = tmp.resolve("home");
        pass = Files.writeString(tmp.resolve("pass"), PASS + "\n");
        try (Passphrase p = new Passphrase(PASS.toCharArray())) {
            fpr = new KeyService(new AppHome(home)).generate(new KeySpec("Jane Doe", "jdoe@apache.org", "",
                    Optional.empty(), 1024), p, Progress.NONE).key().fingerprint().hex();
        }
    }

    private static CliRun generate(Path inHome, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("keys", "generate", "--home", inHome.toString(),
                "--email", "jdoe@apache.org", "--bits", "1024"));
        args.addAll(List.of(extra));
        if (!args.contains("--name")) {
            args.addAll(List.of("--name", "Jane Doe"));
        }
        if (!args.contains("--passphrase-file")) {
            args.addAll(List.of("--passphrase-file", pass.toString()));
        }
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void expiriesGpgWouldReadAsAnotherDateAreRefusedWithTheRange() {
        Path empty = tmp.resolve("no-keys");
        for (String days : List.of("36500", "30000", "49711", "-5")) {
            long max = KeySpec.maxExpiryDays(Instant.now());
            CliRun run = generate(empty, "--expire-days", days);
            assertThat(run.exitCode()).as(days).isEqualTo(2);
            assertThat(run.err()).contains("--expire-days " + days + " is out of range: give 0 (no expiry) or 1 to "
                    + max + " days.", "must expire before 2106-02-07");
        }
        assertThat(CliRun.run("keys", "list", "--home", empty.toString()).out()).startsWith("No keys yet.");
    }

    @Test
    void ourVerifierAndGpgAgreeOnAKeyWithTheLongestExpiry() throws Exception {
        Path longHome = tmp.resolve("long-expiry");
        long days = KeySpec.maxExpiryDays(Instant.now());
        CliRun made = generate(longHome, "--expire-days", String.valueOf(days));
        assertThat(made.exitCode()).as(made.err()).isZero();
        List<String> lines = made.out().lines().toList();
        String key = lines.get(lines.size() - 1);
        assertThat(made.out()).contains(", expires 2106-02-0");
        Path artifact = Files.writeString(tmp.resolve("apache-x-1.0-src.tar.gz"), "content");
        CliRun sign = CliRun.run("sign", "--home", longHome.toString(), "--key", key, "--passphrase-file",
                pass.toString(), artifact.toString());
        assertThat(sign.exitCode()).as("our verifier checks the signature before writing it: " + sign.err()).isZero();
        Path exported = Files.writeString(tmp.resolve("long.asc"), CliRun.run("keys", "export", "--home",
                longHome.toString(), "--key", key).out());
        try (Gpg gpg = new Gpg(tmp.resolve("gnupg-long"))) {
            assertThat(gpg.run("--import", exported.toString()).exitCode()).isZero();
            assertThat(gpg.run("--with-colons", "--list-keys", key).out()).doesNotContain("pub:e:");
            assertThat(gpg.run("--list-keys", key).out()).contains("[expires: 2106-02-0");
            assertThat(gpg.verdict(tmp.resolve("apache-x-1.0-src.tar.gz.asc"), artifact)).isEqualTo("GOODSIG");
        }
    }

    @Test
    void aPassphraseFileThatIsADeviceOrHugeIsRefusedWithoutReadingIt() throws Exception {
        Path empty = tmp.resolve("no-keys-2");
        CliRun zero = generate(empty, "--passphrase-file", "/dev/zero");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("Could not read the passphrase file /dev/zero: it is not a regular file")
                .doesNotContain("Exception", "OutOfMemory");
        Path big = Files.write(tmp.resolve("big"), new byte[5000]);
        CliRun huge = generate(empty, "--passphrase-file", big.toString());
        assertThat(huge.exitCode()).isEqualTo(2);
        assertThat(huge.err()).contains("The passphrase file " + big + " is larger than 4096 bytes");
        CliRun missing = generate(empty, "--passphrase-file", tmp.resolve("nope").toString());
        assertThat(missing.err()).contains("Could not read the passphrase file " + tmp.resolve("nope")
                + ": no such file or folder.");
        CliRun folder = generate(empty, "--passphrase-file", tmp.toString());
        assertThat(folder.err()).contains("Could not read the passphrase file " + tmp + ": it is a folder");
        assertThat(CliRun.run("keys", "list", "--home", empty.toString()).out()).startsWith("No keys yet.");
    }

    @Test
    void aByteOrderMarkIsNotPartOfThePassphrase() throws Exception {
        Path bom = tmp.resolve("pass-with-bom");
        byte[] text = (PASS + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(bom, withBom);
        Path artifact = Files.writeString(tmp.resolve("bom-artifact.tar.gz"), "content");
        CliRun sign = CliRun.run("sign", "--home", home.toString(), "--key", fpr, "--passphrase-file", bom.toString(),
                artifact.toString());
        assertThat(sign.exitCode()).as(sign.err()).isZero();
    }

    @Test
    void userIdsAreLimitedToWhatGpgReads() throws Exception {
        CliRun tooLong = generate(tmp.resolve("no-keys-3"), "--name", "J".repeat(100_000));
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("bytes long; GnuPG reads at most 2000 bytes");
        String suffix = " <jdoe@apache.org>";
        String name = "J".repeat(KeySpec.MAX_USER_ID_BYTES - suffix.length());
        Path longest = tmp.resolve("longest-uid");
        CliRun made = generate(longest, "--name", name);
        assertThat(made.exitCode()).as(made.err()).isZero();
        List<String> lines = made.out().lines().toList();
        Path exported = Files.writeString(tmp.resolve("longest.asc"), CliRun.run("keys", "export", "--home",
                longest.toString(), "--key", lines.get(lines.size() - 1)).out());
        try (Gpg gpg = new Gpg(tmp.resolve("gnupg-uid"))) {
            assertThat(gpg.run("--import", exported.toString()).exitCode()).isZero();
            assertThat(gpg.run("--with-colons", "--list-keys").out()).contains(name + suffix);
        }
    }

    @Test
    void keyServerAddressesAndRepliesAreChecked() throws Exception {
        for (String server : List.of("keys.example", "file:///etc/passwd", "http://keys.example.org",
                "https://alice:secret@keys.example.org")) {
            CliRun run = CliRun.run("keys", "upload", "--home", home.toString(), "--key", fpr, "--server", server);
            assertThat(run.exitCode()).as(server).isEqualTo(2);
            assertThat(run.err()).as(server).contains("is not a key server address", "Give an https:// address")
                    .doesNotContain("Exception", "secret");
        }
        HttpServer junk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        junk.createContext("/", exchange -> {
            byte[] body = "5".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        junk.start();
        try {
            CliRun run = CliRun.run("keys", "upload", "--home", home.toString(), "--key", fpr, "--server",
                    "http://127.0.0.1:" + junk.getAddress().getPort());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).doesNotContain("Uploaded");
            assertThat(run.err()).contains("did not answer like a key server");
        } finally {
            junk.stop(0);
        }
    }
}
