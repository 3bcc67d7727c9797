package io.releasepilot.sign;

import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.Signer;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.pgp.KeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cancel stops key generation and signing, and leaves nothing half-made behind. */
class CancellationTest {
    static final String PASS = "cancellation test passphrase 5";

    /** Reports the work and cancels once {@code after} units were done. */
    static final class CancelAfter implements Progress {
        private final long after;
        private final AtomicLong done = new AtomicLong();
        private volatile boolean begun;

        CancelAfter(long after) {
            this.after = after;
        }

        @Override
        public void begin(String task, long totalWork) {
            begun = true;
        }

        @Override
        public void worked(long units) {
            done.addAndGet(units);
        }

        @Override
        public boolean isCancelled() {
            return begun && done.get() >= after;
        }
    }

    @Test
    void cancellingKeyGenerationSavesNoKey(@TempDir Path tmp) throws Exception {
        KeyService service = new KeyService(new AppHome(tmp.resolve("home")));
        try (Passphrase p = new Passphrase(PASS.toCharArray())) {
            assertThatThrownBy(() -> service.generate(new KeySpec("Jane Doe", "jdoe@apache.org", "", Optional.empty(),
                    KeySpec.DEFAULT_BITS), p, new CancelAfter(0)))
                    .isInstanceOf(CancelledException.class).hasMessage("Key generation was cancelled.");
        }
        assertThat(service.list()).isEmpty();
        Path revocations = tmp.resolve("home/keys/revocations");
        assertThat(Files.exists(revocations) ? Files.list(revocations).count() : 0L).isZero();
    }

    @Test
    void cancellingSigningWritesNoSignatureOrChecksum(@TempDir Path tmp) throws Exception {
        KeyService service = new KeyService(new AppHome(tmp.resolve("home")));
        KeyService.Created created;
        try (Passphrase p = new Passphrase(PASS.toCharArray())) {
            created = service.generate(new KeySpec("Jane Doe", "jdoe@apache.org", "", Optional.empty(), 2048), p,
                    Progress.NONE);
        }
        Path artifact = tmp.resolve("apache-demo-1.0.0-src.tar.gz");
        byte[] data = new byte[8 * 1024 * 1024];
        new java.util.Random(1).nextBytes(data);
        Files.write(artifact, data);
        Signer signer = service.builtInSigner(created.key().fingerprint(), () -> new Passphrase(PASS.toCharArray()));

        assertThatThrownBy(() -> ArtifactSigner.signAll(List.of(artifact), signer,
                service.publicKeys(signer, null), new CancelAfter(1)))
                .isInstanceOf(CancelledException.class).hasMessage("Signing was cancelled.");

        assertThat(tmp.resolve("apache-demo-1.0.0-src.tar.gz.asc")).doesNotExist();
        assertThat(tmp.resolve("apache-demo-1.0.0-src.tar.gz.sha512")).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("home", "apache-demo-1.0.0-src.tar.gz");
        }
    }
}
