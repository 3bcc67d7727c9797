package io.releasepilot.verify;

import java.util.Locale;
import java.util.Optional;

/** Checksum algorithms found beside artifacts. SHA-512 is what the ASF asks for; SHA-1 and MD5 are legacy. */
public enum ChecksumAlgorithm {
    SHA512("SHA-512", "sha512", 128, false),
    SHA256("SHA-256", "sha256", 64, false),
    SHA1("SHA-1", "sha1", 40, true),
    MD5("MD5", "md5", 32, true);

    private final String jdkName;
    private final String extension;
    private final int hexLength;
    private final boolean legacy;

    ChecksumAlgorithm(String jdkName, String extension, int hexLength, boolean legacy) {
        this.jdkName = jdkName;
        this.extension = extension;
        this.hexLength = hexLength;
        this.legacy = legacy;
    }

    /** The name in reports and the JDK's MessageDigest name: SHA-512, SHA-256, SHA-1, MD5. */
    public String displayName() {
        return jdkName;
    }

    public String extension() {
        return extension;
    }

    public int hexLength() {
        return hexLength;
    }

    public boolean isLegacy() {
        return legacy;
    }

    public static Optional<ChecksumAlgorithm> byExtension(String ext) {
        String e = ext.toLowerCase(Locale.ROOT);
        for (ChecksumAlgorithm a : values()) {
            if (a.extension.equals(e)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public static Optional<ChecksumAlgorithm> byHexLength(int length) {
        for (ChecksumAlgorithm a : values()) {
            if (a.hexLength == length) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Reads the algorithm names BSD, OpenSSL 1 and 3 and GnuPG print: SHA512, SHA2-512, SHA-512, MD5 … */
    public static Optional<ChecksumAlgorithm> byTag(String tag) {
        String t = tag.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (t) {
            case "SHA512", "SHA2512" -> Optional.of(SHA512);
            case "SHA256", "SHA2256" -> Optional.of(SHA256);
            case "SHA1", "SHA" -> Optional.of(SHA1);
            case "MD5" -> Optional.of(MD5);
            default -> Optional.empty();
        };
    }
}
