package io.releasepilot.svn;

import io.releasepilot.testing.DistServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers for the dist tests: servers by name, credentials, a small RC folder. */
final class DistFixture {
    static final DistOptions FAST = new DistOptions(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60));

    private DistFixture() {
    }

    static DistServer server(String kind, Path tmp) {
        return kind.equals("httpd") ? DistServer.httpd(tmp) : DistServer.svnserve(tmp);
    }

    static SvnCredentials rm() {
        return new SvnCredentials(DistServer.RM, DistServer.RM_PASSWORD.toCharArray());
    }

    static SvnCredentials committer() {
        return new SvnCredentials(DistServer.COMMITTER, DistServer.COMMITTER_PASSWORD.toCharArray());
    }

    /** Three small files named like an RC: artifact, .asc, .sha512. */
    static List<Path> rcFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path a = Files.writeString(dir.resolve("apache-demo-1.0.0-src.tar.gz"), "artifact bytes\n");
        Path asc = Files.writeString(dir.resolve("apache-demo-1.0.0-src.tar.gz.asc"), "-----BEGIN PGP SIGNATURE-----\n");
        Path sha = Files.writeString(dir.resolve("apache-demo-1.0.0-src.tar.gz.sha512"), "abc  apache-demo-1.0.0-src.tar.gz\n",
                StandardCharsets.UTF_8);
        return List.of(a, asc, sha);
    }

    /** Every file under {@code dir} that holds {@code secret} (for the "never written" checks). */
    static List<Path> filesContaining(Path dir, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> {
                try {
                    return indexOf(Files.readAllBytes(f), needle) >= 0;
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
