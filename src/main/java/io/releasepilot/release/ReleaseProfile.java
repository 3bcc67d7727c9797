package io.releasepilot.release;

import java.util.Locale;

/**
 * What a release is: the project, the version and RC, where things live, and who the release manager is.
 * Strings are never null (an unset field is empty). It holds no secret: passwords and passphrases are asked
 * for when needed and never stored.
 */
public record ReleaseProfile(
        String projectId,
        String displayName,
        boolean podling,
        String version,
        int rcNumber,
        String gitRepository,
        String rcTagPattern,
        String releaseTagPattern,
        String branchPattern,
        String distDevUrl,
        String distReleaseUrl,
        String devList,
        String announceList,
        String rmName,
        String rmApacheId,
        String rmEmail,
        String signingKeyFingerprint,
        String signingBackend,
        String gnupgHome) {

    public static final String DEFAULT_RC_TAG_PATTERN = "v{version}-rc{rc}";
    public static final String DEFAULT_RELEASE_TAG_PATTERN = "v{version}";
    public static final String DEFAULT_BRANCH_PATTERN = "{major}.{minor}";
    /** Signs with Release Pilot's own keyring. */
    public static final String BACKEND_BUILT_IN = "built-in";
    /** Signs through the RM's GnuPG and its agent (keys on smartcards, an existing ~/.gnupg). */
    public static final String BACKEND_GNUPG = "gnupg";
    public static final String DEFAULT_ANNOUNCE_LIST = "announce@apache.org";
    private static final String DIST_BASE = "https://dist.apache.org/repos/dist/";

    public ReleaseProfile {
        projectId = clean(projectId);
        displayName = clean(displayName);
        version = clean(version);
        gitRepository = clean(gitRepository);
        rcTagPattern = clean(rcTagPattern);
        releaseTagPattern = clean(releaseTagPattern);
        branchPattern = clean(branchPattern);
        distDevUrl = clean(distDevUrl);
        distReleaseUrl = clean(distReleaseUrl);
        devList = clean(devList);
        announceList = clean(announceList);
        rmName = clean(rmName);
        rmApacheId = clean(rmApacheId);
        rmEmail = clean(rmEmail);
        signingKeyFingerprint = clean(signingKeyFingerprint);
        signingBackend = clean(signingBackend).isEmpty() ? BACKEND_BUILT_IN : clean(signingBackend);
        gnupgHome = clean(gnupgHome);
    }

    /** True when this release signs through GnuPG rather than the built-in keyring. */
    public boolean usesGnuPg() {
        return BACKEND_GNUPG.equals(signingBackend);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * A new profile for {@code projectId} and {@code version}, RC 1, with every default filled in: dist URLs,
     * lists, patterns and a display name.
     */
    public static ReleaseProfile withDefaults(String projectId, boolean podling, String version) {
        String id = clean(projectId).toLowerCase(Locale.ROOT);
        return new ReleaseProfile(id, defaultDisplayName(id), podling, version, 1, "",
                DEFAULT_RC_TAG_PATTERN, DEFAULT_RELEASE_TAG_PATTERN, DEFAULT_BRANCH_PATTERN,
                defaultDistDevUrl(id, podling), defaultDistReleaseUrl(id, podling),
                defaultDevList(id), DEFAULT_ANNOUNCE_LIST, "", "", "", "", BACKEND_BUILT_IN, "");
    }

    public static String defaultDisplayName(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        return "Apache " + Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** {@code https://dist.apache.org/repos/dist/dev/<id>/}; podlings live under {@code incubator/}. */
    public static String defaultDistDevUrl(String id, boolean podling) {
        return DIST_BASE + "dev/" + (podling ? "incubator/" : "") + id + "/";
    }

    public static String defaultDistReleaseUrl(String id, boolean podling) {
        return DIST_BASE + "release/" + (podling ? "incubator/" : "") + id + "/";
    }

    public static String defaultDevList(String id) {
        return "dev@" + id + ".apache.org";
    }

    public ReleaseProfile withRcNumber(int rc) {
        return new ReleaseProfile(projectId, displayName, podling, version, rc, gitRepository, rcTagPattern,
                releaseTagPattern, branchPattern, distDevUrl, distReleaseUrl, devList, announceList, rmName,
                rmApacheId, rmEmail, signingKeyFingerprint, signingBackend, gnupgHome);
    }

    public ReleaseProfile withReleaseManager(String name, String apacheId, String email) {
        return new ReleaseProfile(projectId, displayName, podling, version, rcNumber, gitRepository, rcTagPattern,
                releaseTagPattern, branchPattern, distDevUrl, distReleaseUrl, devList, announceList, name,
                apacheId, email, signingKeyFingerprint, signingBackend, gnupgHome);
    }

    public ReleaseProfile withGitRepository(String path) {
        return new ReleaseProfile(projectId, displayName, podling, version, rcNumber, path, rcTagPattern,
                releaseTagPattern, branchPattern, distDevUrl, distReleaseUrl, devList, announceList, rmName,
                rmApacheId, rmEmail, signingKeyFingerprint, signingBackend, gnupgHome);
    }

    public ReleaseProfile withSigningKey(String fingerprint) {
        return new ReleaseProfile(projectId, displayName, podling, version, rcNumber, gitRepository, rcTagPattern,
                releaseTagPattern, branchPattern, distDevUrl, distReleaseUrl, devList, announceList, rmName,
                rmApacheId, rmEmail, fingerprint, signingBackend, gnupgHome);
    }

    /** The same profile signing with {@code fingerprint} through {@code backend} (GnuPG home, or empty). */
    public ReleaseProfile withSigning(String fingerprint, String backend, String home) {
        return new ReleaseProfile(projectId, displayName, podling, version, rcNumber, gitRepository, rcTagPattern,
                releaseTagPattern, branchPattern, distDevUrl, distReleaseUrl, devList, announceList, rmName,
                rmApacheId, rmEmail, fingerprint, backend, home);
    }
}
