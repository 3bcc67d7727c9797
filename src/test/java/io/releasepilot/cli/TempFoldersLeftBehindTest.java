package io.releasepilot.cli;

import io.releasepilot.testing.Archives;
import io.releasepilot.testing.CliProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A verification stopped half-way (Ctrl-C, a closed window: the JVM is told to exit) leaves no temp folder. */
class TempFoldersLeftBehindTest {
    @TempDir
    Path tmp;

    private static List<Path> verifyFolders(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("release-pilot-verify-")).toList();
        }
    }

    @Test
    void aVerificationStoppedMidWayLeavesNoTempFolder() throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("rc"));
        Map<String, byte[]> files = new LinkedHashMap<>(Archives.cleanTree("apache-kvrocks-2.4.0-src"));
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            byte[] noise = new byte[256 * 1024];
            random.nextBytes(noise);
            files.put("apache-kvrocks-2.4.0-src/data/blob" + i + ".bin", noise);
        }
        Archives.tarGz(rc.resolve("apache-kvrocks-2.4.0-src.tar.gz"), files);
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Process verify = CliProcess.start(tmp, List.of("-Djava.io.tmpdir=" + javaTmp), "verify", rc.toString());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (verifyFolders(javaTmp).isEmpty() && verify.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(verify.isAlive()).as("the verification is still unpacking when it is stopped").isTrue();
        assertThat(verifyFolders(javaTmp)).hasSize(1);
        Thread.sleep(200);
        verify.destroy();
        verify.waitFor();
        assertThat(verifyFolders(javaTmp)).isEmpty();
    }
}
