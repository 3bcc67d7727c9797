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
        Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (file.getFileName().toString().startsWith(".")) {
                    findings.add(Finding.note(rel, "Hidden file ignored."));
                } else if (attrs.isRegularFile()) {
                    files.put(rel, file);
                } else if (attrs.isSymbolicLink()) {
                    findings.add(Finding.blocker(rel, "Cannot be read: it is a link to a file that does not exist."));
                } else if (attrs.isOther()) {
                    findings.add(Finding.blocker(rel, "Not a regular file (a device or pipe); it was not read."));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                findings.add(Finding.blocker(root.relativize(file).toString(), "Cannot be read: " + e.getMessage()));
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
