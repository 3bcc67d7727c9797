package io.releasepilot.release;

import io.releasepilot.version.NamePattern;
import io.releasepilot.version.Version;
import io.releasepilot.version.VersionFormatException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a release profile field by field. Each problem names the field, says what is wrong and carries an
 * example of a right value. Fields the release manager may fill in later (repository, key, their own
 * details) are only checked when filled.
 */
public final class ProfileValidator {
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern APACHE_ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Fa-f]{40}");
    private static final int MAX_RC = 999;

    private ProfileValidator() {
    }

    public static List<FieldProblem> validate(ReleaseProfile p) {
        List<FieldProblem> problems = new ArrayList<>();
        if (p.projectId().isEmpty()) {
            problems.add(new FieldProblem(ProfileField.PROJECT_ID, "is empty; it is the project's short name at"
                    + " the ASF, as in dev@<id>.apache.org."));
        } else if (!PROJECT_ID.matcher(p.projectId()).matches()) {
            problems.add(new FieldProblem(ProfileField.PROJECT_ID, "\"" + p.projectId() + "\" must be lower-case"
                    + " letters, digits and '-', starting with a letter."));
        }
        if (p.displayName().isEmpty()) {
            problems.add(new FieldProblem(ProfileField.DISPLAY_NAME, "is empty; mails and release notes use it."));
        }
        checkVersion(p, problems);
        if (p.rcNumber() < 1 || p.rcNumber() > MAX_RC) {
            problems.add(new FieldProblem(ProfileField.RC_NUMBER, p.rcNumber() + " is not a valid RC number; the"
                    + " first candidate is RC 1."));
        }
        checkRepository(p, problems);
        checkPattern(ProfileField.RC_TAG_PATTERN, p.rcTagPattern(), true, true, problems);
        checkPattern(ProfileField.RELEASE_TAG_PATTERN, p.releaseTagPattern(), true, false, problems);
        checkPattern(ProfileField.BRANCH_PATTERN, p.branchPattern(), false, false, problems);
        checkUrl(ProfileField.DIST_DEV_URL, p.distDevUrl(), "/dist/dev/", problems);
        checkUrl(ProfileField.DIST_RELEASE_URL, p.distReleaseUrl(), "/dist/release/", problems);
        checkEmail(ProfileField.DEV_LIST, p.devList(), true, problems);
        checkEmail(ProfileField.ANNOUNCE_LIST, p.announceList(), true, problems);
        checkEmail(ProfileField.RM_EMAIL, p.rmEmail(), false, problems);
        if (!p.rmApacheId().isEmpty() && !APACHE_ID.matcher(p.rmApacheId()).matches()) {
            problems.add(new FieldProblem(ProfileField.RM_APACHE_ID, "\"" + p.rmApacheId() + "\" is not an Apache"
                    + " id: lower-case letters and digits, as in your @apache.org address."));
        }
        String fpr = p.signingKeyFingerprint().replace(" ", "");
        if (!fpr.isEmpty() && !FINGERPRINT.matcher(fpr).matches()) {
            problems.add(new FieldProblem(ProfileField.SIGNING_KEY, "must be the key's 40 hexadecimal digits"
                    + " (spaces allowed), as gpg --fingerprint shows it."));
        }
        dropProblemsThatFollowFromABadProjectId(p, problems);
        return List.copyOf(problems);
    }

    /**
     * An invalid project id also spoils the dist URLs and list addresses made from it; report only the root
     * problem (the id), not one per field that merely repeats it.
     */
    private static void dropProblemsThatFollowFromABadProjectId(ReleaseProfile p, List<FieldProblem> problems) {
        if (p.projectId().isEmpty() || PROJECT_ID.matcher(p.projectId()).matches()) {
            return;
        }
        java.util.Map<ProfileField, String> madeFromId = java.util.Map.of(ProfileField.DIST_DEV_URL, p.distDevUrl(),
                ProfileField.DIST_RELEASE_URL, p.distReleaseUrl(), ProfileField.DEV_LIST, p.devList(),
                ProfileField.ANNOUNCE_LIST, p.announceList());
        problems.removeIf(problem -> madeFromId.containsKey(problem.field())
                && madeFromId.get(problem.field()).contains(p.projectId()));
    }

    private static void checkVersion(ReleaseProfile p, List<FieldProblem> problems) {
        if (p.version().isEmpty()) {
            problems.add(new FieldProblem(ProfileField.VERSION, "is empty."));
            return;
        }
        try {
            Version.parse(p.version());
        } catch (VersionFormatException e) {
            problems.add(new FieldProblem(ProfileField.VERSION, e.getMessage() + " " + e.fix()));
        }
    }

    private static void checkRepository(ReleaseProfile p, List<FieldProblem> problems) {
        if (p.gitRepository().isEmpty()) {
            return;
        }
        try {
            Path repo = Path.of(p.gitRepository());
            if (!Files.isDirectory(repo)) {
                problems.add(new FieldProblem(ProfileField.GIT_REPOSITORY, "the folder " + repo
                        + " does not exist; choose your local clone of the project."));
            } else if (!Files.exists(repo.resolve(".git")) && !Files.isRegularFile(repo.resolve("HEAD"))) {
                problems.add(new FieldProblem(ProfileField.GIT_REPOSITORY, repo + " is not a git repository (it"
                        + " has no .git folder); choose the top folder of your clone."));
            }
        } catch (InvalidPathException e) {
            problems.add(new FieldProblem(ProfileField.GIT_REPOSITORY, "\"" + p.gitRepository()
                    + "\" is not a valid path."));
        }
    }

    private static void checkPattern(ProfileField field, String text, boolean fullVersion, boolean needsRc,
                                     List<FieldProblem> problems) {
        try {
            NamePattern pattern = NamePattern.parse(text);
            if (needsRc && !pattern.hasRcNumber()) {
                problems.add(new FieldProblem(field, "\"" + text + "\" has no {rc} (or N), so every RC would get the"
                        + " same tag."));
            } else if (fullVersion && !pattern.namesFullVersion()) {
                problems.add(new FieldProblem(field, "\"" + text + "\" does not name the whole version; add"
                        + " {version} (or x.y.z)."));
            }
        } catch (VersionFormatException e) {
            problems.add(new FieldProblem(field, e.getMessage() + " " + e.fix()));
        }
    }

    private static void checkUrl(ProfileField field, String text, String expectedPart, List<FieldProblem> problems) {
        if (text.isEmpty()) {
            problems.add(new FieldProblem(field, "is empty."));
            return;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http") || scheme.equals("svn")
                    || scheme.equals("file")) || (uri.getHost() == null && !"file".equals(scheme))) {
                problems.add(new FieldProblem(field, "\"" + text + "\" is not an https:// (or svn://) URL."));
            } else if (!text.endsWith("/")) {
                problems.add(new FieldProblem(field, "\"" + text + "\" should end with '/', as it is a folder."));
            } else if ("dist.apache.org".equals(uri.getHost()) && !uri.getPath().contains(expectedPart)) {
                problems.add(new FieldProblem(field, "\"" + text + "\" is on dist.apache.org but not under "
                        + expectedPart + "."));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(field, "\"" + text + "\" is not a valid URL: " + e.getReason() + "."));
        }
    }

    private static void checkEmail(ProfileField field, String text, boolean required, List<FieldProblem> problems) {
        if (text.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "is empty."));
            }
            return;
        }
        if (!EMAIL.matcher(text).matches()) {
            problems.add(new FieldProblem(field, "\"" + text + "\" is not an email address."));
        }
    }
}
