package io.releasepilot.release;

/** The KEYS step: where the KEYS file is (a dist URL or a local path), the revision, the key it holds. */
public record KeysFileOutputs(String url, long revision, String fingerprint) {
}
