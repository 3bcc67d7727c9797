package io.releasepilot.mail;

import io.releasepilot.release.ReleaseProfile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the release mails are filled from: the profile and what the earlier steps produced. A null field
 * is not known yet (its step has not run); the preview then names the step it comes from.
 *
 * @param tag          the RC tag (Source step)
 * @param commitId     the tagged commit, 40 hexadecimal digits (Source step)
 * @param artifacts    the release artifacts with their SHA-512 (Source and Sign steps)
 * @param fingerprint  the signing key's fingerprint (Sign step, else the profile)
 * @param stagedUrl    the RC folder on dist/dev (Stage step)
 * @param keysUrl      the KEYS file (KEYS step, else the profile's release folder + KEYS)
 * @param releaseNotes the release notes text (Notes step)
 * @param devTally     the count of the dev vote (Tally step)
 * @param ipmcTally    the count of the IPMC vote (podlings)
 * @param devVote      the dev [VOTE] mail (Message-ID for the replies)
 * @param ipmcVote     the general@incubator [VOTE] mail
 * @param publishedAt  when the release was moved to dist/release (Publish step)
 * @param inputs       values the release manager typed ({@link MailInput} keys)
 */
public record MailData(ReleaseProfile profile, String tag, String commitId, List<Artifact> artifacts,
                       String fingerprint, String stagedUrl, String keysUrl, String releaseNotes,
                       VoteTally devTally, VoteTally ipmcTally, SentMail devVote, SentMail ipmcVote,
                       Instant publishedAt, Map<MailInput, String> inputs) {

    public MailData {
        Objects.requireNonNull(profile, "profile");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    /** A release artifact (bare file name) and the hex SHA-512 of its bytes. */
    public record Artifact(String file, String sha512) {
        public Artifact {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha512, "sha512");
        }
    }

    /** Only the profile is known. */
    public static MailData of(ReleaseProfile profile) {
        return new MailData(profile, null, null, List.of(), null, null, null, null, null, null, null, null, null,
                Map.of());
    }

    public String input(MailInput input) {
        String v = inputs.get(input);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public MailData withNotes(String notes) {
        return new MailData(profile, tag, commitId, artifacts, fingerprint, stagedUrl, keysUrl, notes,
                devTally, ipmcTally, devVote, ipmcVote, publishedAt, inputs);
    }

    public MailData withInputs(Map<MailInput, String> more) {
        Map<MailInput, String> merged = new java.util.EnumMap<>(MailInput.class);
        merged.putAll(inputs);
        merged.putAll(more);
        return new MailData(profile, tag, commitId, artifacts, fingerprint, stagedUrl, keysUrl, releaseNotes,
                devTally, ipmcTally, devVote, ipmcVote, publishedAt, merged);
    }
}
