package io.releasepilot.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads checksum files in every form found in the wild:
 * <ul>
 *   <li>{@code hex  name} (coreutils, shasum) and {@code hex *name} (binary mode), one or more lines;</li>
 *   <li>bare {@code hex}, with or without a newline (Maven Central);</li>
 *   <li>BSD {@code SHA512 (name) = hex}, OpenSSL {@code SHA512(name)= hex} and OpenSSL 3 {@code SHA2-512(name)= hex};</li>
 *   <li>GnuPG {@code --print-md}: {@code name: AA529B09 F0F95E75 …}, upper-case groups wrapped over indented lines,
 *       the name sometimes alone on the first line.</li>
 * </ul>
 */
public final class ChecksumFileParser {
    /** Checksum files are a line or a few; anything larger is not one. */
    public static final int MAX_SIZE = 64 * 1024;

    private static final Pattern TAGGED = Pattern.compile(
            "(?<tag>[A-Za-z0-9-]+) ?\\((?<name>.*)\\) ?= ?(?<hex>[0-9A-Fa-f]+)");
    private static final Pattern COREUTILS = Pattern.compile("\\\\?(?<hex>[0-9A-Fa-f]{32,128})(?: [ *]?| \\*?|\\t)(?<name>\\S.*)");
    private static final Pattern BARE = Pattern.compile("[0-9A-Fa-f]{32,128}");
    private static final Pattern GPG = Pattern.compile("(?s)(?<name>[^\\n:]+?)\\s*:\\s*(?<hex>[0-9A-Fa-f]{2,128}(?:\\s+[0-9A-Fa-f]{2,128})*)\\s*");

    /** What a checksum file says: the expected hex, its algorithm, and the file name it names (if any). */
    public sealed interface Parsed permits Value, Unreadable {
    }

    public record Value(String hex, ChecksumAlgorithm algorithm, Optional<String> name) implements Parsed {
    }

    /** Not readable: the 1-based line (0 for the whole file), its text, and why. */
    public record Unreadable(int line, String lineText, String reason) implements Parsed {
    }

    private ChecksumFileParser() {
    }

    /**
     * Parses {@code content}, the bytes of a checksum file named with {@code declared}'s extension, for the
     * artifact {@code artifactName}.
     */
    public static Parsed parse(byte[] content, ChecksumAlgorithm declared, String artifactName) {
        if (content.length == 0) {
            return new Unreadable(0, "", "the file is empty.");
        }
        if (content.length > MAX_SIZE) {
            return new Unreadable(0, "", "the file is " + content.length + " bytes; a checksum file is one line of"
                    + " text.");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.strip();
        if (BARE.matcher(trimmed).matches()) {
            return value(trimmed, declared, Optional.empty(), 1, trimmed);
        }
        Matcher gpg = GPG.matcher(trimmed);
        if (gpg.matches()) {
            String hex = gpg.group("hex").replaceAll("\\s+", "");
            return value(hex, declared, Optional.of(gpg.group("name").strip()), 1, firstLine(trimmed));
        }
        return parseLines(text, declared, artifactName);
    }

    private static Parsed parseLines(String text, ChecksumAlgorithm declared, String artifactName) {
        String[] lines = text.split("\r\n|\r|\n");
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Parsed parsed = parseLine(line, declared, i + 1);
            if (parsed instanceof Unreadable) {
                return parsed;
            }
            values.add((Value) parsed);
        }
        if (values.isEmpty()) {
            return new Unreadable(0, "", "the file holds no checksum.");
        }
        for (Value v : values) {
            if (v.name().map(ChecksumFileParser::baseName).filter(artifactName::equals).isPresent()) {
                return v;
            }
        }
        return values.get(0);
    }

    private static Parsed parseLine(String line, ChecksumAlgorithm declared, int lineNo) {
        Matcher tagged = TAGGED.matcher(line);
        if (tagged.matches()) {
            Optional<ChecksumAlgorithm> tag = ChecksumAlgorithm.byTag(tagged.group("tag"));
            if (tag.isEmpty()) {
                return new Unreadable(lineNo, line, "\"" + tagged.group("tag") + "\" is not a known checksum algorithm.");
            }
            if (tag.get() != declared) {
                return new Unreadable(lineNo, line, "it says " + tag.get().displayName() + " but the file name says "
                        + declared.displayName() + ".");
            }
            return value(tagged.group("hex"), declared, Optional.of(tagged.group("name")), lineNo, line);
        }
        Matcher coreutils = COREUTILS.matcher(line);
        if (coreutils.matches()) {
            return value(coreutils.group("hex"), declared, Optional.of(coreutils.group("name").strip()), lineNo, line);
        }
        return new Unreadable(lineNo, truncate(line), "this is not a checksum line in any known form (\"hex  name\","
                + " \"SHA512 (name) = hex\", bare hex, or gpg --print-md).");
    }

    private static Parsed value(String hex, ChecksumAlgorithm declared, Optional<String> name, int lineNo, String line) {
        int length = hex.length();
        if (length != declared.hexLength()) {
            String what = ChecksumAlgorithm.byHexLength(length).map(a -> " (" + a.displayName() + ")").orElse("");
            return new Unreadable(lineNo, truncate(line), "the checksum has " + length + " hex digits" + what + ", but "
                    + declared.displayName() + " has " + declared.hexLength() + ".");
        }
        return new Value(hex.toLowerCase(Locale.ROOT), declared, name.map(ChecksumFileParser::stripMode));
    }

    private static String stripMode(String name) {
        return name.startsWith("*") ? name.substring(1) : name;
    }

    /** The file name without folders: {@code ./dist/a.tar.gz} gives {@code a.tar.gz}. */
    public static String baseName(String name) {
        String n = name.replace('\\', '/');
        int slash = n.lastIndexOf('/');
        return slash >= 0 ? n.substring(slash + 1) : n;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return truncate(nl < 0 ? text : text.substring(0, nl));
    }

    private static String truncate(String line) {
        String printable = line.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 120 ? printable.substring(0, 117) + "..." : printable;
    }
}
