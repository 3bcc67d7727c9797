package io.releasepilot.svn;

import io.releasepilot.core.Passphrase;

import java.util.Objects;

/**
 * An Apache id and its password for one piece of work. The password is a {@link Passphrase}: characters that are
 * zero-filled on {@link #close()}; it never prints itself and is never stored.
 */
public final class SvnCredentials implements AutoCloseable {
    private final String username;
    private final Passphrase password;

    /** Takes a copy of {@code password}; the caller clears its own array. */
    public SvnCredentials(String username, char[] password) {
        Objects.requireNonNull(username, "username");
        if (username.isBlank() || username.chars().anyMatch(c -> c < 0x20 || c == ':')) {
            throw new IllegalArgumentException("The user name is empty or holds a control character or a colon.");
        }
        this.username = username.strip();
        this.password = new Passphrase(password);
    }

    public String username() {
        return username;
    }

    /** The password characters, for the one library call that needs them. */
    char[] password() {
        return password.chars();
    }

    @Override
    public void close() {
        password.close();
    }

    @Override
    public String toString() {
        return username + ":***";
    }
}
