package io.releasepilot.source;

import io.releasepilot.git.ExportIgnore;
import io.releasepilot.git.GitException;
import io.releasepilot.git.GitFile;
import io.releasepilot.git.GitRepository;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of a commit that go into the source archive, sorted by path, and those left out with why. */
public record SourceTree(List<GitFile> files, List<String> excluded) {
    private static final long MAX_ATTRIBUTES = 1 << 20;

    public static SourceTree collect(GitRepository repo, String commit, ExportRules rules, boolean submodules)
            throws GitException {
        List<GitFile> all = new ArrayList<>();
        Map<String, byte[]> attributes = new LinkedHashMap<>();
        repo.walk(commit, submodules, file -> {
            all.add(file);
            if (rules.honourExportIgnore() && file.path().endsWith(".gitattributes") && file.size() < MAX_ATTRIBUTES
                    && file.kind() != GitFile.Kind.SYMLINK) {
                String dir = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/')) : "";
                if (file.path().equals(".gitattributes") || file.path().endsWith("/.gitattributes")) {
                    try (InputStream in = file.content().open()) {
                        attributes.put(dir, in.readAllBytes());
                    }
                }
            }
        });
        ExportIgnore ignore;
        try {
            ignore = new ExportIgnore(attributes);
        } catch (IOException e) {
            throw new GitException("A .gitattributes file could not be read: " + e.getMessage(), "", e);
        }
        List<GitFile> included = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (GitFile f : all) {
            if (rules.excludes(f.path())) {
                excluded.add(f.path() + "  (dot file or removed path)");
            } else if (rules.honourExportIgnore() && ignore.ignores(f.path())) {
                excluded.add(f.path() + "  (export-ignore in .gitattributes)");
            } else {
                included.add(f);
            }
        }
        included.sort(Comparator.comparing(GitFile::path));
        return new SourceTree(included, excluded);
    }

    public long bytes() {
        return files.stream().mapToLong(GitFile::size).sum();
    }
}
