package io.releasepilot.mail;

import io.releasepilot.release.ReleaseProfile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-built release data for the mail tests: a normal project (kvrocks) and a podling (teaclave). */
final class MailFixtures {
    static final String COMMIT = "3f1c2b9d8e7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e";
    static final String FPR = "0123456789ABCDEF0123456789ABCDEF01234567";
    static final String SHA = "ab".repeat(64);
    static final Instant SENT = Instant.parse("2026-11-25T01:14:30Z");

    private MailFixtures() {
    }

    static ReleaseProfile profile(boolean podling) {
        String id = podling ? "teaclave" : "kvrocks";
        return ReleaseProfile.withDefaults(id, podling, "2.4.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org");
    }

    static MailData complete(boolean podling) {
        ReleaseProfile p = profile(podling);
        String base = "apache-" + p.projectId() + "-2.4.0" + (podling ? "-incubating" : "") + "-src.tar.gz";
        VoteTally tally = new VoteTally(true, true, Instant.parse("2026-11-28T02:00:00Z"),
                new VoteTally.Counts(3, 0, 0), new VoteTally.Counts(1, 0, 0),
                List.of(new VoteTally.Voter("Alice Binding", "+1", true), new VoteTally.Voter("Bob Binding", "+1", true),
                        new VoteTally.Voter("Carol Binding", "+1", true),
                        new VoteTally.Voter("Dave Contributor", "+1", false)),
                "https://lists.apache.org/thread/abc123");
        SentMail vote = new SentMail("<release-pilot.1@apache.org>", "[VOTE] Release", SENT,
                Instant.parse("2026-11-28T02:00:00Z"));
        return new MailData(p, "v2.4.0-rc1", COMMIT, List.of(new MailData.Artifact(base, SHA)), FPR,
                p.distDevUrl() + "2.4.0" + (podling ? "-incubating" : "") + "-rc1/", p.distReleaseUrl() + "KEYS",
                "## Features\n- Faster replication", tally, podling ? tally : null, vote,
                podling ? new SentMail("<release-pilot.2@apache.org>", "[VOTE] general", SENT, null) : null,
                Instant.parse("2026-11-20T10:00:00Z"),
                Map.of(MailInput.RC_DATE, "2026-12-01", MailInput.CHERRY_PICK_DEADLINE, "2026-11-28",
                        MailInput.DRAFT_NOTES_URL, "https://github.com/apache/kvrocks/pull/1",
                        MailInput.CANCEL_REASON, "LICENSE misses the bundled font",
                        MailInput.NEXT_RC_CHANGES, "LICENSE lists the font",
                        MailInput.DEV_RESULT_THREAD, "https://lists.apache.org/thread/res456",
                        MailInput.DOWNLOAD_PAGE, "https://" + p.projectId() + ".apache.org/download",
                        MailInput.PROJECT_DESCRIPTION, "A distributed key value NoSQL database."));
    }
}
