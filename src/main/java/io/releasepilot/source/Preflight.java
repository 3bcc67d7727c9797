package io.releasepilot.source;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitFile;
import io.releasepilot.git.GitRepository;
import io.releasepilot.git.ResolvedRevision;
import io.releasepilot.verify.LicenseHeaderScan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the tree of a tag before the source archive is built, each failure with its fix: LICENSE and NOTICE,
 * NOTICE's copyright year, DISCLAIMER for podlings, the version where the project keeps it, and license
 * headers with Apache RAT (the verifier's check, so a candidate that passes here passes there).
 *
 * @param versionFile    the file that holds the version (e.g. pom.xml), or empty to skip
 * @param versionPattern what must appear in it, with {version} (e.g. {@code <version>{version}</version>})
 */
public record Preflight(String versionFile, String versionPattern, Year year) {
    /** A fix is committed and tagged anew; a tag that exists is never moved, so it goes into the next RC. */
    private static final String AGAIN = "; commit, and tag that commit (if this RC's tag exists already, start the"
            + " next release candidate first with rc next: a tag is never moved).";
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)copyright\\s*(?:\\(c\\)|\u00a9)?\\s*([0-9]{4})(?:\\s*[-\u2013,]\\s*([0-9]{4}))?");

    public List<PreflightCheck> run(SourceRequest request) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(request.repository())) {
            ResolvedRevision rev = repo.resolve(request.revision());
            SourceTree tree = SourceTree.collect(repo, rev.commit(), request.rules(), request.submodules());
            List<PreflightCheck> checks = new ArrayList<>();
            checks.add(present(tree, "LICENSE", "LICENSE", "Add the Apache License 2.0 text as LICENSE at the top of the"
                    + " repository" + AGAIN));
            GitFile notice = find(tree, "NOTICE");
            checks.add(notice != null ? PreflightCheck.pass("NOTICE", "NOTICE is present.")
                    : PreflightCheck.fail("NOTICE", "There is no NOTICE file at the top of the tree.",
                    "Add NOTICE (project name and \"Copyright " + year + " The Apache Software Foundation\")" + AGAIN));
            if (notice != null) {
                checks.add(noticeYear(notice));
            }
            if (request.podling()) {
                boolean disclaimer = find(tree, "DISCLAIMER") != null || find(tree, "DISCLAIMER-WIP") != null;
                checks.add(disclaimer ? PreflightCheck.pass("DISCLAIMER", "DISCLAIMER is present.")
                        : PreflightCheck.fail("DISCLAIMER", "Podling releases need a DISCLAIMER file.",
                        "Add the Incubator's standard DISCLAIMER at the top of the repository" + AGAIN));
            }
            if (versionFile != null && !versionFile.isBlank()) {
                checks.add(version(repo, rev.commit(), request.version()));
            }
            checks.add(rat(tree));
            return checks;
        }
    }

    private static GitFile find(SourceTree tree, String base) {
        return tree.files().stream().filter(f -> f.path().equals(base) || f.path().equals(base + ".txt")
                || f.path().equals(base + ".md")).findFirst().orElse(null);
    }

    private static PreflightCheck present(SourceTree tree, String base, String name, String fix) {
        return find(tree, base) != null ? PreflightCheck.pass(name, base + " is present.")
                : PreflightCheck.fail(name, "There is no " + base + " file at the top of the tree.", fix);
    }

    private PreflightCheck noticeYear(GitFile notice) throws ReleasePilotException {
        String text = read(notice);
        Matcher m = COPYRIGHT.matcher(text);
        int latest = -1;
        while (m.find()) {
            latest = Math.max(latest, Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(1)));
        }
        if (latest == year.getValue()) {
            return PreflightCheck.pass("NOTICE year", "NOTICE's copyright line includes " + year + ".");
        }
        return PreflightCheck.fail("NOTICE year", latest < 0 ? "NOTICE has no copyright line."
                : "NOTICE's copyright ends in " + latest + ", not " + year + ".",
                "Update NOTICE to \"Copyright <first year>-" + year + " The Apache Software Foundation\""
                        + AGAIN);
    }

    private PreflightCheck version(GitRepository repo, String commit, String version) throws ReleasePilotException {
        String expected = versionPattern.replace("{version}", version);
        var content = repo.read(commit, versionFile);
        if (content.isEmpty()) {
            return PreflightCheck.fail("Version", versionFile + " is not in the tree.",
                    "Check the version file set in the Source step.");
        }
        String text = new String(content.get(), StandardCharsets.UTF_8);
        if (!text.contains(expected) && versionPattern.equals("{version}") && definesVersion(text, version)) {
            return PreflightCheck.pass("Version", versionFile + " defines " + version
                    + " in its MAJOR/MINOR/PATCH number defines.");
        }
        return text.contains(expected) ? PreflightCheck.pass("Version", versionFile + " says " + expected + ".")
                : PreflightCheck.fail("Version", versionFile + " does not contain \"" + expected + "\".",
                "Set the version to " + version + " in " + versionFile + AGAIN);
    }

    private static final Pattern DEFINE_NUMBER = Pattern.compile("(?m)^#\\s*define\\s+\\w*(MAJOR|MINOR|PATCH)"
            + "\\w*(?:NUMBER|VERSION)\\w*\\s+(\\d+)\\s*$");

    /**
     * A C header that spells the version as number defines, as httpd's {@code include/ap_release.h} does
     * ({@code AP_SERVER_MAJORVERSION_NUMBER 2}, {@code ..._MINORVERSION_NUMBER 4}, {@code ..._PATCHLEVEL_NUMBER 14}).
     */
    static boolean definesVersion(String text, String version) {
        Matcher v = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)").matcher(version);
        if (!v.lookingAt() || v.end() != version.length()) {
            return false;
        }
        String[] found = new String[3];
        Matcher m = DEFINE_NUMBER.matcher(text);
        while (m.find()) {
            int i = switch (m.group(1)) {
                case "MAJOR" -> 0;
                case "MINOR" -> 1;
                default -> 2;
            };
            if (found[i] != null) {
                return false; // two defines for one part: not a version header this check can read
            }
            found[i] = m.group(2).replaceFirst("^0+(?=\\d)", "");
        }
        for (int i = 0; i < 3; i++) {
            if (found[i] == null || !found[i].equals(v.group(i + 1).replaceFirst("^0+(?=\\d)", ""))) {
                return false;
            }
        }
        return true;
    }

    /** RAT over the files that will go into the archive, unpacked to a private temporary folder. */
    private static PreflightCheck rat(SourceTree tree) throws ReleasePilotException {
        Path temp = null;
        try {
            temp = io.releasepilot.core.TempFolders.create("release-pilot-preflight-");
            for (GitFile f : tree.files()) {
                if (f.kind() == GitFile.Kind.SYMLINK) {
                    continue;
                }
                Path target = temp.resolve(f.path()).normalize();
                if (!target.startsWith(temp)) {
                    continue;
                }
                io.releasepilot.core.TempFolders.createFoldersBelow(temp, target.getParent());
                try (InputStream in = f.content().open()) {
                    Files.copy(in, target);
                }
            }
            List<String> unapproved = LicenseHeaderScan.unapproved(temp);
            if (unapproved.isEmpty()) {
                return PreflightCheck.pass("License headers", "Apache RAT finds an approved license header in every"
                        + " file that needs one.");
            }
            return PreflightCheck.fail("License headers", unapproved.size() + " file(s) without an approved license"
                    + " header: " + String.join(", ", unapproved.stream().limit(20).toList())
                    + (unapproved.size() > 20 ? ", …" : ""), "Add the ASF header to them, or list the ones that cannot"
                    + " carry one in .rat-excludes at the top of the repository (it stays in the archive)" + AGAIN);
        } catch (IOException e) {
            throw new ReleasePilotException("The license-header check could not unpack the tree into "
                    + (temp == null ? "the temporary folder" : temp) + ": " + io.releasepilot.core.IoErrors.reason(e)
                    + ".", io.releasepilot.core.IoErrors.fix(e, temp), e);
        } finally {
            delete(temp);
            io.releasepilot.core.TempFolders.delete(temp);
        }
    }

    private static String read(GitFile f) throws ReleasePilotException {
        try (InputStream in = f.content().open()) {
            return new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReleasePilotException("Could not read " + f.path() + ": " + e.getMessage(), "", e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
