package io.releasepilot.version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern for branch and tag names, such as {@code {version}-rc{rc}} or {@code v{major}.{minor}.x}.
 *
 * <p>Placeholders: {@code {major}}, {@code {minor}}, {@code {patch}}, {@code {version}} (the full version,
 * pre-release marker included) and {@code {rc}}. The shorthand used in the projects' guides is accepted too:
 * {@code x.y.z} stands for the version's three numbers, {@code x.y} for major and minor, and {@code N} for the
 * RC number, so {@code vx.y.z-rcN}, {@code x.y.z.rcN}, {@code x.y} and {@code vx.y.x} all work.
 */
public final class NamePattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(major|minor|patch|version|rc)}");
    private static final Pattern ANY_BRACE = Pattern.compile("\\{[^}]*}");
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._/{}+-]+");

    private final String text;

    private NamePattern(String text) {
        this.text = text;
    }

    /** Parses a pattern in brace form or in the guides' shorthand. */
    public static NamePattern parse(String pattern) throws VersionFormatException {
        String raw = pattern == null ? "" : pattern.strip();
        if (raw.isEmpty()) {
            throw new VersionFormatException("The name pattern is empty.",
                    "Use a pattern such as {version}-rc{rc} (or x.y.z-rcN) for tags and {major}.{minor} for branches.");
        }
        if (!ALLOWED.matcher(raw).matches() || raw.contains("..") || raw.endsWith("/") || raw.startsWith("/")) {
            throw new VersionFormatException("\"" + raw + "\" cannot be a git branch or tag name pattern.",
                    "Use letters, digits, '.', '-', '_', '/' and placeholders only, for example v{version}-rc{rc}.");
        }
        String expanded = raw.contains("{") ? raw : fromShorthand(raw);
        Matcher unknown = ANY_BRACE.matcher(expanded);
        while (unknown.find()) {
            if (!PLACEHOLDER.matcher(unknown.group()).matches()) {
                throw new VersionFormatException("\"" + unknown.group() + "\" in pattern \"" + raw
                        + "\" is not a known placeholder.",
                        "Use {major}, {minor}, {patch}, {version} or {rc}.");
            }
        }
        if (!PLACEHOLDER.matcher(expanded).find()) {
            throw new VersionFormatException("The pattern \"" + raw + "\" has no placeholder, so every release would get"
                    + " the same name.", "Include {version} (or x.y.z), or {major}.{minor} (or x.y) for a branch.");
        }
        return new NamePattern(expanded);
    }

    private static String fromShorthand(String raw) {
        String s = raw.replace("x.y.z", "{major}.{minor}.{patch}");
        s = s.replaceFirst("(?<!\\{major}\\.)x\\.y(?![a-z])", "{major}.{minor}");
        return s.replace("N", "{rc}");
    }

    /** The pattern in brace form. */
    public String text() {
        return text;
    }

    public boolean hasRcNumber() {
        return text.contains("{rc}");
    }

    /** True when the pattern names a whole version (major, minor and patch, or {version}). */
    public boolean namesFullVersion() {
        return text.contains("{version}") || text.contains("{patch}");
    }

    /** The name for {@code version} and RC number {@code rc} (ignored when the pattern has no {rc}). */
    public String format(Version version, int rc) {
        return text.replace("{version}", version.toString())
                .replace("{major}", Integer.toString(version.major()))
                .replace("{minor}", Integer.toString(version.minor()))
                .replace("{patch}", Integer.toString(version.patch()))
                .replace("{rc}", Integer.toString(rc));
    }

    /** A name read back: the version it names (major.minor.0 for branch patterns) and its RC number, or 0. */
    public record Match(Version version, int rc) {
    }

    /** Reads a branch or tag name made by this pattern; empty when the name does not fit it. */
    public Optional<Match> match(String name) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(last, m.start())));
            regex.append(switch (m.group(1)) {
                case "version" -> "(?<version>\\d+\\.\\d+\\.\\d+(?:(?:a|b|rc)\\d+)?)";
                case "rc" -> "(?<rc>\\d+)";
                default -> "(?<" + m.group(1) + ">\\d+)";
            });
            last = m.end();
        }
        regex.append(Pattern.quote(text.substring(last)));
        Matcher name0;
        try {
            name0 = Pattern.compile(regex.toString()).matcher(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!name0.matches()) {
            return Optional.empty();
        }
        try {
            Version version;
            if (text.contains("{version}")) {
                version = Version.parse(name0.group("version"));
            } else {
                version = Version.of(intGroup(name0, "major"), intGroup(name0, "minor"), intGroup(name0, "patch"));
            }
            int rc = text.contains("{rc}") ? Integer.parseInt(name0.group("rc")) : 0;
            return Optional.of(new Match(version, rc));
        } catch (VersionFormatException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int intGroup(Matcher m, String group) {
        try {
            String value = m.group(group);
            return value == null ? 0 : Integer.parseInt(value);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamePattern other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
