package io.releasepilot.git;

import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which files .gitattributes leaves out of an archive, exactly as real git decides it. */
class ExportIgnoreTest {
    static final String TOP = """
            *.psd export-ignore
            keep.psd -export-ignore
            /build.sh export-ignore
            docs/internal export-ignore
            generated/** export-ignore
            """;
    static final String SUB = """
            secret.txt export-ignore
            /local.txt export-ignore
            icon.psd -export-ignore
            """;
    static final String DEEPER = """
            secret.txt -export-ignore
            """;
    static final List<String> FILES = List.of("README", "a.psd", "keep.psd", "build.sh", "sub/build.sh",
            "docs/public.txt", "docs/internal/plan.txt", "docs/internal/deep/more.txt", "generated/a/b.txt",
            "sub/secret.txt", "sub/local.txt", "sub/x/local.txt", "sub/icon.psd", "sub/deeper/secret.txt",
            "sub/deeper/other.psd", "x/secret.txt");

    @Test
    void leavesOutWhatGitArchiveLeavesOut(@TempDir Path tmp) throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("repo"));
        repo.write(".gitattributes", TOP).write("sub/.gitattributes", SUB).write("sub/deeper/.gitattributes", DEEPER);
        for (String f : FILES) {
            repo.write(f, f + "\n");
        }
        repo.commit("files");
        Map<String, byte[]> attributes = new LinkedHashMap<>();
        attributes.put("", TOP.getBytes(StandardCharsets.UTF_8));
        attributes.put("sub", SUB.getBytes(StandardCharsets.UTF_8));
        attributes.put("sub/deeper", DEEPER.getBytes(StandardCharsets.UTF_8));
        ExportIgnore ignore = new ExportIgnore(attributes);

        Set<String> kept = FILES.stream().filter(f -> !ignore.ignores(f)).collect(Collectors.toCollection(TreeSet::new));

        Tools.require("tar");
        Tools.Result listing = Tools.run(null, List.of("sh", "-c", "git -C '" + repo.dir() + "' archive HEAD | tar -tf -"));
        assertThat(listing.exitCode()).as(listing.err()).isZero();
        Set<String> fromGit = listing.out().lines().filter(l -> !l.endsWith("/"))
                .filter(l -> !l.endsWith(".gitattributes")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(kept).isEqualTo(fromGit);
        assertThat(kept).containsExactly("README", "docs/public.txt", "keep.psd", "sub/build.sh",
                "sub/deeper/secret.txt", "sub/icon.psd", "sub/x/local.txt", "x/secret.txt");
    }

    @Test
    void eachFileRuleAgreesWithGitCheckAttr(@TempDir Path tmp) throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("repo"));
        repo.write(".gitattributes", TOP).write("sub/.gitattributes", SUB).write("sub/deeper/.gitattributes", DEEPER);
        for (String f : FILES) {
            repo.write(f, f + "\n");
        }
        repo.commit("files");
        ExportIgnore ignore = new ExportIgnore(Map.of("", TOP.getBytes(StandardCharsets.UTF_8),
                "sub", SUB.getBytes(StandardCharsets.UTF_8), "sub/deeper", DEEPER.getBytes(StandardCharsets.UTF_8)));
        for (String f : FILES) {
            String attr = repo.git("check-attr", "export-ignore", "--", f);
            // "<path>: export-ignore: set | unset | unspecified"; a file in an ignored folder is unspecified itself.
            boolean set = attr.endsWith(": set");
            boolean inIgnoredFolder = f.startsWith("docs/internal/") || f.startsWith("generated/");
            assertThat(ignore.ignores(f)).as(attr).isEqualTo(set || inIgnoredFolder);
        }
    }
}
