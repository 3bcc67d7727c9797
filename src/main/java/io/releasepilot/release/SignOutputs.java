package io.releasepilot.release;

import java.util.List;

/**
 * The sign step: the signing key, the backend that signed ({@code built-in} or {@code gnupg}) and, for each
 * artifact, its {@code .asc} and {@code .sha512} (bare file names) and the SHA-512 the signature covers.
 */
public record SignOutputs(String fingerprint, String backend, List<SignedFile> files) {
    public SignOutputs {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One signed artifact. */
    public record SignedFile(String artifact, String asc, String checksum, String artifactSha512) {
    }
}
