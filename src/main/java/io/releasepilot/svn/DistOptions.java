package io.releasepilot.svn;

import java.time.Duration;
import java.util.Objects;

/** Network limits for every call to a dist server: how long to wait for a connection and for each answer. */
public record DistOptions(Duration connectTimeout, Duration readTimeout) {
    public static final DistOptions DEFAULT = new DistOptions(Duration.ofSeconds(30), Duration.ofMinutes(10));

    public DistOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive");
        }
    }
}
