package io.releasepilot.source;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Tools;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source archive of a tag: what git archive would give, minus dot files, reproducibly. */
class SourceArchiveBuilderTest {
    @TempDir
    static Path tmp;
    static GitFixture repo;

    @BeforeAll
    static void aRepository() throws Exception {
        repo = new GitFixture(tmp.resolve("demo"));
        repo.write("LICENSE", new String(Files.readAllBytes(Path.of("LICENSE"))))
                .write("NOTICE", "Apache Demo\nCopyright 2026 The Apache Software Foundation\n")
                .write("README.md", "# Demo\n")
                .write("src/main/java/Demo.java", Archives.HEADER + "class Demo {}\n")
                .write("bin/run.sh", "#!/bin/sh\necho run\n")
                .write(".gitignore", "target/\n")
                .write(".github/workflows/ci.yml", "on: push\n")
                .write(".asf.yaml", "github: {}\n")
                .write(".gitattributes", "docs/internal export-ignore\n*.psd export-ignore\n")
                .write("docs/internal/secret-plan.txt", "internal\n")
                .write("docs/guide.txt", "guide\n")
                .write("art/logo.psd", "binary-ish\n")
                .write("R-package/DESCRIPTION", "Package: demo\n")
                .write("very/deeply/nested/path/with/a/name/longer/than/one/hundred/characters/for/the/ustar/format/"
                        + "to/need/pax.txt", "long\n");
        Files.setPosixFilePermissions(repo.dir().resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(repo.dir().resolve("README.txt"), Path.of("README.md"));
        repo.commit("Initial import");
        repo.tag("v1.0.0-rc1");
        repo.write("WORKING-COPY-ONLY.txt", "not committed\n");
    }

    static SourceRequest request(Path out, ExportRules rules, boolean zip) {
        return new SourceRequest(repo.dir(), "v1.0.0-rc1", "demo", "1.0.0", false, rules, false, zip, out);
    }

    static Map<String, String> list(Path tgz) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tgz));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String kind = e.isDirectory() ? "dir" : e.isSymbolicLink() ? "link->" + e.getLinkName()
                        : Integer.toOctalString(e.getMode() & 0777) + ":" + new String(tar.readAllBytes());
                entries.put(e.getName().replaceAll("/$", ""), kind);
            }
        }
        return entries;
    }

    @Test
    void theArchiveHoldsTheCommittedTreeUnderOneFolderWithoutDotFiles() throws Exception {
        SourceResult result = new SourceArchiveBuilder(2).build(request(tmp.resolve("out1"), ExportRules.defaults(),
                false), Progress.NONE);
        Path tgz = result.artifacts().get(0);
        assertThat(tgz.getFileName().toString()).isEqualTo("apache-demo-1.0.0-src.tar.gz");
        Map<String, String> entries = list(tgz);
        String base = "apache-demo-1.0.0-src/";
        assertThat(entries).containsKeys(base + "LICENSE", base + "NOTICE", base + "docs/guide.txt",
                base + "R-package/DESCRIPTION");
        assertThat(entries.keySet()).allMatch(n -> n.startsWith("apache-demo-1.0.0-src"));
        assertThat(entries.keySet()).noneMatch(n -> n.contains("/.")).noneMatch(n -> n.contains("WORKING-COPY"))
                .noneMatch(n -> n.contains("internal")).noneMatch(n -> n.endsWith(".psd"));
        assertThat(entries.get(base + "bin/run.sh")).startsWith("755:");
        assertThat(entries.get(base + "NOTICE")).startsWith("644:");
        assertThat(entries.get(base + "README.txt")).isEqualTo("link->README.md");
        assertThat(result.excluded()).anyMatch(e -> e.startsWith(".github/workflows/ci.yml"))
                .anyMatch(e -> e.startsWith("docs/internal/secret-plan.txt") && e.contains("export-ignore"));

        Tools.require("tar");
        // tar -tv prints times in the local time zone: read them in UTC, whatever zone the build runs in.
        Tools.Result tv = Tools.run(null, List.of("tar", "--numeric-owner", "-tvzf", tgz.toString()),
                Map.of("TZ", "UTC", "LC_ALL", "C"), null);
        assertThat(tv.exitCode()).as(tv.err()).isZero();
        assertThat(tv.out().lines()).allMatch(l -> l.contains(" 0/0 ")).anyMatch(l -> l.startsWith("-rwxr-xr-x"))
                .anyMatch(l -> l.contains("2026-01-01 01:00"));
    }

    @Test
    void theFilesAndContentsAreThoseOfGitArchiveMinusTheExcludedOnes() throws Exception {
        Path gitTar = tmp.resolve("git-archive.tar.gz");
        Tools.Result r = Tools.run(repo.dir(), List.of("git", "archive", "--format=tar.gz",
                "--prefix=apache-demo-1.0.0-src/", "-o", gitTar.toString(), "v1.0.0-rc1"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, String> fromGit = list(gitTar);
        fromGit.keySet().removeIf(n -> n.contains("/."));
        // git archive applies tar.umask (002); we normalise to 644/755: same files, contents and executable bits.
        fromGit.replaceAll((k, v) -> v.startsWith("664:") ? "644:" + v.substring(4)
                : v.startsWith("775:") ? "755:" + v.substring(4) : v);
        SourceResult ours = new SourceArchiveBuilder(2).build(request(tmp.resolve("out-compare"),
                ExportRules.defaults(), false), Progress.NONE);
        Map<String, String> mine = list(ours.artifacts().get(0));
        // Files only: git archive also lists a folder whose files are all export-ignored; we leave it out.
        mine.values().removeIf("dir"::equals);
        fromGit.values().removeIf("dir"::equals);
        assertThat(mine.keySet()).containsExactlyElementsOf(fromGit.keySet());
        for (String name : mine.keySet()) {
            String a = mine.get(name);
            String g = fromGit.get(name);
            assertThat(a).as(name).isEqualTo(g);
        }
    }

    @Test
    void twoBuildsAreByteIdenticalAlsoFromAnotherCloneInAnotherTimeZoneWithOtherThreads() throws Exception {
        Path a = new SourceArchiveBuilder(2).build(request(tmp.resolve("r1"), ExportRules.defaults(), true),
                Progress.NONE).artifacts().get(0);
        Path b = new SourceArchiveBuilder(2).build(request(tmp.resolve("r2"), ExportRules.defaults(), true),
                Progress.NONE).artifacts().get(0);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));

        Path clone = tmp.resolve("clone");
        Tools.run(null, List.of("git", "clone", "-q", repo.dir().toString(), clone.toString()));
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try {
            SourceResult other = new SourceArchiveBuilder(1).build(new SourceRequest(clone, "v1.0.0-rc1", "demo",
                    "1.0.0", false, ExportRules.defaults(), false, true, tmp.resolve("r3")), Progress.NONE);
            assertThat(Files.readAllBytes(other.artifacts().get(0))).isEqualTo(Files.readAllBytes(a));
            assertThat(Files.readAllBytes(other.artifacts().get(1)))
                    .isEqualTo(Files.readAllBytes(tmp.resolve("r1/apache-demo-1.0.0-src.zip")));
        } finally {
            TimeZone.setDefault(saved);
        }
        Tools.require("gzip");
        assertThat(Tools.run(null, List.of("gzip", "-t", a.toString())).exitCode()).isZero();
        Tools.require("unzip");
        Tools.Result unzip = Tools.run(null, List.of("unzip", "-t", tmp.resolve("r1/apache-demo-1.0.0-src.zip").toString()));
        assertThat(unzip.exitCode()).as(unzip.out()).isZero();
    }

    @Test
    void largeContentSpanningManyCompressionBlocksRoundTrips() throws Exception {
        GitFixture big = new GitFixture(tmp.resolve("big"));
        byte[] data = new byte[5 * ParallelGzipOutputStream.BLOCK + 12345];
        new java.util.Random(3).nextBytes(data);
        for (int i = 0; i < data.length; i += 7) {
            data[i] = 'a';
        }
        Files.write(big.dir().resolve("data.bin"), data);
        big.write("LICENSE", "x").commit("big");
        big.tag("v2.0.0");
        SourceResult r = new SourceArchiveBuilder(2).build(new SourceRequest(big.dir(), "v2.0.0", "big", "2.0.0", true,
                ExportRules.defaults(), false, false, tmp.resolve("big-out")), Progress.NONE);
        assertThat(r.artifacts().get(0).getFileName().toString()).isEqualTo("apache-big-2.0.0-incubating-src.tar.gz");
        try (InputStream in = Files.newInputStream(r.artifacts().get(0));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            int found = 0;
            while ((e = tar.getNextEntry()) != null) {
                if (e.getName().endsWith("data.bin")) {
                    found++;
                    assertThat(tar.readAllBytes()).isEqualTo(data);
                }
            }
            assertThat(found).as("data.bin entries").isEqualTo(1);
        }
        Tools.Result gunzip = Tools.run(null, List.of("sh", "-c", "gzip -dc " + r.artifacts().get(0) + " | tar -tf - | wc -l"));
        assertThat(gunzip.out().strip()).isEqualTo("3");
    }

    @Test
    void extraRemovalsAndEditedDotFileListsApply() throws Exception {
        ExportRules rules = new ExportRules(List.of(".github", ".asf.yaml"), List.of("R-package"), false);
        Map<String, String> entries = list(new SourceArchiveBuilder(2).build(request(tmp.resolve("rules"), rules, false),
                Progress.NONE).artifacts().get(0));
        String base = "apache-demo-1.0.0-src/";
        assertThat(entries).containsKeys(base + ".gitignore", base + "docs/internal/secret-plan.txt");
        assertThat(entries.keySet()).noneMatch(n -> n.contains("R-package")).noneMatch(n -> n.contains(".github"));
    }

    @Test
    void submodulesAreIncludedOnRequest() throws Exception {
        GitFixture sub = new GitFixture(tmp.resolve("sub-origin"));
        sub.write("lib.c", "int lib;\n").commit("lib");
        GitFixture main = new GitFixture(tmp.resolve("with-sub"));
        main.write("LICENSE", "x").commit("first");
        main.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir().toString(), "third_party/lib");
        main.commit("add submodule");
        main.tag("v3.0.0");
        SourceRequest without = new SourceRequest(main.dir(), "v3.0.0", "m", "3.0.0", false, ExportRules.defaults(),
                false, false, tmp.resolve("sub-out1"));
        assertThat(list(new SourceArchiveBuilder().build(without, Progress.NONE).artifacts().get(0)).keySet())
                .noneMatch(n -> n.contains("lib.c"));
        SourceRequest with = new SourceRequest(main.dir(), "v3.0.0", "m", "3.0.0", false, ExportRules.defaults(),
                true, false, tmp.resolve("sub-out2"));
        assertThat(list(new SourceArchiveBuilder().build(with, Progress.NONE).artifacts().get(0)))
                .containsEntry("apache-m-3.0.0-src/third_party/lib/lib.c", "644:int lib;\n");
    }

    @Test
    void aCancelledBuildLeavesNoFile() throws Exception {
        Path out = tmp.resolve("cancelled");
        Progress cancel = new Progress() {
            public void begin(String task, long total) {
            }

            public void worked(long units) {
            }

            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> new SourceArchiveBuilder(2).build(request(out, ExportRules.defaults(), false), cancel))
                .isInstanceOf(CancelledException.class);
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> new SourceArchiveBuilder().build(new SourceRequest(repo.dir(), "v9.9.9", "demo",
                "1.0.0", false, null, false, false, out), Progress.NONE))
                .hasMessageContaining("There is no tag or commit \"v9.9.9\"");
    }
}
