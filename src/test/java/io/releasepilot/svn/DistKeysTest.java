package io.releasepilot.svn;

import io.releasepilot.core.Progress;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.testing.DistServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding the RM's key to dist/release/<project>/KEYS without a working copy. */
class DistKeysTest {
    static final Fingerprint KEY = Fingerprint.parse("0123456789ABCDEF0123456789ABCDEF01234567");
    static final String ENTRY = "pub   rsa4096 2026-11-25 [SC]\n      0123456789ABCDEF0123456789ABCDEF01234567\n"
            + "uid           [ultimate] Rita Manager <rm@apache.org>\n\n-----BEGIN PGP PUBLIC KEY BLOCK-----\n"
            + "stub\n-----END PGP PUBLIC KEY BLOCK-----\n";

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void appendsTheEntryToTheExistingKeysAgainstTheRevisionRead(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            server.putFile("release/demo/KEYS", "Old keys\n".getBytes(StandardCharsets.UTF_8), "KEYS");
            DistKeys keys = new DistKeys(DistFixture.FAST);
            DistKeys.Preview preview = keys.preview(server.releaseUrl(), KEY, ENTRY, null, Progress.NONE);
            assertThat(preview.created()).isFalse();
            assertThat(preview.textToAppend()).isEqualTo("\n" + ENTRY);
            DistKeys.Result result = keys.commit(preview, ENTRY, "Add my key", rm, Progress.NONE);
            assertThat(result.redoneAfterRevision()).isZero();
            assertThat(result.revision()).isEqualTo(server.youngest());
            assertThat(server.cat("release/demo/KEYS")).isEqualTo("Old keys\n\n" + ENTRY);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void createsKeysWithTheUsualHeaderWhenThereIsNone(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            DistKeys keys = new DistKeys(DistFixture.FAST);
            DistKeys.Preview preview = keys.preview(server.releaseUrl(), KEY, ENTRY, rm, Progress.NONE);
            assertThat(preview.created()).isTrue();
            keys.commit(preview, ENTRY, "Add KEYS", rm, Progress.NONE);
            assertThat(server.cat("release/demo/KEYS")).isEqualTo(DistKeys.HEADER + ENTRY)
                    .startsWith("This file contains the PGP keys of various developers.\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void keysChangedBetweenReadAndCommitIsRedoneOnTheNewTextNeverOverwritten(String kind, @TempDir Path tmp)
            throws Exception {
        try (DistServer server = DistFixture.server(kind, tmp); SvnCredentials rm = DistFixture.rm()) {
            server.putFile("release/demo/KEYS", "Old keys\n".getBytes(StandardCharsets.UTF_8), "KEYS");
            DistKeys keys = new DistKeys(DistFixture.FAST);
            DistKeys.Preview preview = keys.preview(server.releaseUrl(), KEY, ENTRY, null, Progress.NONE);
            server.putFile("release/demo/KEYS", "Old keys\nSomeone else's key\n".getBytes(StandardCharsets.UTF_8),
                    "Another RM adds a key");
            long theirs = server.youngest();
            DistKeys.Result result = keys.commit(preview, ENTRY, "Add my key", rm, Progress.NONE);
            assertThat(result.redoneAfterRevision()).isEqualTo(preview.baseRevision());
            assertThat(result.revision()).isEqualTo(theirs + 1);
            assertThat(server.cat("release/demo/KEYS")).isEqualTo("Old keys\nSomeone else's key\n\n" + ENTRY);
        }
    }
}
