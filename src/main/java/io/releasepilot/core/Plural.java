package io.releasepilot.core;

/** "1 key", "2 keys": a count with the right form of its noun, for text a user reads. */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
