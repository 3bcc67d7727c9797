package io.releasepilot.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a step's recorded outputs against the files in the release folder: an archive that is missing or
 * has other bytes than recorded, a signature or checksum file that is gone or no longer names the archive's
 * SHA-512. Hashes are remembered per file size and modification time, so reopening a release hashes only
 * what changed.
 */
public final class RecordFiles {
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();
    private final Workspace ws;

    public RecordFiles(Workspace ws) {
        this.ws = ws;
    }

    /** Why {@code raw}'s outputs no longer match the disk, or null when they do (or the step keeps no files). */
    String problem(ReleaseRecord record, StepId step, StepRecord raw) {
        return switch (step) {
            case SOURCE -> source(raw.outputs(SourceOutputs.class), raw);
            case SIGN -> sign(record.outputs(StepId.SOURCE, SourceOutputs.class), raw.outputs(SignOutputs.class));
            case NOTES -> notes(raw.outputs(NotesOutputs.class));
            default -> null;
        };
    }

    private String source(SourceOutputs out, StepRecord raw) {
        if (out == null) {
            return null;
        }
        Path dir = ws.dir().resolve(out.folder());
        for (ArtifactRecord a : out.artifacts()) {
            Path f = dir.resolve(a.file());
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return a.file() + " is missing from " + out.folder() + ". Build the source release again.";
            }
            String sha = sha512(f);
            if (sha == null) {
                return a.file() + " in " + out.folder() + " cannot be read. Check its permissions, or build again.";
            }
            if (!sha.equalsIgnoreCase(a.sha512())) {
                return a.file() + " changed on disk since it was built" + (raw.at() == null ? ""
                        : " at " + RecordEvaluator.time(raw.at())) + ". Build the source release again (or restore"
                        + " the file).";
            }
        }
        return null;
    }

    private String sign(SourceOutputs source, SignOutputs out) {
        if (out == null || source == null) {
            return null;
        }
        Path dir = ws.dir().resolve(source.folder());
        for (SignOutputs.SignedFile s : out.files()) {
            if (!Files.isRegularFile(dir.resolve(s.asc()))) {
                return s.asc() + " is missing from " + source.folder() + ". Sign again.";
            }
            Path checksum = dir.resolve(s.checksum());
            String named = firstToken(checksum);
            if (named == null) {
                return s.checksum() + " is missing from " + source.folder() + ". Sign again.";
            }
            if (!named.equalsIgnoreCase(s.artifactSha512())) {
                return s.checksum() + " no longer holds the SHA-512 of " + s.artifact() + ". Sign again.";
            }
        }
        return null;
    }

    private String notes(NotesOutputs out) {
        if (out == null || out.file() == null) {
            return null;
        }
        return Files.isRegularFile(ws.dir().resolve(out.file())) ? null
                : out.file() + " is missing. Draft the release notes again.";
    }

    private static String firstToken(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
                return null;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int space = text.indexOf(' ');
            return (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return null;
        }
    }

    /** The file's SHA-512, from the cache while its size and modification time are unchanged; null if unreadable. */
    public static String sha512(Path f) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
            String key = f.toAbsolutePath().normalize() + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis();
            String cached = HASHES.get(key);
            if (cached != null) {
                return cached;
            }
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    md.update(buffer, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(md.digest());
            HASHES.put(key, hex);
            return hex;
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is always available", e);
        }
    }
}
