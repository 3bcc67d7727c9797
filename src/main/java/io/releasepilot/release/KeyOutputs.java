package io.releasepilot.release;

/** The key step: which key signs this release, through which backend, and its user id. */
public record KeyOutputs(String fingerprint, String backend, String userId) {
}
