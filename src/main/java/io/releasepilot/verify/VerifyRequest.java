package io.releasepilot.verify;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to verify: an RC folder, the KEYS file to trust, and whether the project is a podling (names containing
 * "incubating" are treated as podling releases anyway). {@code keysFile} is the KEYS the caller trusts: the one
 * the voter gave, or the release profile's dist/release KEYS. When it is empty, only a KEYS in the folder's
 * parent (as in a dist/dev checkout) is used; a KEYS inside the RC folder never is.
 */
public record VerifyRequest(Path folder, Optional<Path> keysFile, boolean incubating) {
    public VerifyRequest {
        Objects.requireNonNull(folder, "folder");
        keysFile = keysFile == null ? Optional.empty() : keysFile;
    }
}
