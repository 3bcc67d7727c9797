package io.releasepilot.verify;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The project's own license-header exclusions, as its build declares them: the lines of {@code .rat-excludes}
 * or {@code rat-excludes} at the top of the source tree, and the {@code <excludes>} of {@code apache-rat-plugin}
 * in the top {@code pom.xml} (read without DTDs or external entities). Patterns are Ant/plexus style
 * ({@code **}, {@code *}, {@code ?}) relative to the top; a pattern without '/' also matches a file name in any
 * folder, as RAT's older wildcard excludes did; {@code %regex[...]} patterns are regular expressions.
 */
public final class ExcludeRules {
    private static final int MAX_FILE = 1 << 20;
    private static final int MAX_RULES = 10_000;
    private final List<Rule> rules;
    private final List<String> problems;

    /** {@code glob}: the Ant-style pattern as matched (null for a {@code %regex[...]}). */
    private record Rule(String source, String pattern, String glob, Pattern regex, Pattern nameRegex) {
    }

    /** Rules that test the file name alone: "NAME" without '/', and "**&#47;NAME". */
    private final Pattern anyName;
    /** Rules "**&#47;DIR/**": a folder on the path is named DIR. */
    private final Pattern anyFolder;
    /** The other rules, whole-path regular expressions. */
    private final Pattern anyOther;
    /** Every rule as a whole-path expression, for the rare path with a line break in it. */
    private final Pattern anyPath;
    /** The last folder asked about, and whether a folder rule matched it (archives list a folder's files together). */
    private volatile FolderAnswer lastFolder = new FolderAnswer("", false);

    private record FolderAnswer(String folder, boolean excluded) {
    }

    private ExcludeRules(List<Rule> rules, List<String> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
        List<String> names = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Rule r : rules) {
            String inner = r.glob != null && r.glob.startsWith("**/") ? r.glob.substring(3) : null;
            String folder = inner != null && inner.endsWith("/**") ? inner.substring(0, inner.length() - 3) : null;
            if (r.nameRegex != null) {
                names.add(r.nameRegex.pattern());
                if (r.glob.contains("**")) {
                    others.add(r.regex.pattern()); // "**" crosses folders: also a whole-path rule
                }
            } else if (inner != null && !inner.isEmpty() && !inner.contains("/") && !inner.contains("**")) {
                names.add(glob(inner));
            } else if (folder != null && !folder.isEmpty() && !folder.contains("/") && !folder.contains("**")) {
                folders.add(glob(folder));
            } else {
                others.add(r.regex.pattern());
            }
        }
        this.anyName = anyOf(names);
        this.anyFolder = anyOf(folders);
        this.anyOther = anyOf(others);
        this.anyPath = anyOf(rules.stream().map(r -> r.regex.pattern()).toList());
    }

    private static Pattern anyOf(List<String> regexes) {
        return Pattern.compile(regexes.isEmpty() ? "(?!)"
                : String.join("|", regexes.stream().map(r -> "(?:" + r + ")").toList()));
    }

    /**
     * True when any rule excludes {@code path}. Asked about every file of an archive, so the common rule shapes
     * are matched by their parts: "**&#47;NAME" as the file name alone, "**&#47;DIR/**" as one folder name of the
     * path (remembered for the next file of the same folder); the answer is the whole-path expressions'.
     */
    boolean matchesAny(String path) {
        if (rules.isEmpty()) {
            return false;
        }
        if (hasLineBreak(path)) {
            // the whole-path expressions' "." stops at line breaks; the parts would not
            return anyPath.matcher(path).matches()
                    || anyName.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
        }
        int slash = path.lastIndexOf('/');
        return anyName.matcher(path.substring(slash + 1)).matches()
                || slash > 0 && folderExcluded(path.substring(0, slash))
                || anyOther.matcher(path).matches();
    }

    private boolean folderExcluded(String folder) {
        FolderAnswer last = lastFolder;
        if (last.folder.equals(folder)) {
            return last.excluded;
        }
        boolean excluded = false;
        for (int from = 0; from <= folder.length() && !excluded; ) {
            int end = folder.indexOf('/', from);
            end = end < 0 ? folder.length() : end;
            excluded = anyFolder.matcher(folder.substring(from, end)).matches();
            from = end + 1;
        }
        lastFolder = new FolderAnswer(folder, excluded);
        return excluded;
    }

    private static boolean hasLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** Rules from a list of patterns, all from {@code source}. */
    static ExcludeRules of(String source, java.util.Collection<String> patterns) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String p : patterns) {
            add(rules, problems, source, p);
        }
        return new ExcludeRules(rules, problems);
    }

    public static ExcludeRules none() {
        return new ExcludeRules(List.of(), List.of());
    }

    /** Reads the rules of the source tree at {@code root}; unreadable parts are listed in {@link #problems()}. */
    public static ExcludeRules read(Path root) {
        return read(name -> {
            Path p = root.resolve(name);
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? p : null;
        });
    }

    /** Reads the rules from the files {@code files} finds by their name relative to the top (null: no such file). */
    public static ExcludeRules read(java.util.function.Function<String, Path> files) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : List.of(".rat-excludes", "rat-excludes")) {
            Path p = files.apply(file);
            if (p != null) {
                try {
                    for (String line : new String(head(p), StandardCharsets.UTF_8).split("\\R")) {
                        String t = line.strip();
                        if (!t.isEmpty() && !t.startsWith("#")) {
                            add(rules, problems, file, t);
                        }
                    }
                } catch (IOException e) {
                    problems.add(file + " could not be read: " + e.getMessage());
                }
            }
        }
        Path pom = files.apply("pom.xml");
        if (pom != null) {
            try {
                for (String pattern : ratPluginExcludes(head(pom))) {
                    add(rules, problems, "pom.xml (apache-rat-plugin)", pattern);
                }
            } catch (IOException | SAXException | ParserConfigurationException e) {
                problems.add("pom.xml could not be read for apache-rat-plugin's excludes: " + e.getMessage());
            }
        }
        return new ExcludeRules(rules, problems);
    }

    private static byte[] head(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(MAX_FILE);
        }
    }

    private static void add(List<Rule> rules, List<String> problems, String source, String pattern) {
        if (rules.size() >= MAX_RULES || pattern.isBlank()) {
            return;
        }
        try {
            String p = pattern.replace('\\', '/');
            Pattern regex;
            Pattern nameRegex = null;
            String glob = null;
            if (p.startsWith("%regex[") && p.endsWith("]")) {
                regex = Pattern.compile(p.substring(7, p.length() - 1));
            } else {
                if (p.startsWith("./")) {
                    p = p.substring(2);
                }
                if (p.endsWith("/")) {
                    p = p + "**";
                }
                glob = p;
                regex = Pattern.compile(glob(p));
                if (!p.contains("/")) {
                    nameRegex = regex;
                }
            }
            rules.add(new Rule(source, pattern, glob, regex, nameRegex));
        } catch (PatternSyntaxException e) {
            problems.add(source + ": the pattern \"" + pattern + "\" is not valid: " + e.getDescription());
        }
    }

    /** An Ant-style pattern as a regular expression over a relative path with '/'. */
    static String glob(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                boolean slash = i + 2 < pattern.length() && pattern.charAt(i + 2) == '/';
                sb.append(slash ? "(?:[^/]*/)*" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /** The rule that excludes {@code path} (relative, '/'), as "pattern (from source)", if one does. */
    public Optional<String> match(String path) {
        if (!matchesAny(path)) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (Rule r : rules) {
            if (r.regex.matcher(path).matches() || (r.nameRegex != null && r.nameRegex.matcher(name).matches())) {
                return Optional.of(r.pattern + " (" + r.source + ")");
            }
        }
        return Optional.empty();
    }

    public int size() {
        return rules.size();
    }

    public List<String> problems() {
        return problems;
    }

    /** The {@code <exclude>} values of apache-rat-plugin's configuration, anywhere in the pom. */
    static List<String> ratPluginExcludes(byte[] pom) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        Document doc = builder.parse(new ByteArrayInputStream(pom));
        List<String> result = new ArrayList<>();
        NodeList artifacts = doc.getElementsByTagName("artifactId");
        for (int i = 0; i < artifacts.getLength(); i++) {
            Node a = artifacts.item(i);
            if (!"apache-rat-plugin".equals(a.getTextContent().strip()) || !(a.getParentNode() instanceof Element plugin)) {
                continue;
            }
            NodeList excludes = plugin.getElementsByTagName("exclude");
            for (int j = 0; j < excludes.getLength(); j++) {
                String v = excludes.item(j).getTextContent().strip();
                if (!v.isEmpty()) {
                    result.add(v);
                }
            }
        }
        return result;
    }
}
