package io.releasepilot.verify;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A release-candidate folder, read as artifacts and their sidecar files (.asc, .sig, .sha512, .sha256, .sha1,
 * .md5, extensions in any case), with what does not pair up. A KEYS file inside the folder is a blocker and is
 * never used.
 */
public record RcFolder(Path root, List<Artifact> artifacts, List<Finding> findings) {

    /** One artifact and the files beside it. {@code name} is relative to the folder, with '/'. */
    public record Artifact(String name, Path path, long size, Optional<Path> asc, Optional<Path> binarySignature,
                           Map<ChecksumAlgorithm, Path> checksums) {
        public Artifact {
            checksums = Map.copyOf(checksums);
        }
    }

    private static final int MAX_DEPTH = 4;

    public static RcFolder scan(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        // Links are never followed: a candidate is the folder's own regular files. A link (to /etc, to
        // /proc/self/pagemap, ...) is reported and not read; so is what lies deeper than MAX_DEPTH folders.
        Files.walkFileTree(root, java.util.Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    findings.add(Finding.note(rel(root, dir) + "/", "Hidden folder; not checked."));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = rel(root, file);
                if (attrs.isSymbolicLink()) {
                    findings.add(link(root, file, rel));
                } else if (attrs.isDirectory()) {
                    findings.add(Finding.warning(rel + "/", "Not checked: this folder is more than " + MAX_DEPTH
                            + " levels deep in the RC folder; nothing in it was read."));
                } else if (file.getFileName().toString().startsWith(".")) {
                    findings.add(Finding.note(rel, "Hidden file; not checked."));
                } else if (attrs.isRegularFile()) {
                    files.put(rel, file);
                } else {
                    findings.add(Finding.blocker(rel, "Not a regular file (a device, socket or pipe); it was not"
                            + " read."));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                findings.add(Finding.blocker(rel(root, file), "Cannot be read: "
                        + io.releasepilot.core.IoErrors.reason(e) + "."));
                return FileVisitResult.CONTINUE;
            }
        });

        Map<String, Path> artifacts = new TreeMap<>();
        Map<String, Path> sidecars = new TreeMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            String name = e.getKey();
            String base = ChecksumFileParser.baseName(name);
            if (base.equalsIgnoreCase("KEYS") || base.equalsIgnoreCase("KEYS.txt")) {
                findings.add(Finding.blocker(name, "A KEYS file inside the RC folder. It was not used: whoever made"
                        + " the candidate also made this KEYS, so it proves nothing. Signatures are checked against"
                        + " the project's KEYS (dist/release/<project>/KEYS, which only PMC members can change);"
                        + " the release manager must remove this file from the candidate."));
            } else if (sidecarExtension(name) != null) {
                sidecars.put(name, e.getValue());
            } else {
                artifacts.put(name, e.getValue());
            }
        }

        List<Artifact> result = new ArrayList<>();
        for (Map.Entry<String, Path> a : artifacts.entrySet()) {
            String name = a.getKey();
            Path asc = take(sidecars, name, "asc");
            Path sig = take(sidecars, name, "sig");
            Map<ChecksumAlgorithm, Path> sums = new EnumMap<>(ChecksumAlgorithm.class);
            for (ChecksumAlgorithm alg : ChecksumAlgorithm.values()) {
                Path p = take(sidecars, name, alg.extension());
                if (p != null) {
                    sums.put(alg, p);
                }
            }
            long size;
            try {
                size = Files.size(a.getValue());
            } catch (IOException ex) {
                findings.add(Finding.blocker(name, "Cannot be read: " + ex.getMessage()));
                continue;
            }
            result.add(new Artifact(name, a.getValue(), size, Optional.ofNullable(asc), Optional.ofNullable(sig), sums));
        }
        for (String orphan : sidecars.keySet()) {
            findings.add(Finding.warning(orphan, "No artifact named "
                    + orphan.substring(0, orphan.lastIndexOf('.')) + " for this file."));
        }
        return new RcFolder(root, result, findings);
    }

    private static String rel(Path root, Path file) {
        return Names.escape(root.relativize(file).toString().replace('\\', '/'));
    }

    /** A symbolic link in the RC folder: never followed, never read; a blocker when it leads out of the folder. */
    private static Finding link(Path root, Path file, String rel) {
        String target;
        try {
            target = Files.readSymbolicLink(file).toString();
        } catch (IOException | UnsupportedOperationException e) {
            target = "?";
        }
        Path resolved = file.getParent().resolve(target).normalize();
        String shown = "\"" + Names.escape(target) + "\"";
        if (!resolved.startsWith(root)) {
            return Finding.blocker(rel, "A link to " + shown + ", outside the RC folder. It was not followed or"
                    + " read: a candidate is made of the folder's own files.");
        }
        return Finding.warning(rel, "A link to " + shown + "; links are not followed, so it was not checked."
                + " Put the file itself in the RC folder.");
    }

    private static String sidecarExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "asc", "sig", "sha512", "sha256", "sha1", "md5" -> ext;
            default -> null;
        };
    }

    private static Path take(Map<String, Path> sidecars, String artifact, String ext) {
        String prefix = artifact + ".";
        for (Map.Entry<String, Path> e : sidecars.entrySet()) {
            String k = e.getKey();
            if (k.length() == prefix.length() + ext.length() && k.startsWith(prefix)
                    && k.substring(prefix.length()).equalsIgnoreCase(ext)) {
                Path found = e.getValue();
                sidecars.remove(k);
                return found;
            }
        }
        return null;
    }
}
