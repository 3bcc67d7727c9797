package io.releasepilot.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void theReasonIsSaidInWordsNotAsTheBarePath() {
        Path keys = dir.resolve("KEYS");
        assertThat(IoErrors.reason(new AccessDeniedException(keys.toString()))).isEqualTo("permission denied");
        assertThat(IoErrors.reason(new NoSuchFileException(keys.toString()))).isEqualTo("no such file or folder");
        assertThat(IoErrors.reason(new FileSystemException(keys.toString(), null, "No space left on device")))
                .isEqualTo("the disk is full");
        assertThat(IoErrors.fix(new FileSystemException(keys.toString(), null, "No space left on device"), keys))
                .isEqualTo("Free some disk space, then run it again. Nothing was half-written.");
        assertThat(IoErrors.fix(new AccessDeniedException(keys.toString()), keys)).startsWith("Check that you may"
                + " read and write " + keys);
    }

    @Test
    void realFailuresAreNamed() throws Exception {
        IOException folder = catchThrowableOfType(() -> Files.readString(dir), IOException.class);
        assertThat(IoErrors.reason(folder)).isEqualTo("it is a folder, not a file");
        Path file = Files.writeString(dir.resolve("home"), "a file");
        IOException notFolder = catchThrowableOfType(() -> Files.createDirectories(file.resolve("keys")),
                IOException.class);
        assertThat(IoErrors.reason(notFolder)).isIn("a part of the path is a file, not a folder", "it already exists");
        IOException missing = catchThrowableOfType(() -> Files.readString(dir.resolve("nope")), IOException.class);
        assertThat(IoErrors.failure("Could not read the KEYS file", dir.resolve("nope"), missing).getMessage())
                .isEqualTo("Could not read the KEYS file " + dir.resolve("nope") + ": no such file or folder.");
    }

    @Test
    void credentialsInUrlsAreNeverShown() {
        assertThat(IoErrors.redact("https://alice:ghp_TOKEN@github.com/apache/kvrocks.git: not authorized"))
                .isEqualTo("https://***@github.com/apache/kvrocks.git: not authorized");
        assertThat(IoErrors.redact("ssh://git@host/x and http://u:p@127.0.0.1:8/y"))
                .isEqualTo("ssh://***@host/x and http://***@127.0.0.1:8/y");
        assertThat(IoErrors.redact("no url here")).isEqualTo("no url here");
    }
}
