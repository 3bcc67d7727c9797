package io.releasepilot.verify;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.ReleasePilotException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an archive's content says, once read: layout, LICENSE/NOTICE/DISCLAIMER, compiled code, headers. */
final class ArchiveConclusions {
    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?i)copyright\\s{0,20}(?:\\(c\\)|\u00a9)?\\s{0,20}([0-9]{4})(?:\\s{0,20}[-\u2013,]\\s{0,20}([0-9]{4}))?");
    private static final int MAX_LISTED = 50;
    private final ArchiveState s;
    private final Year madeIn;
    private final Duration budget;
    private final int threads;
    private final BooleanSupplier cancelled;

    ArchiveConclusions(ArchiveState s, Year madeIn, Duration budget, int threads, BooleanSupplier cancelled) {
        this.s = s;
        this.madeIn = madeIn;
        this.budget = budget;
        this.threads = threads;
        this.cancelled = cancelled;
    }

    void conclude(boolean podling) {
        String expected = ArchiveInspector.baseName(s.archive);
        if (s.topLevels.size() != 1) {
            s.findings.add(Finding.blocker(s.archive, "The archive should unpack into one folder named " + expected
                    + ", but it has " + s.topLevels.size() + " top-level entries: "
                    + String.join(", ", s.topLevels.stream().limit(10).map(Names::escape).toList())));
            return;
        }
        String top = s.topLevels.iterator().next();
        Set<String> accepted = new HashSet<>(List.of(expected, strip(expected, "-src"),
                strip(expected, "-source-release"), strip(expected, "-source")));
        if (!accepted.contains(top)) {
            s.findings.add(Finding.warning(s.archive, "The top-level folder is \"" + Names.escape(top) + "\"; for "
                    + s.archive + " it should be \"" + expected + "\" (or without -src)."));
        }
        requireRootFile(top, "LICENSE", "the Apache License and the licenses of bundled code");
        requireRootFile(top, "NOTICE", "the required notices");
        if (podling) {
            if (!hasRootFile("DISCLAIMER") && !hasRootFile("DISCLAIMER-WIP")) {
                s.findings.add(Finding.blocker(s.archive, "Podling releases need a DISCLAIMER (or DISCLAIMER-WIP) file"
                        + " at the top of " + Names.escape(top) + "/."));
            }
            if (!s.archive.toLowerCase(Locale.ROOT).contains("incubating")) {
                s.findings.add(Finding.blocker(s.archive, "Podling release names must contain \"incubating\","
                        + " e.g. apache-foo-1.0.0-incubating-src.tar.gz."));
            }
        }
        Map<String, Path> tree = new LinkedHashMap<>();
        String prefix = top + "/";
        s.files.forEach((name, kept) -> {
            if (name.startsWith(prefix)) {
                tree.put(name.substring(prefix.length()), kept.path());
            }
        });
        checkNoticeYear(tree);
        if (!s.binaries.isEmpty()) {
            s.findings.add(Finding.warning(s.archive, s.binaries.size() + " compiled file(s) in the source release;"
                    + " the ASF does not allow compiled code in source releases: " + list(s.binaries)));
        }
        scanHeaders(tree);
    }

    private void scanHeaders(Map<String, Path> tree) {
        ExcludeRules rules = ExcludeRules.read(tree::get);
        rules.problems().forEach(p -> s.findings.add(Finding.note(s.archive, p)));
        if (s.scanner == null) {
            return;
        }
        try {
            LicenseHeaderScan.Result r = s.scanner.finish(rules);
            s.unapproved = r.unapproved();
            s.ratRan = true;
            if (!r.excluded().isEmpty()) {
                s.findings.add(Finding.note(s.archive, r.excluded().size() + " file(s) excluded from the header check"
                        + " by the project's own rules: " + list(r.excluded().entrySet().stream()
                        .map(e -> e.getKey() + " by " + e.getValue()).toList())));
            }
            if (!s.unapproved.isEmpty()) {
                s.findings.add(Finding.warning(s.archive, s.unapproved.size() + " file(s) without an approved license"
                        + " header (Apache RAT): " + list(s.unapproved)
                        + ". Add ASF headers, or list them in .rat-excludes if they cannot carry one."));
            }
            if (!r.thirdParty().isEmpty()) {
                s.findings.add(Finding.warning(s.archive, r.thirdParty().size() + " file(s) under another license: "
                        + list(r.thirdParty()) + ". Check that LICENSE covers them (third-party code keeps its own"
                        + " header)."));
            }
            for (String f : r.timedOut()) {
                s.findings.add(Finding.note(s.archive, "The license-header check of " + f + " ran out of its time"
                        + " budget (" + budget.toMillis() + " ms; Apache RAT's copyright matcher can take minutes on"
                        + " some files, RAT-574); that file's header was not judged. Look at it by hand."));
            }
        } catch (CancelledException e) {
            s.stopped = true;
        } catch (ReleasePilotException e) {
            s.findings.add(Finding.warning(s.archive, e.getMessage()));
        }
    }

    private static String list(List<String> items) {
        return String.join(", ", items.stream().limit(MAX_LISTED).toList()) + (items.size() > MAX_LISTED ? ", …" : "");
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    private boolean hasRootFile(String base) {
        return s.rootFiles.stream().anyMatch(f -> f.equals(base) || f.startsWith(base + "."));
    }

    private void requireRootFile(String top, String base, String what) {
        if (!hasRootFile(base)) {
            s.findings.add(Finding.blocker(s.archive, "There is no " + base + " file at the top of "
                    + Names.escape(top) + "/; every ASF source release needs one, with " + what + "."));
        }
    }

    private void checkNoticeYear(Map<String, Path> tree) {
        Path notice = s.rootFiles.stream().filter(f -> f.equals("NOTICE") || f.startsWith("NOTICE."))
                .map(tree::get).filter(p -> p != null).findFirst().orElse(null);
        if (notice == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(notice)) {
            String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            Matcher m = COPYRIGHT.matcher(text);
            int latest = -1;
            String line = "";
            while (m.find()) {
                int year = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(1));
                if (year > latest) {
                    latest = year;
                    line = m.group().strip();
                }
            }
            if (latest < 0) {
                s.findings.add(Finding.warning(s.archive, "NOTICE has no copyright line; it should say"
                        + " \"Copyright " + madeIn + " The Apache Software Foundation\"."));
            } else if (latest != madeIn.getValue()) {
                s.findings.add(Finding.warning(s.archive, "NOTICE says \"" + line + "\"; the copyright year should"
                        + " include " + madeIn + ", the year the candidate was made (signed)."));
            }
        } catch (IOException e) {
            s.findings.add(Finding.warning(s.archive, "NOTICE could not be read: " + e.getMessage()));
        }
    }
}
