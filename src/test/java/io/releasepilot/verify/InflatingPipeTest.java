package io.releasepilot.verify;

import io.releasepilot.core.Progress;
import io.releasepilot.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decompressing on a thread of its own changes nothing in the verdict: a good archive and one that is not gzip
 * at all get the same report as when one thread does everything, a truncated one and a compression bomb the same
 * findings.
 */
class InflatingPipeTest {
    @TempDir
    Path tmp;

    private static ArchiveReport oneThread(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArchiveInspector(ArchiveLimits.DEFAULT, Year.of(2026)).inspect(in, file.getFileName().toString(),
                    false, Progress.NONE);
        }
    }

    private static ArchiveReport twoThreads(Path file) {
        return new ArchiveInspector(ArchiveLimits.DEFAULT, Year.of(2026)).inspectTar(file,
                file.getFileName().toString(), false, Progress.NONE);
    }

    @Test
    void theReportIsTheSameWhetherDecompressingRunsBesideTheChecksOrNot() throws Exception {
        Map<String, byte[]> tree = new LinkedHashMap<>(Archives.cleanTree("apache-demo-1.0-src"));
        tree.put("apache-demo-1.0-src/src/NoHeader.java", "class NoHeader {}\n".getBytes());
        Path good = tmp.resolve("apache-demo-1.0-src.tar.gz");
        Archives.tarGz(good, tree);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(tmp.resolve("truncated-src.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        Path notGzip = Files.write(tmp.resolve("plain-src.tar.gz"), "not a gzip file".getBytes());
        Path bomb = tmp.resolve("apache-bomb-1.0-src.tar.gz");
        Archives.bomb(bomb, "apache-bomb-1.0-src", 300L << 20);

        for (Path file : new Path[] {good, notGzip}) {
            assertThat(twoThreads(file)).as(file.getFileName().toString()).isEqualTo(oneThread(file));
        }
        // Where reading stops in a damaged stream or a bomb depends on the size of the reads (the decompressing
        // side reads ahead in 64 KiB chunks), so the entries and bytes counted until then may differ a little;
        // the findings may not.
        for (Path file : new Path[] {truncated, bomb}) {
            assertThat(twoThreads(file).findings()).as(file.getFileName().toString())
                    .isEqualTo(oneThread(file).findings());
            assertThat(twoThreads(file).notChecked()).isEqualTo(oneThread(file).notChecked());
        }
        assertThat(twoThreads(truncated).findings()).singleElement().asString().contains("damaged");
        assertThat(twoThreads(good).unapprovedHeaders()).containsExactly("src/NoHeader.java");
        assertThat(twoThreads(notGzip).findings()).singleElement().asString().contains("damaged");
        assertThat(twoThreads(bomb).findings()).anySatisfy(f -> assertThat(f.message()).contains("compression bomb"));
    }
}
