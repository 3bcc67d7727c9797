package io.releasepilot.pgp;

import java.time.Duration;
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
        if (bits < 1024 || bits > 8192) {
            throw new IllegalArgumentException("RSA keys of " + bits + " bits are not offered; use 4096");
        }
    }

    /** {@code Jane Doe (CODE SIGNING KEY) <jdoe@apache.org>} */
    public String userId() {
        return name + (comment.isEmpty() ? "" : " (" + comment + ")") + " <" + email + ">";
    }
}
