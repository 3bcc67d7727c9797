package io.releasepilot.pgp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What key to make: an RSA primary key for signing and certifying with an RSA encryption subkey, as
 * {@code gpg --full-gen-key} option 1 makes, for the user id {@code Name (comment) <email>}.
 *
 * @param bits   4096 for real keys; tests may use less to stay fast
 * @param expiry how long the key stays valid, or empty for no expiry
 */
public record KeySpec(String name, String email, String comment, Optional<Duration> expiry, int bits) {
    public static final int DEFAULT_BITS = 4096;
    /**
     * The longest user id (UTF-8 bytes) a key of ours may carry. gpg 2.2 refuses to read a user id packet of about
     * 2 KiB ("Provided object is too large"), and its keybox refused one of 2039 bytes when measured; 2000 keeps
     * a margin. The test imports a key with a user id of exactly this length into the real gpg.
     */
    public static final int MAX_USER_ID_BYTES = 2000;
    /**
     * OpenPGP keeps times as unsigned 32-bit seconds since 1970, and gpg adds the expiry to the creation time in
     * 32 bits: a key must expire before this instant (2106-02-07T06:28:16Z) or gpg reads another date.
     */
    public static final Instant LAST_TIME = Instant.ofEpochSecond(0xFFFFFFFFL);

    public KeySpec {
        name = name == null ? "" : name.strip();
        email = email == null ? "" : email.strip();
        comment = comment == null ? "" : comment.strip();
        expiry = expiry == null ? Optional.empty() : expiry;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The key needs a name, e.g. Jane Doe");
        }
        if (!email.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
            throw new IllegalArgumentException("\"" + email + "\" is not an email address; use your"
                    + " apacheid@apache.org address");
        }
        if (name.contains("<") || name.contains(">") || comment.contains("(") || comment.contains(")")) {
            throw new IllegalArgumentException("The name may not contain < or >, the comment not ( or )");
        }
        int uidBytes = userId(name, comment, email).getBytes(StandardCharsets.UTF_8).length;
        if (uidBytes > MAX_USER_ID_BYTES) {
            throw new IllegalArgumentException("The user id (name, comment and email) is " + uidBytes + " bytes long;"
                    + " GnuPG reads at most " + MAX_USER_ID_BYTES + " bytes");
        }
        if (expiry.isPresent()) {
            long maxDays = maxExpiryDays(Instant.now());
            Duration d = expiry.get();
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(maxDays)) > 0) {
                throw new IllegalArgumentException("The expiry must be between 1 and " + maxDays + " days (the key"
                        + " must expire before " + LocalDate.ofInstant(LAST_TIME, ZoneOffset.UTC) + ", the last date"
                        + " OpenPGP and gpg can hold), or none");
            }
        }
        if (bits < 1024 || bits > 8192) {
            throw new IllegalArgumentException("RSA keys of " + bits + " bits are not offered; use 4096");
        }
    }

    /** {@code Jane Doe (CODE SIGNING KEY) <jdoe@apache.org>} */
    public String userId() {
        return userId(name, comment, email);
    }

    private static String userId(String name, String comment, String email) {
        return name + (comment.isEmpty() ? "" : " (" + comment + ")") + " <" + email + ">";
    }

    /** The longest expiry, in whole days from {@code now}, that gpg reads as the same date (a day of margin). */
    public static long maxExpiryDays(Instant now) {
        return Duration.between(now, LAST_TIME).toDays() - 1;
    }
}
