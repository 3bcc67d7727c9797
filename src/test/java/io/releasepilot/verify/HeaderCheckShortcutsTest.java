package io.releasepilot.verify;

import io.releasepilot.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts that make the content checks of a large release fast give the same answers as the long way:
 * the quick license-header check ({@link QuickHeader}) against RAT's full matching, file by file, and the exclude
 * rules matched by name and folder against their whole-path regular expressions.
 */
class HeaderCheckShortcutsTest {
    /** A real source release: every entry's head, by its path below the top folder. */
    private static Map<String, byte[]> mavenCleanHeads() throws IOException {
        Map<String, byte[]> heads = new TreeMap<>();
        try (ZipFile zip = new ZipFile(Fixtures.path("releases/maven-clean-plugin-3.4.0-source-release.zip")
                .toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    try (InputStream in = zip.getInputStream(e)) {
                        heads.put(e.getName().substring(e.getName().indexOf('/') + 1),
                                in.readNBytes(LicenseHeaderScan.HEAD_BYTES));
                    }
                }
            }
        }
        return heads;
    }

    /** Each file's verdict the quick way and RAT's full way; returns how many the quick check settled. */
    private static int assertSameVerdicts(Map<String, byte[]> heads, Map<String, String> verdicts) throws Exception {
        int quick = 0;
        for (Map.Entry<String, byte[]> e : heads.entrySet()) {
            String full = LicenseHeaderScan.verdict(e.getKey(), e.getValue(), false);
            String fast = LicenseHeaderScan.verdict(e.getKey(), e.getValue(), true);
            assertThat(fast).as(e.getKey()).isEqualTo(full);
            verdicts.put(e.getKey(), full);
            if (LicenseHeaderScan.quicklyApproved(e.getValue())) {
                // notices (NOTICE, README, ...) and binary files are told apart before any header matching
                assertThat(full).as(e.getKey() + " is not refused by RAT").isIn("APPROVED", "NOTICE", "BINARY");
                quick += full.equals("APPROVED") ? 1 : 0;
            }
        }
        return quick;
    }

    @Test
    void theQuickCheckGivesRatsVerdictForEveryFileOfARealSourceRelease() throws Exception {
        Map<String, byte[]> heads = mavenCleanHeads();
        Map<String, String> verdicts = new TreeMap<>();

        int quick = assertSameVerdicts(heads, verdicts);

        assertThat(heads).hasSize(131);
        Map<String, Long> kinds = new TreeMap<>();
        verdicts.values().forEach(v -> kinds.merge(v, 1L, Long::sum));
        assertThat(kinds).isEqualTo(Map.of("APPROVED", 123L, "BINARY", 3L, "NOTICE", 4L, "UNKNOWN", 1L));
        assertThat(verdicts).containsEntry(".gitignore", "UNKNOWN").containsEntry("LICENSE", "NOTICE");
        assertThat(quick).as("every approved file is settled by the quick check").isEqualTo(123);
    }

    @Test
    void theQuickCheckGivesRatsVerdictOnRatsOwnHeaderSamples() throws Exception {
        Map<String, byte[]> heads = new TreeMap<>();
        try (Stream<Path> files = Files.list(Fixtures.path("headers/rat"))) {
            for (Path p : files.toList()) {
                heads.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        Map<String, String> verdicts = new TreeMap<>();

        int quick = assertSameVerdicts(heads, verdicts);

        assertThat(verdicts).containsEntry("Source.java", "UNKNOWN").containsEntry("generated.txt", "GENERATED")
                .containsEntry("UTF16_with_signature.xml", "BINARY").containsEntry("windows-newlines.txt.bin", "UNKNOWN")
                .containsEntry("aal20good1.txt", "APPROVED").containsEntry("oasisbad1.txt", "UNKNOWN");
        assertThat(verdicts.values().stream().filter("APPROVED"::equals).count()).isEqualTo(17);
        assertThat(quick).as("approved files the quick check settled; RAT's full matching settled the rest")
                .isEqualTo(13);
    }

    private static final String URL = "http://www.apache.org/licenses/LICENSE-2.0";

    /** Hand-made heads at the edges of what the quick check may decide: each must get RAT's verdict. */
    @Test
    void theQuickCheckKeepsToRatsViewOfTheHeadAtItsEdges() throws Exception {
        String filler = " * some text\n";
        Map<String, String> cases = new TreeMap<>();
        cases.put("plain.java", "/*\n * Licensed under the Apache License\n * " + URL + "\n */\nclass A {}\n");
        cases.put("https.java", "/*\n * " + URL.replace("http:", "https:") + ".txt\n */\n");
        cases.put("crlf.java", "/*\r\n * " + URL + "\r\n */\r\n");
        cases.put("cr-only.java", "/*\r * " + URL + "\r */\r");
        cases.put("bom.java", "\uFEFF/*\n * " + URL + "\n */\n");
        cases.put("umlaut-before.java", "/* J\u00f6rg wrote this\n * " + URL + "\n */\n");
        cases.put("line-50.java", filler.repeat(49) + " * " + URL + "\n");
        cases.put("line-51.java", filler.repeat(50) + " * " + URL + "\n");
        cases.put("cr-pushes-to-51.java", "x\r".repeat(10) + filler.repeat(40) + " * " + URL + "\n");
        cases.put("char-512.java", "x".repeat(LicenseHeaderScan.MAX_LINE - URL.length()) + URL + "\n");
        cases.put("char-513.java", "x".repeat(LicenseHeaderScan.MAX_LINE - URL.length() + 1) + URL + "\n");
        cases.put("split.java", "/*\n * http://www.apache.org/\n * licenses/LICENSE-2.0\n */\n");
        cases.put("cut-by-head.java", "x".repeat(LicenseHeaderScan.HEAD_BYTES - 10) + "\n" + URL + "\n");
        Map<String, byte[]> heads = new TreeMap<>();
        cases.forEach((name, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            heads.put(name, bytes.length > LicenseHeaderScan.HEAD_BYTES
                    ? java.util.Arrays.copyOf(bytes, LicenseHeaderScan.HEAD_BYTES) : bytes);
        });
        Map<String, String> verdicts = new TreeMap<>();

        assertSameVerdicts(heads, verdicts);
        List<String> quick = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : heads.entrySet()) {
            if (LicenseHeaderScan.quicklyApproved(e.getValue())) {
                quick.add(e.getKey());
            }
        }

        assertThat(quick).as("only plain ASCII heads with \\n line ends, the URL within 50 lines of 512 characters")
                .containsExactly("char-512.java", "https.java", "line-50.java", "plain.java");
        assertThat(verdicts).containsEntry("line-51.java", "UNKNOWN").containsEntry("char-513.java", "UNKNOWN")
                .containsEntry("split.java", "UNKNOWN").containsEntry("cut-by-head.java", "UNKNOWN")
                .as("left to RAT, which approves them").containsEntry("crlf.java", "APPROVED")
                .containsEntry("bom.java", "APPROVED").containsEntry("umlaut-before.java", "APPROVED");
    }

    /** RAT's standard patterns and the shapes projects write, the way {@code ExcludeRules.add} reads them. */
    private static final List<String> PATTERNS = List.of("**/*.min.js", "src/test/resources/**", "MANIFEST.MF",
            "foo**", "%regex[.*\\.txt]", "**/target/**", "docs/", "./src/it/**/*.jar", "**/site/**/*.vm",
            "**/.git/**", "**/CVS/**", "**/*~", "**/#*#", "**/.#*", "**/%*%", "**/._*", "**/.DS_Store", "**/core",
            "**/*.so", "**/-darcs-backup*", "**/,*", "**/_$*", "**/*$", "**/tags/**");

    /** What a path matches by the whole-path expressions alone (the rules as they were matched before). */
    private static boolean reference(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (String pattern : PATTERNS) {
            String p = pattern.replace('\\', '/');
            if (p.startsWith("%regex[")) {
                if (Pattern.compile(p.substring(7, p.length() - 1)).matcher(path).matches()) {
                    return true;
                }
                continue;
            }
            p = p.startsWith("./") ? p.substring(2) : p;
            p = p.endsWith("/") ? p + "**" : p;
            Pattern whole = Pattern.compile(ExcludeRules.glob(p));
            if (whole.matcher(path).matches() || !p.contains("/") && whole.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void excludeRulesMatchedByPartsAnswerLikeTheirWholePathExpressions() throws Exception {
        List<String> paths = new ArrayList<>(mavenCleanHeads().keySet());
        paths.addAll(List.of("a/.git/config", "a/.git", ".git/x", "a/.git/x\ny", "a/b.git/x", "x/CVS/Entries",
                "CVS", "notes~", "src/#tmp#", "src/.#lock", "%x%", "._x", "a/.DS_Store", "core", "a/core/b",
                "lib/x.so", "-darcs-backup1", ",x", "_$x", "x$", "a/tags/b", "tags", "web/lib/jquery.min.js",
                "src/test/resources/data\nx.bin", "src/test/resources/a", "foo/bar", "foo", "xfoo/bar", "a/b.txt",
                "a/b.txt\n", "a/target/classes/X.class", "target/x", "docs/a/b", "docs", "src/it/a/b/c.jar",
                "src/site/a/b/x.vm", "src/site/x.vm", "site/x.vm", "caf\u00e9/CVS/x", "a\u2028b/.git/c"));
        ExcludeRules rules = ExcludeRules.of("test", PATTERNS);
        int excluded = 0;

        for (String path : paths) {
            boolean expected = reference(path);
            assertThat(rules.matchesAny(path)).as(path.replace("\n", "\\n")).isEqualTo(expected);
            assertThat(rules.match(path).isPresent()).as(path.replace("\n", "\\n")).isEqualTo(expected);
            excluded += expected ? 1 : 0;
        }

        assertThat(excluded).as("paths excluded, of " + paths.size()).isEqualTo(75);
    }
}
