package io.releasepilot.core;

import java.util.Arrays;

/**
 * A passphrase held as characters that are zero-filled on {@link #close()}. It never prints itself:
 * {@code toString} gives {@code ***}. Use it in try-with-resources.
 */
public final class Passphrase implements AutoCloseable {
    private final char[] chars;
    private boolean cleared;

    /** Takes a copy of {@code chars}; the caller should clear its own array. */
    public Passphrase(char[] chars) {
        this.chars = chars == null ? new char[0] : chars.clone();
    }

    /** The characters, for the one library call that needs them. Do not keep the array. */
    public synchronized char[] chars() {
        if (cleared) {
            throw new IllegalStateException("The passphrase was already cleared");
        }
        return chars;
    }

    public synchronized boolean isEmpty() {
        return chars.length == 0;
    }

    public synchronized boolean isCleared() {
        return cleared;
    }

    @Override
    public synchronized void close() {
        Arrays.fill(chars, '\0');
        cleared = true;
    }

    @Override
    public String toString() {
        return "***";
    }
}
