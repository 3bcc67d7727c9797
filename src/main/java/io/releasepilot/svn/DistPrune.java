package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import io.releasepilot.version.Version;
import io.releasepilot.version.VersionFormatException;
import org.tmatesoft.svn.core.SVNException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps dist small, as the ASF asks (every release stays on archive.apache.org): proposes removing every release in
 * {@code <dist-release>/} but the newest of each line (major.minor), and every RC folder in {@code <dist-dev>/} of
 * the current or an older version. Entries that are not versions (KEYS, README) are never proposed. The release
 * manager chooses what to keep; the removal is one commit.
 */
public final class DistPrune {
    /** A release folder: {@code 2.4.0}, {@code 2.0.0-beta1}, a podling's {@code 1.9.0-incubating} (not a pre-release). */
    private static final Pattern RELEASE = Pattern.compile(
            "(\\d+\\.\\d+\\.\\d+(?:-(?!incubating$)[A-Za-z0-9.]+)?)(?:-incubating)?");
    private static final Pattern RC = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(?:-incubating)?-rc\\d+");

    /** One folder that could go. */
    public record Candidate(String area, String name, String url, boolean remove, String why) {
    }

    public record Proposal(String releaseUrl, String devUrl, List<Candidate> candidates) {
        public Proposal {
            candidates = List.copyOf(candidates);
        }

        public List<Candidate> removals() {
            return candidates.stream().filter(Candidate::remove).toList();
        }

        /** The same proposal with {@code keep} (folder names or versions) not removed. */
        public Proposal keeping(Set<String> keep) {
            return new Proposal(releaseUrl, devUrl, candidates.stream().map(c -> keep.contains(c.name())
                    || keep.contains(c.name().replace("-incubating", "")) ? new Candidate(c.area(), c.name(), c.url(),
                    false, "kept as you asked") : c).toList());
        }
    }

    public record Result(long revision, List<String> removed) {
        public Result {
            removed = List.copyOf(removed);
        }
    }

    private final DistOptions options;

    public DistPrune(DistOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Proposal propose(String releaseUrl, String devUrl, Version current, SvnCredentials credentials,
                            Progress progress) throws SvnException, CancelledException {
        List<Candidate> out = new ArrayList<>();
        try (SvnSession s = SvnSession.open(releaseUrl, credentials, options, progress)) {
            Map<String, Version> newest = new HashMap<>();
            Map<String, Version> versions = new HashMap<>();
            for (Remote.Entry e : Remote.list(s, "", -1)) {
                Version v = version(RELEASE, e);
                if (v != null) {
                    versions.put(e.name(), v);
                    newest.merge(line(v), v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            versions.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                    .forEach(e -> {
                        boolean keep = newest.get(line(e.getValue())).equals(e.getValue());
                        out.add(new Candidate("release", e.getKey(), s.url() + "/" + e.getKey() + "/", !keep,
                                keep ? "newest release of the " + line(e.getValue()) + " line"
                                        : "superseded by " + newest.get(line(e.getValue()))
                                        + "; it stays on archive.apache.org"));
                    });
        } catch (SVNException e) {
            throw SvnErrors.wrap(e, "listing " + releaseUrl, releaseUrl, null);
        }
        try (SvnSession s = SvnSession.open(devUrl, credentials, options, progress)) {
            for (Remote.Entry e : Remote.list(s, "", -1)) {
                Version v = version(RC, e);
                if (v != null) {
                    boolean old = v.compareTo(current) <= 0;
                    out.add(new Candidate("dev", e.name(), s.url() + "/" + e.name() + "/", old,
                            old ? "candidate of " + v + ", which is voted on" : "candidate of a newer version"));
                }
            }
        } catch (SVNException e) {
            throw SvnErrors.wrap(e, "listing " + devUrl, devUrl, null);
        }
        return new Proposal(DistUrls.check(releaseUrl) + "/", DistUrls.check(devUrl) + "/", out);
    }

    /** Removes the proposal's chosen folders in one commit. */
    public Result prune(Proposal proposal, String message, SvnCredentials credentials, Progress progress)
            throws SvnException, CancelledException {
        Objects.requireNonNull(credentials, "credentials");
        List<Candidate> removals = proposal.removals();
        if (removals.isEmpty()) {
            return new Result(-1, List.of());
        }
        String base = DistUrls.commonAncestor(proposal.releaseUrl(), proposal.devUrl());
        if (base == null) {
            throw new SvnException(SvnException.Reason.OTHER, "dist/dev and dist/release are on different servers.",
                    "Prune each area on its own.");
        }
        try (SvnSession s = SvnSession.open(base, credentials, options, progress)) {
            long head;
            try {
                head = s.repository().getLatestRevision();
            } catch (SVNException e) {
                throw s.wrap(e, "reading the latest revision");
            }
            long revision = Commit.run(s, message, "removing " + removals.size() + " folders", editor -> {
                for (String area : List.of("release", "dev")) {
                    String parent = DistUrls.relative(base, area.equals("release") ? proposal.releaseUrl()
                            : proposal.devUrl());
                    List<Candidate> here = removals.stream().filter(c -> c.area().equals(area)).toList();
                    if (here.isEmpty()) {
                        continue;
                    }
                    int opened = Commit.openDirs(editor, parent);
                    for (Candidate c : here) {
                        progress.checkCancelled("Pruning");
                        editor.deleteEntry(parent.isEmpty() ? c.name() : parent + "/" + c.name(), head);
                    }
                    Commit.closeDirs(editor, opened);
                }
            });
            return new Result(revision, removals.stream().map(Candidate::url).toList());
        }
    }

    private static Version version(Pattern p, Remote.Entry e) {
        if (!e.folder()) {
            return null;
        }
        Matcher m = p.matcher(e.name());
        if (!m.matches()) {
            return null;
        }
        try {
            return Version.parse(m.group(1));
        } catch (VersionFormatException notAVersion) {
            return null;
        }
    }

    private static String line(Version v) {
        return v.major() + "." + v.minor();
    }
}
