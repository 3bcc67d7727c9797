package io.releasepilot.verify;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to verify: an RC folder, the KEYS file (else KEYS in the folder or its parent), and whether the project
 * is a podling (names containing "incubating" are treated as podling releases anyway).
 */
public record VerifyRequest(Path folder, Optional<Path> keysFile, boolean incubating) {
    public VerifyRequest {
        Objects.requireNonNull(folder, "folder");
        keysFile = keysFile == null ? Optional.empty() : keysFile;
    }
}
