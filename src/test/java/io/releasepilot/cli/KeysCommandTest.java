package io.releasepilot.cli;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.Json;
import io.releasepilot.testing.Gpg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** release-pilot keys, as a release manager uses it, and proof that the passphrase is never written anywhere. */
class KeysCommandTest {
    static final String PASSPHRASE = "Tr0ub4dor & 3 horses, never written";
    @TempDir
    static Path tmp;
    static Path home;
    static Path passFile;
    static String fingerprint;
    static CliRun generated;
    static final ByteArrayOutputStream consoleOut = new ByteArrayOutputStream();
    static final ByteArrayOutputStream consoleErr = new ByteArrayOutputStream();

    @BeforeAll
    static void generateAKey() throws Exception {
        home = tmp.resolve("home");
        passFile = Files.createDirectories(tmp.resolve("secret")).resolve("pass.txt");
        Files.writeString(passFile, PASSPHRASE + "\n");
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(consoleOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(consoleErr, true, StandardCharsets.UTF_8));
        try {
            generated = CliRun.run("keys", "generate", "--home", home.toString(), "--name", "Jane Doe",
                    "--email", "jdoe@apache.org", "--passphrase-file", passFile.toString(), "--bits", "2048");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        List<String> lines = generated.out().lines().toList();
        fingerprint = lines.get(lines.size() - 1);
    }

    @Test
    void generatePrintsTheFingerprintLastAndListShowsTheKey() {
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(fingerprint).matches("[0-9A-F]{40}");
        assertThat(generated.out()).contains("Jane Doe <jdoe@apache.org>", "Revocation certificate:");
        assertThat(generated.err()).contains("Passphrase strength:");
        CliRun list = CliRun.run("keys", "list", "--home", home.toString());
        assertThat(list.out()).contains(fingerprint.substring(0, 4) + " ", "RSA 2048", "no expiry");
    }

    @Test
    void exportAppendAndTheirErrors() throws Exception {
        CliRun export = CliRun.run("keys", "export", "--home", home.toString(), "--key", fingerprint);
        assertThat(export.out()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----").doesNotContain("PRIVATE");
        Path keys = tmp.resolve("KEYS");
        Files.writeString(keys, "This file holds the keys of the project's release managers.\n");
        CliRun dry = CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", keys.toString(),
                "--key", fingerprint, "--dry-run");
        assertThat(dry.out()).contains("pub   rsa2048", "Dry run: nothing was written.");
        assertThat(Files.readString(keys)).doesNotContain("BEGIN");
        CliRun append = CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", keys.toString(),
                "--key", fingerprint);
        assertThat(append.exitCode()).as(append.err()).isZero();
        assertThat(append.out()).contains("now holds 1 key (0 before)");
        CliRun again = CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", keys.toString(),
                "--key", fingerprint);
        // Running it again is a no-op, not an error, and the file is unchanged.
        String once = Files.readString(keys);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("is already in " + keys + ". Nothing to do.");
        assertThat(Files.readString(keys)).isEqualTo(once);
        assertThat(CliRun.run("keys", "export", "--home", home.toString(), "--key", "1234").err())
                .contains("is not a key fingerprint");
    }

    @Test
    void appendToANewKeysFileStartsItWithTheUsualHeader() throws Exception {
        Path keys = tmp.resolve("new-project").resolve("KEYS");
        Files.createDirectories(keys.getParent());
        CliRun dry = CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", keys.toString(),
                "--key", fingerprint, "--dry-run");
        assertThat(dry.out()).contains("This file contains the PGP keys of various developers.");
        assertThat(keys).doesNotExist();
        CliRun append = CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", keys.toString(),
                "--key", fingerprint);
        assertThat(append.exitCode()).as(append.err()).isZero();
        String text = Files.readString(keys);
        assertThat(text).startsWith("This file contains the PGP keys of various developers.\n\nUsers: pgp < KEYS\n");
        assertThat(text.indexOf("This file contains")).isEqualTo(text.lastIndexOf("This file contains"));
        assertThat(text).contains("\n\npub   rsa2048").endsWith("-----END PGP PUBLIC KEY BLOCK-----\n");
    }

    @Test
    void importFromAGnuPgHome() throws Exception {
        Gpg gpg = new Gpg(tmp.resolve("gnupg"));
        String theirs = gpg.generateProtected(PASSPHRASE, "John Roe <jroe@apache.org>", "rsa2048", "0", null);
        CliRun list = CliRun.run("keys", "list", "--home", home.toString(), "--gnupg-home", gpg.home().toString());
        assertThat(list.out()).contains("John Roe", "secret key present");
        CliRun imported = CliRun.run("keys", "import", "--home", home.toString(), "--gnupg-home",
                gpg.home().toString(), "--passphrase-file", passFile.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported", "John Roe <jroe@apache.org>");
        assertThat(CliRun.run("keys", "list", "--home", home.toString()).out()).contains(theirs.substring(36));
        gpg.close();
    }

    @Test
    void uploadSendsOnlyThePublicKeyAndAsksForVerification() throws Exception {
        List<String> requests = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/vks/v1/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestURI().getPath() + " " + body);
            String reply = exchange.getRequestURI().getPath().endsWith("/upload")
                    ? "{\"key_fpr\":\"" + fingerprint + "\",\"token\":\"t0k3n\",\"status\":{\"jdoe@apache.org\":\"unpublished\"}}"
                    : "{\"key_fpr\":\"" + fingerprint + "\",\"status\":{\"jdoe@apache.org\":\"pending\"}}";
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            CliRun run = CliRun.run("keys", "upload", "--home", home.toString(), "--key", fingerprint, "--server",
                    "http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Uploaded " + fingerprint, "confirmation link was mailed to jdoe@apache.org");
        } finally {
            server.stop(0);
        }
        assertThat(requests).hasSize(2);
        var upload = Json.mapper().readTree(requests.get(0).substring(requests.get(0).indexOf(' ') + 1));
        assertThat(requests.get(0)).startsWith("/vks/v1/upload ");
        assertThat(upload.get("keytext").asText()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
                .doesNotContain("PRIVATE");
        assertThat(requests.get(1)).startsWith("/vks/v1/request-verify ").contains("t0k3n", "jdoe@apache.org");
    }

    @Test
    void thePassphraseIsInNoFileTheAppWroteAndInNoOutput() throws Exception {
        // A release folder and a KEYS file too, so that everything the app writes is searched.
        Path workspace = tmp.resolve("release");
        CliRun.run("profile", "init", "--home", home.toString(), "--dir", workspace.toString(), "--project", "demo",
                "--version", "1.0.0", "--key", fingerprint);
        Path keys = workspace.resolve("KEYS");
        CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", keys.toString(), "--key", fingerprint);
        List<byte[]> needles = List.of(PASSPHRASE.getBytes(StandardCharsets.UTF_8),
                PASSPHRASE.getBytes(StandardCharsets.UTF_16LE), PASSPHRASE.getBytes(StandardCharsets.UTF_16BE));
        List<Path> searched = new ArrayList<>();
        for (Path root : List.of(home, workspace)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    searched.add(f);
                    byte[] content = Files.readAllBytes(f);
                    for (byte[] needle : needles) {
                        assertThat(indexOf(content, needle)).as("passphrase found in " + f).isNegative();
                    }
                }
            }
        }
        assertThat(searched).anyMatch(p -> p.endsWith("secret-keys.asc")).anyMatch(p -> p.toString().endsWith(".rev"))
                .anyMatch(p -> p.endsWith("release.json")).anyMatch(p -> p.endsWith("settings.json"))
                .anyMatch(p -> p.endsWith("KEYS"));
        for (String output : List.of(generated.out(), generated.err(), consoleOut.toString(StandardCharsets.UTF_8),
                consoleErr.toString(StandardCharsets.UTF_8))) {
            assertThat(output).doesNotContain(PASSPHRASE);
        }
    }

    static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
