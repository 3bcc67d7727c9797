package io.releasepilot.verify;

/** The verdict on one checksum file; each kind keeps what it found. */
public sealed interface ChecksumCheck {

    /** The checksum file, relative to the RC folder. */
    String file();

    ChecksumAlgorithm algorithm();

    ChecksumStatus status();

    String message();

    record Match(String file, ChecksumAlgorithm algorithm, String hex) implements ChecksumCheck {
        public ChecksumStatus status() {
            return ChecksumStatus.MATCH;
        }

        public String message() {
            return algorithm.displayName() + " matches (" + file + ")";
        }
    }

    record Mismatch(String file, ChecksumAlgorithm algorithm, String expected, String actual) implements ChecksumCheck {
        public ChecksumStatus status() {
            return ChecksumStatus.MISMATCH;
        }

        public String message() {
            return algorithm.displayName() + " does NOT match: " + file + " says " + expected + ", the artifact's is "
                    + actual + ". The artifact or the checksum file is wrong; do not use it.";
        }
    }

    record Malformed(String file, ChecksumAlgorithm algorithm, int line, String lineText, String reason)
            implements ChecksumCheck {
        public ChecksumStatus status() {
            return ChecksumStatus.MALFORMED;
        }

        public String message() {
            return file + (line > 0 ? " line " + line : "") + ": " + reason
                    + (lineText.isEmpty() ? "" : " (\"" + lineText + "\")");
        }
    }
}
