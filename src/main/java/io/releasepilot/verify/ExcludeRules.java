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

    private record Rule(String source, String pattern, Pattern regex, Pattern nameRegex) {
    }

    private final Pattern anyPath;
    private final Pattern anyName;

    private ExcludeRules(List<Rule> rules, List<String> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
        this.anyPath = Pattern.compile(String.join("|", rules.stream().map(r -> "(?:" + r.regex.pattern() + ")")
                .toList()) + (rules.isEmpty() ? "(?!)" : ""));
        List<String> names = rules.stream().filter(r -> r.nameRegex != null).map(r -> "(?:" + r.nameRegex.pattern()
                + ")").toList();
        this.anyName = Pattern.compile(names.isEmpty() ? "(?!)" : String.join("|", names));
    }

    /** True when any rule excludes {@code path}: one combined match, for sets of rules asked about every file. */
    boolean matchesAny(String path) {
        return anyPath.matcher(path).matches()
                || anyName.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
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
            if (p.startsWith("%regex[") && p.endsWith("]")) {
                regex = Pattern.compile(p.substring(7, p.length() - 1));
            } else {
                if (p.startsWith("./")) {
                    p = p.substring(2);
                }
                if (p.endsWith("/")) {
                    p = p + "**";
                }
                regex = Pattern.compile(glob(p));
                if (!p.contains("/")) {
                    nameRegex = regex;
                }
            }
            rules.add(new Rule(source, pattern, regex, nameRegex));
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
