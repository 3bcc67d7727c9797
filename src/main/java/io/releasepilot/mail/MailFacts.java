package io.releasepilot.mail;

import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.version.ReleaseKind;
import io.releasepilot.version.VersionFormatException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns {@link MailData} into the named values the templates use (see docs/mail-templates.md), and says what
 * keeps a mail from being sent yet.
 */
final class MailFacts {
    /** Mirrors and the CDN need this long to carry a new release; announcement links must work. */
    static final Duration ANNOUNCE_WAIT = Duration.ofHours(24);
    static final String CHECKLIST = String.join("\n",
            "[ ] Download links are valid.",
            "[ ] Checksums and signatures.",
            "[ ] LICENSE/NOTICE files exist.",
            "[ ] No unexpected binary files.",
            "[ ] All source files have ASF headers.",
            "[ ] Can compile from source.",
            "[ ] All tests pass.");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-fA-F]{128}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Fa-f]{40}");
    private static final String PROFILE = "from the release profile";

    private final MailData d;
    private final Instant now;
    private final Map<String, MailValue> values = new LinkedHashMap<>();

    private MailFacts(MailData d, Instant now) {
        this.d = d;
        this.now = now;
    }

    /** Every placeholder's value (or where it comes from) for {@code kind}, composed at {@code now}. */
    static Map<String, MailValue> values(MailKind kind, MailData data, Instant now) {
        MailFacts f = new MailFacts(data, now);
        f.profileValues();
        f.candidateValues();
        f.voteValues();
        f.tallyValues(kind == MailKind.IPMC_RESULT ? data.ipmcTally() : data.devTally(),
                kind == MailKind.IPMC_RESULT ? "the IPMC vote count (IPMC tally step)" : "the vote count (Tally step)",
                kind);
        f.inputValues();
        f.podlingRoundValues();
        f.announceValues();
        return Map.copyOf(f.values);
    }

    /** What must happen before {@code kind} may be sent, in plain words; empty when nothing. */
    static List<String> blockers(MailKind kind, MailData d, Instant now, String announceOverride) {
        List<String> out = new ArrayList<>();
        if (kind.podlingOnly() && !d.profile().podling()) {
            out.add("This mail is only for podlings (projects in the Apache Incubator); the profile says "
                    + d.profile().displayName() + " is not one.");
        }
        VoteTally tally = kind == MailKind.IPMC_RESULT ? d.ipmcTally() : kind == MailKind.RESULT ? d.devTally() : null;
        if (tally != null && !tally.canClose()) {
            out.add("The vote is open until " + (tally.closesAt() == null ? "72 hours have passed"
                    : VoteDeadline.format(tally.closesAt())) + "; send the result after it closes.");
        }
        if (kind == MailKind.IPMC_VOTE && d.devTally() != null && !d.devTally().passed()) {
            out.add("The vote on the dev list did not pass; a podling asks the IPMC only after it passed.");
        }
        if (kind == MailKind.ANNOUNCE) {
            if (d.publishedAt() != null && now.isBefore(d.publishedAt().plus(ANNOUNCE_WAIT))
                    && (announceOverride == null || announceOverride.isBlank())) {
                out.add("Wait until " + VoteDeadline.format(d.publishedAt().plus(ANNOUNCE_WAIT))
                        + " (24 hours after publishing): the mirrors and downloads.apache.org need that long to"
                        + " carry the files, and the announcement's links must work. To send earlier, give the"
                        + " reason as an override.");
            }
            String email = d.profile().rmEmail().toLowerCase(Locale.ROOT);
            if (!email.isEmpty() && !email.endsWith("@apache.org")) {
                out.add("announce@apache.org accepts mail only from an @apache.org address; your email in the"
                        + " profile is " + d.profile().rmEmail() + ".");
            }
        }
        return List.copyOf(out);
    }

    private void put(String name, MailValue value) {
        values.put(name, value);
    }

    private void profileValues() {
        ReleaseProfile p = d.profile();
        put("projectId", MailValue.orMissing("project id", p.projectId(), PROFILE + " (Project id)"));
        put("displayName", MailValue.orMissing("display name", p.displayName(), PROFILE + " (Display name)"));
        put("devList", MailValue.orMissing("dev list", p.devList(), PROFILE + " (Dev list)"));
        put("announceList", MailValue.orMissing("announce list", p.announceList(), PROFILE + " (Announce list)"));
        put("rmName", MailValue.orMissing("your name", p.rmName(), PROFILE + " (Your name)"));
        put("rmEmail", MailValue.orMissing("your email", p.rmEmail(), PROFILE + " (Your email)"));
        put("rmApacheId", MailValue.orMissing("your Apache id", p.rmApacheId(), PROFILE + " (Your Apache id)"));
        put("rc", MailValue.of("RC number", Integer.toString(p.rcNumber())));
        put("nextRc", MailValue.of("next RC number", Integer.toString(p.rcNumber() + 1)));
        put("checklist", MailValue.of("checklist", CHECKLIST));
        put("disclaimer", MailValue.of("podling disclaimer", p.podling() ? disclaimer(p.displayName()) : ""));
        put("voteWindow", MailValue.of("vote window", "at least 72 hours"));
        String releaseUrl = null;
        try {
            ReleaseNames n = ReleaseNames.of(p);
            String releaseVersion = n.version() + (p.podling() ? "-incubating" : "");
            put("version", MailValue.of("version", n.version().toString()));
            put("releaseVersion", MailValue.of("release version", releaseVersion));
            put("rcLabel", MailValue.of("release candidate", releaseVersion + "-rc" + p.rcNumber()));
            put("releaseKind", MailValue.of("release kind", n.kind() == ReleaseKind.FEATURE ? "feature release"
                    : "patch release"));
            put("branch", MailValue.of("release branch", n.branch()));
            put("branchAction", MailValue.of("branch action", n.kind().needsNewBranch()
                    ? "to be cut from the main line; the main line then moves to "
                    + n.version().nextMainLine().map(Object::toString).orElse("the next version")
                    : "existing; the fixes are cherry-picked onto it"));
            put("rcTag", MailValue.of("RC tag", n.rcTag()));
            put("releaseTag", MailValue.of("release tag", n.releaseTag()));
            releaseUrl = n.distReleaseUrl();
        } catch (VersionFormatException e) {
            String why = PROFILE + " (Version: " + e.getMessage() + ")";
            for (String name : List.of("version", "releaseVersion", "rcLabel", "releaseKind", "branch",
                    "branchAction", "rcTag", "releaseTag")) {
                put(name, MailValue.missing(name, why));
            }
        }
        put("releaseUrl", MailValue.orMissing("release folder", releaseUrl, PROFILE + " (Dist release URL)"));
    }

    private void candidateValues() {
        put("tag", MailValue.orMissing("tag", d.tag(), "from the Source step (not done yet)"));
        put("commitId", d.commitId() != null && COMMIT.matcher(d.commitId()).matches()
                ? MailValue.of("commit id", d.commitId())
                : MailValue.missing("commit id", "from the Source step (not done yet)"));
        put("stagedUrl", MailValue.orMissing("staged RC folder", d.stagedUrl(),
                "from the Stage step: the RC folder on dist/dev (not done yet)"));
        put("keysUrl", MailValue.orMissing("KEYS URL", d.keysUrl(),
                "from the KEYS step: your key added to the project's KEYS (not done yet)"));
        String fpr = d.fingerprint() != null ? d.fingerprint() : d.profile().signingKeyFingerprint();
        String compact = fpr == null ? "" : fpr.replace(" ", "");
        put("fingerprint", FINGERPRINT.matcher(compact).matches()
                ? MailValue.of("signer fingerprint", groupFingerprint(compact))
                : MailValue.missing("signer fingerprint", "from the Sign step (not done yet)"));
        put("artifacts", artifactValue());
        put("releaseNotes", MailValue.orMissing("release notes", d.releaseNotes(),
                "from the Release notes step: notes/RELEASE-NOTES-" + d.profile().version() + ".md (not written yet)"));
    }

    private MailValue artifactValue() {
        if (d.artifacts().isEmpty()) {
            return MailValue.missing("artifacts with SHA-512", "from the Source and Sign steps (not done yet)");
        }
        StringBuilder sb = new StringBuilder();
        for (MailData.Artifact a : d.artifacts()) {
            if (!SHA512.matcher(a.sha512()).matches()) {
                return MailValue.missing("SHA-512 of " + a.file(), "from the Sign step (not done yet)");
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("  ").append(a.file()).append("\n    SHA-512: ").append(a.sha512().toLowerCase(Locale.ROOT));
        }
        return MailValue.of("artifacts with SHA-512", sb.toString());
    }

    private void voteValues() {
        VoteDeadline deadline = VoteDeadline.after(now);
        put("voteDeadline", MailValue.of("vote deadline", deadline.text()));
        put("weekendNote", MailValue.of("weekend note", deadline.weekendNote()));
    }

    private void tallyValues(VoteTally t, String from, MailKind kind) {
        String source = "from " + from + " (not done yet)";
        if (t == null) {
            for (String name : List.of("voteResult", "bindingPlus", "bindingZero", "bindingMinus", "nonBindingPlus",
                    "nonBindingZero", "nonBindingMinus", "bindingVoters", "nonBindingVoters", "voteClosed",
                    "nextSteps")) {
                put(name, MailValue.missing("vote count", source));
            }
            put("voteThread", MailValue.missing("link to the vote thread", source));
            return;
        }
        put("voteResult", MailValue.of("vote result", t.passed() ? "passed" : "did not pass"));
        put("bindingPlus", MailValue.of("binding +1", Integer.toString(t.binding().plus())));
        put("bindingZero", MailValue.of("binding 0", Integer.toString(t.binding().zero())));
        put("bindingMinus", MailValue.of("binding -1", Integer.toString(t.binding().minus())));
        put("nonBindingPlus", MailValue.of("non-binding +1", Integer.toString(t.nonBinding().plus())));
        put("nonBindingZero", MailValue.of("non-binding 0", Integer.toString(t.nonBinding().zero())));
        put("nonBindingMinus", MailValue.of("non-binding -1", Integer.toString(t.nonBinding().minus())));
        put("bindingVoters", MailValue.of("binding voters", voters(t, true)));
        put("nonBindingVoters", MailValue.of("non-binding voters", voters(t, false)));
        put("voteClosed", t.closesAt() == null ? MailValue.missing("vote close time", source)
                : MailValue.of("vote close time", VoteDeadline.format(t.closesAt())));
        String thread = d.input(MailInput.VOTE_THREAD);
        if (thread == null || thread.isBlank()) {
            thread = t.threadUrl();
        }
        put("voteThread", MailValue.orMissing("link to the vote thread", thread,
                "from " + from + " when it read the thread from its lists.apache.org link, or "
                        + MailInput.VOTE_THREAD.source()));
        String next;
        if (!t.passed()) {
            next = "I will prepare a new release candidate.";
        } else if (kind == MailKind.RESULT && d.profile().podling()) {
            next = "Next, the vote moves to general@incubator.apache.org, where IPMC members' votes are binding.";
        } else {
            next = "I will publish the release and announce it once the mirrors have it.";
        }
        put("nextSteps", MailValue.of("next steps", next));
    }

    private static String voters(VoteTally t, boolean binding) {
        StringBuilder sb = new StringBuilder();
        for (VoteTally.Voter v : t.voters()) {
            if (v.binding() == binding) {
                sb.append(sb.length() == 0 ? "" : "\n").append("  ").append(v.vote()).append(' ')
                        .append(oneLine(v.name()));
            }
        }
        return sb.length() == 0 ? "  (none)" : sb.toString();
    }

    private void inputValues() {
        for (MailInput in : MailInput.values()) {
            if (in != MailInput.VOTE_THREAD) { // filled with the tally's values, the RM's link winning
                put(in.key(), MailValue.orMissing(in.label(), d.input(in), in.source()));
            }
        }
        String designation = d.input(MailInput.DESIGNATION);
        if (designation == null) {
            put("designation", MailValue.of(MailInput.DESIGNATION.label(), ""));
            put("designationLine", MailValue.of("designation line", ""));
            put("announceDesignation", MailValue.of("designation sentence", ""));
        } else if (designation.matches("(?i)alpha|beta|GA")) {
            String word = designation.equalsIgnoreCase("ga") ? "GA" : designation.toLowerCase(Locale.ROOT);
            put("designation", MailValue.of(MailInput.DESIGNATION.label(), word));
            put("designationLine", MailValue.of("designation line", "This vote also designates the release "
                    + word + "."));
            put("announceDesignation", MailValue.of("designation sentence", " The release vote designated it "
                    + word + "."));
        } else {
            MailValue bad = MailValue.missing(MailInput.DESIGNATION.label(), "must be alpha, beta or GA, not \""
                    + oneLine(designation) + "\"");
            put("designation", bad);
            put("designationLine", bad);
            put("announceDesignation", bad);
        }
        put("extraLists", MailValue.of(MailInput.EXTRA_LISTS.label(),
                d.input(MailInput.EXTRA_LISTS) == null ? "" : d.input(MailInput.EXTRA_LISTS)));
        MailValue kind = values.get("releaseKind");
        boolean feature = !kind.isMissing() && "feature release".equals(kind.text());
        if (!feature) {
            put("cherryPickLine", MailValue.of("cherry-pick line", ""));
        } else {
            String deadline = d.input(MailInput.CHERRY_PICK_DEADLINE);
            put("cherryPickLine", deadline == null
                    ? MailValue.missing(MailInput.CHERRY_PICK_DEADLINE.label(), MailInput.CHERRY_PICK_DEADLINE.source())
                    : MailValue.of("cherry-pick line", "- Cherry-pick deadline: " + deadline
                    + " (changes for this feature release must be on the branch by then)"));
        }
    }

    private void podlingRoundValues() {
        String devThread = d.input(MailInput.DEV_VOTE_THREAD);
        if (devThread == null && d.devTally() != null) {
            devThread = d.devTally().threadUrl();
        }
        put("devVoteThread", MailValue.orMissing(MailInput.DEV_VOTE_THREAD.label(), devThread,
                MailInput.DEV_VOTE_THREAD.source()));
        VoteTally t = d.devTally();
        put("devVoteSummary", t == null
                ? MailValue.missing("dev vote count", "from the vote count (Tally step) (not done yet)")
                : MailValue.of("dev vote count", t.binding().plus() + " binding +1, " + t.nonBinding().plus()
                + " non-binding +1, " + (t.binding().minus() + t.nonBinding().minus()) + " -1"));
    }

    private void announceValues() {
        String page = d.input(MailInput.DOWNLOAD_PAGE);
        if (page != null && page.contains("dyn/closer")) {
            put("downloadPage", MailValue.missing(MailInput.DOWNLOAD_PAGE.label(), "must be the project's download"
                    + " page, not a dyn/closer link (" + oneLine(page) + ")"));
        }
        put("publishedAt", d.publishedAt() == null
                ? MailValue.missing("publish time", "from the Publish step (not done yet)")
                : MailValue.of("publish time", VoteDeadline.format(d.publishedAt())));
    }

    /** Groups a 40-digit fingerprint as gpg prints it: ten groups of four, two spaces in the middle. */
    static String groupFingerprint(String hex) {
        String up = hex.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i += 4) {
            if (i > 0) {
                sb.append(i == 20 ? "  " : " ");
            }
            sb.append(up, i, i + 4);
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").strip();
    }

    static String disclaimer(String displayName) {
        return displayName + " is an effort undergoing incubation at The Apache Software Foundation (ASF),\n"
                + "sponsored by the Apache Incubator. Incubation is required of all newly accepted projects\n"
                + "until a further review indicates that the infrastructure, communications, and decision\n"
                + "making process have stabilized in a manner consistent with other successful ASF projects.\n"
                + "While incubation status is not necessarily a reflection of the completeness or stability\n"
                + "of the code, it does indicate that the project has yet to be fully endorsed by the ASF.\n";
    }
}
