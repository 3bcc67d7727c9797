package io.releasepilot.nextversion;

import io.releasepilot.version.Version;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where projects keep their version, and how to change it there without touching anything else in the file:
 * Maven ({@code pom.xml}: the project's own {@code <version>}, not the parent's), npm ({@code package.json}),
 * Python ({@code pyproject.toml}, {@code setup.py}, {@code __version__} in an {@code __init__.py}), plain
 * {@code version.txt} / {@code VERSION}, CMake ({@code project(... VERSION x.y.z)}), and a C header the release
 * manager names (httpd's {@code include/ap_release.h} with its MAJOR/MINOR/PATCH number defines).
 */
public final class VersionFiles {
    /** How big a version file may be; larger files are not version files. */
    public static final int MAX_BYTES = 1 << 20;

    private static final Pattern POM_VERSION = Pattern.compile("(<version>\\s*)([^<\\s]+)(\\s*</version>)");
    private static final Pattern JSON_VERSION = Pattern.compile("(\"version\"\\s*:\\s*\")([^\"]+)(\")");
    private static final Pattern TOML_VERSION = Pattern.compile("(?m)^(version\\s*=\\s*[\"'])([^\"']+)([\"'])");
    private static final Pattern SETUP_VERSION = Pattern.compile("(\\bversion\\s*=\\s*[\"'])([^\"']+)([\"'])");
    private static final Pattern PY_VERSION = Pattern.compile("(?m)^(__version__\\s*=\\s*[\"'])([^\"']+)([\"'])");
    private static final Pattern CMAKE_VERSION = Pattern.compile("(?is)(\\bproject\\s*\\([^)]*?\\bVERSION\\s+)"
            + "([0-9][0-9A-Za-z.+-]*)");
    private static final Pattern DEFINE_NUMBER = Pattern.compile("(?m)^(#\\s*define\\s+\\w*(MAJOR|MINOR|PATCH)"
            + "\\w*(?:NUMBER|VERSION)\\w*\\s+)(\\d+)");

    private VersionFiles() {
    }

    /** One file's change: its path, the text before and after, and the version found there. */
    public record Change(String path, String before, String after, String found) {
    }

    /** True for the names this class knows how to read (a named header is always read). */
    public static boolean isCandidate(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int depth = path.split("/").length;
        return switch (name) {
            case "pom.xml", "package.json", "pyproject.toml", "setup.py", "version.txt", "VERSION",
                    "CMakeLists.txt" -> depth == 1;
            case "__init__.py" -> depth <= 3;
            default -> false;
        };
    }

    /**
     * The change that moves {@code path} from {@code from} to {@code to}, if the file holds {@code from} where its
     * kind keeps the version. {@code named} says the release manager named this file (a header or any text file).
     */
    public static Optional<Change> bump(String path, byte[] content, Version from, Version to, boolean named) {
        String text = new String(content, StandardCharsets.UTF_8);
        String name = path.substring(path.lastIndexOf('/') + 1);
        String after = switch (name) {
            case "pom.xml" -> pom(text, from, to);
            case "package.json" -> first(JSON_VERSION, text, from, to);
            case "pyproject.toml" -> first(TOML_VERSION, text, from, to);
            case "setup.py" -> first(SETUP_VERSION, text, from, to);
            case "__init__.py" -> first(PY_VERSION, text, from, to);
            case "version.txt", "VERSION" -> text.strip().equals(from.toString())
                    ? text.replace(from.toString(), to.toString()) : null;
            case "CMakeLists.txt" -> cmake(text, from, to);
            default -> named ? header(text, from, to) : null;
        };
        return after == null || after.equals(text) ? Optional.empty()
                : Optional.of(new Change(path, text, after, from.toString()));
    }

    /** The project's own {@code <version>}: the first one outside {@code <parent>} and dependency sections. */
    private static String pom(String text, Version from, Version to) {
        String masked = mask(mask(mask(mask(text, "parent"), "dependencies"), "dependencyManagement"), "build");
        masked = mask(mask(masked, "profiles"), "plugins");
        Matcher m = POM_VERSION.matcher(masked);
        if (m.find() && versionMatches(m.group(2), from)) {
            return text.substring(0, m.start(2)) + styled(m.group(2), to) + text.substring(m.end(2));
        }
        return null;
    }

    /** {@code text} with the content of every {@code <tag>…</tag>} blanked out (same length, positions kept). */
    private static String mask(String text, String tag) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = Pattern.compile("(?s)<" + tag + ">.*?</" + tag + ">").matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static String first(Pattern p, String text, Version from, Version to) {
        Matcher m = p.matcher(text);
        if (m.find() && versionMatches(m.group(2), from)) {
            return text.substring(0, m.start(2)) + styled(m.group(2), to) + text.substring(m.end(2));
        }
        return null;
    }

    /** {@code to} in the style the file used: Maven's {@code -SNAPSHOT} stays, else the version as it is. */
    static String styled(String found, Version to) {
        return found.endsWith("-SNAPSHOT") ? to.finalRelease() + "-SNAPSHOT" : to.toString();
    }

    private static String cmake(String text, Version from, Version to) {
        Matcher m = CMAKE_VERSION.matcher(text);
        if (m.find() && versionMatches(m.group(2), from)) {
            String numeric = to.major() + "." + to.minor() + "." + to.patch();
            return text.substring(0, m.start(2)) + numeric + text.substring(m.end(2));
        }
        return null;
    }

    /**
     * A C header: the MAJOR/MINOR/PATCH number defines (httpd's {@code AP_SERVER_MAJORVERSION_NUMBER}) when they
     * spell {@code from}, else every quoted occurrence of the version string.
     */
    private static String header(String text, Version from, Version to) {
        Matcher m = DEFINE_NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        int major = -1;
        int minor = -1;
        int patch = -1;
        while (m.find()) {
            int value = Integer.parseInt(m.group(3));
            switch (m.group(2)) {
                case "MAJOR" -> major = value;
                case "MINOR" -> minor = value;
                default -> patch = value;
            }
            spans.add(new int[] {m.start(3), m.end(3)});
            parts.add(m.group(2));
        }
        if (major == from.major() && minor == from.minor() && patch == from.patch()) {
            StringBuilder sb = new StringBuilder(text);
            for (int i = spans.size() - 1; i >= 0; i--) {
                int value = switch (parts.get(i)) {
                    case "MAJOR" -> to.major();
                    case "MINOR" -> to.minor();
                    default -> to.patch();
                };
                sb.replace(spans.get(i)[0], spans.get(i)[1], Integer.toString(value));
            }
            return sb.toString();
        }
        String quoted = "\"" + from + "\"";
        return text.contains(quoted) ? text.replace(quoted, "\"" + to + "\"") : null;
    }

    /** True when {@code found} names {@code version}, allowing a -SNAPSHOT or pre-release suffix of the same number. */
    static boolean versionMatches(String found, Version version) {
        String base = version.finalRelease().toString();
        return found.equals(version.toString()) || found.equals(base) || found.startsWith(base + "-")
                || found.matches(Pattern.quote(base) + "(a|b|rc|\\.dev|\\.post)\\d*");
    }

    /** The changed lines of {@code c} as a unified-style diff (version edits never add or remove lines). */
    public static String diff(Change c) {
        String[] before = c.before().split("\n", -1);
        String[] after = c.after().split("\n", -1);
        StringBuilder sb = new StringBuilder("--- a/" + c.path() + "\n+++ b/" + c.path() + "\n");
        for (int i = 0; i < Math.min(before.length, after.length); i++) {
            if (!before[i].equals(after[i])) {
                sb.append("@@ line ").append(i + 1).append(" @@\n-").append(before[i]).append("\n+")
                        .append(after[i]).append('\n');
            }
        }
        return sb.toString();
    }
}
