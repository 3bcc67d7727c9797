package io.releasepilot.version;

/**
 * A pre-release marker as the projects' guides spell it: alpha {@code aN}, beta {@code bN}, release
 * candidate {@code rcN}. A final release has none.
 */
public record PreRelease(Kind kind, int number) implements Comparable<PreRelease> {

    /** Ordered: alpha before beta before release candidate. */
    public enum Kind {
        ALPHA("a"), BETA("b"), RC("rc");

        private final String marker;

        Kind(String marker) {
            this.marker = marker;
        }

        public String marker() {
            return marker;
        }
    }

    public PreRelease {
        if (kind == null) {
            throw new IllegalArgumentException("A pre-release needs a kind (a, b or rc)");
        }
        if (number < 1) {
            throw new IllegalArgumentException("A pre-release number starts at 1, not " + number);
        }
    }

    @Override
    public int compareTo(PreRelease other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return kind.marker() + number;
    }
}
