package io.releasepilot.keys;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.release.ReleaseProfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which key signs, and how: Release Pilot's own keyring, or the user's GnuPG and its agent (a smartcard, an
 * existing ~/.gnupg; {@code gnupgHome} null means gpg's default). Artifacts and the RC tag are signed the same way.
 */
public record SigningChoice(Fingerprint fingerprint, boolean gnupg, Path gnupgHome) {
    public SigningChoice {
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The choice a release's profile records. */
    public static SigningChoice of(ReleaseProfile profile) throws ReleasePilotException {
        if (profile.signingKeyFingerprint().isBlank()) {
            throw new ReleasePilotException("No signing key is chosen for this release.",
                    "Create or import one in the Signing key step (release-pilot keys generate --dir DIR, or"
                            + " keys use --dir DIR --key FPR), then try again.");
        }
        Fingerprint fpr;
        try {
            fpr = Fingerprint.parse(profile.signingKeyFingerprint());
        } catch (IllegalArgumentException e) {
            throw new ReleasePilotException("The release's signing key \"" + profile.signingKeyFingerprint()
                    + "\" is not a fingerprint.", "Choose the key again in the Signing key step.");
        }
        return new SigningChoice(fpr, profile.usesGnuPg(),
                profile.gnupgHome().isBlank() ? null : Path.of(profile.gnupgHome()));
    }

    /** {@code built-in} or {@code gnupg}, as release.json records it. */
    public String backend() {
        return gnupg ? ReleaseProfile.BACKEND_GNUPG : ReleaseProfile.BACKEND_BUILT_IN;
    }

    /** The profile signing this way. */
    public ReleaseProfile applyTo(ReleaseProfile profile) {
        return profile.withSigning(fingerprint.hex(), backend(), gnupgHome == null ? "" : gnupgHome.toString());
    }
}
