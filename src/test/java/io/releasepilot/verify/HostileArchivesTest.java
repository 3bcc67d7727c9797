package io.releasepilot.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.Json;
import io.releasepilot.core.Progress;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.Tools;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** Candidates made to fool or hurt a voter's machine, built byte by byte where no real tool would make them. */
class HostileArchivesTest {
    static final String TOP = "apache-evil-1.0-src";

    @TempDir
    Path tmp;

    private Path rc() throws Exception {
        return Files.createDirectories(tmp.resolve("rc"));
    }

    private static VerifyReport verify(Path folder) throws Exception {
        return new Verifier().verify(new VerifyRequest(folder, Optional.empty(), false), Progress.NONE);
    }

    private static List<Finding> about(VerifyReport r, String artifact) {
        return r.findingsFor(artifact);
    }

    private static void assertFinding(List<Finding> findings, Severity severity, String text) {
        assertThat(findings).as("%s", findings).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(severity);
            assertThat(f.message()).contains(text);
        });
    }

    private static Map<String, byte[]> clean() throws Exception {
        return Archives.cleanTree(TOP);
    }

    @Test
    void zipSymlinksThatLeaveTheTopFolderAreBlockersAndHarmlessOnesAreNot() throws Exception {
        Path zip = rc().resolve(TOP + ".zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (Map.Entry<String, byte[]> e : clean().entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
            for (String[] link : new String[][] {{"passwd", "/etc/passwd"}, {"up", "../../../etc"},
                {"sibling", "../other-top/x"}, {"fine", "src/main/java/Demo.java"}}) {
                ZipArchiveEntry e = new ZipArchiveEntry(TOP + "/" + link[0]);
                e.setUnixMode(UnixStat.LINK_FLAG | 0777);
                out.putArchiveEntry(e);
                out.write(link[1].getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        List<Finding> f = about(verify(zip.getParent()), zip.getFileName().toString());
        assertFinding(f, Severity.BLOCKER, "\"" + TOP + "/passwd\" points to \"/etc/passwd\"");
        assertFinding(f, Severity.BLOCKER, "\"" + TOP + "/up\" points to \"../../../etc\"");
        assertFinding(f, Severity.BLOCKER, "\"" + TOP + "/sibling\" points to \"../other-top/x\"");
        assertThat(f).noneSatisfy(x -> assertThat(x.message()).contains(TOP + "/fine"));
    }

    @Test
    void aZipWhoseLocalNameDiffersFromTheCentralDirectoryIsABlocker() throws Exception {
        String local = TOP + "/docs/harmless.txt";
        String central = TOP + "/../../evil.txt";
        central = central + "x".repeat(local.length() - central.length());
        assertThat(central).hasSameSizeAs(local);
        Map<String, byte[]> files = clean();
        files.put(local, "hello".getBytes(StandardCharsets.UTF_8));
        Path zip = rc().resolve(TOP + ".zip");
        Archives.zip(zip, files);
        byte[] bytes = Files.readAllBytes(zip);
        byte[] name = local.getBytes(StandardCharsets.UTF_8);
        int second = indexOf(bytes, name, indexOf(bytes, name, 0) + 1);
        System.arraycopy(central.getBytes(StandardCharsets.UTF_8), 0, bytes, second, name.length);
        Files.write(zip, bytes);

        List<Finding> f = about(verify(zip.getParent()), zip.getFileName().toString());

        assertFinding(f, Severity.BLOCKER, "local header names \"" + local + "\" but the central directory"
                + " (which unzip uses) names \"" + central + "\"");
        assertFinding(f, Severity.BLOCKER, "climbs out of the folder");
    }

    @Test
    void tarHardLinksAreResolvedFromTheArchiveRoot() throws Exception {
        Path tgz = rc().resolve(TOP + ".tar.gz");
        writeTar(tgz, tar -> {
            hardLink(tar, TOP + "/hl", "../etc/passwd");
            hardLink(tar, TOP + "/LICENSE-copy", TOP + "/LICENSE");
        });
        List<Finding> f = about(verify(tgz.getParent()), tgz.getFileName().toString());
        assertFinding(f, Severity.BLOCKER, "hard link \"" + TOP + "/hl\" points to \"../etc/passwd\" (from the"
                + " archive's root)");
        assertThat(f).noneSatisfy(x -> assertThat(x.message()).contains("LICENSE-copy"));
    }

    @Test
    @Timeout(60)
    void aHugePaxHeaderIsReportedBeforeItIsRead() throws Exception {
        // a tar whose first header announces a 1 GB PAX header; Commons Compress alone would buffer all of it
        byte[] header = new byte[512];
        put(header, 0, "./PaxHeaders/" + TOP + "/LICENSE");
        put(header, 100, "0000644");
        put(header, 124, String.format("%011o", (1L << 30) - 1));
        put(header, 136, "00000000000");
        header[156] = 'x';
        put(header, 257, "ustar");
        put(header, 263, "00");
        checksum(header);
        Path tgz = rc().resolve(TOP + ".tar.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(tgz))) {
            out.write(header);
            byte[] junk = ("path=" + "a".repeat(1000) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 4096; i++) {
                out.write(junk);
            }
        }
        List<Finding> f = about(verify(tgz.getParent()), tgz.getFileName().toString());
        assertFinding(f, Severity.BLOCKER, "a tar PAX header of 1073741823 bytes (entry \"./PaxHeaders/" + TOP
                + "/LICENSE\" at offset 0)");
        assertThat(f).noneSatisfy(x -> assertThat(x.message()).contains("damaged"));
    }

    @Test
    void aStoredZipEntryWithADataDescriptorIsReadThroughTheCentralDirectory() throws Exception {
        Map<String, byte[]> files = clean();
        byte[] big = ("plain text without a header\n" + "x".repeat(100) + "\n").repeat(20_000)
                .getBytes(StandardCharsets.US_ASCII);
        files.put(TOP + "/data/big.txt", big);
        Path zip = rc().resolve(TOP + ".zip");
        Files.write(zip, storedWithDataDescriptors(files));
        Tools.require("unzip");
        assertThat(Tools.run(tmp, List.of("unzip", "-tq", zip.toString())).out()).as("unzip reads it")
                .contains("No errors detected");

        VerifyReport r = verify(zip.getParent());

        List<Finding> f = about(r, zip.getFileName().toString());
        assertFinding(f, Severity.NOTE, "\"" + TOP + "/data/big.txt\" (" + big.length + " bytes) is stored"
                + " uncompressed with a data descriptor");
        ArchiveReport a = r.artifacts().get(0).archive().orElseThrow();
        assertThat(a.unapprovedHeaders()).containsExactly("data/big.txt");
        assertThat(a.bytes()).isGreaterThanOrEqualTo(big.length);
    }

    @Test
    void namesWithNewlinesAndEscapeCodesArePrintedEscaped() throws Exception {
        Path rc = rc();
        Map<String, byte[]> files = clean();
        files.put(TOP + "/evil\nPASSED: 1 artifact(s)\u001b[2J.txt", "no header\n".getBytes(StandardCharsets.UTF_8));
        Archives.tarGz(rc.resolve(TOP + ".tar.gz"), files);
        Files.writeString(rc.resolve("notes\n\u001b[2JPASSED.txt"), "x");

        VerifyReport r = verify(rc);
        java.io.StringWriter text = new java.io.StringWriter();
        io.releasepilot.cli.VerifyCommand.printText(new java.io.PrintWriter(text), r);
        String json = Json.mapper().writeValueAsString(ReportJson.toJson(r));

        assertThat(r.artifacts()).extracting(ArtifactReport::name).contains("notes\\n\\e[2JPASSED.txt");
        assertThat(r.artifacts().stream().filter(a -> a.archive().isPresent()).findFirst().orElseThrow()
                .archive().orElseThrow().unapprovedHeaders()).contains("evil\\nPASSED: 1 artifact(s)\\e[2J.txt");
        assertThat(text.toString()).doesNotContain("\u001b").doesNotContain("\nPASSED: 1 artifact(s)")
                .contains("evil\\nPASSED: 1 artifact(s)\\e[2J.txt");
        assertThat(json).doesNotContain("\u001b");
        assertThat(VoteReply.draft(r, "t")).doesNotContain("\u001b").doesNotContain("\nPASSED");
    }

    @Test
    void aJarIsCompiledCodeOnlyWhenItHoldsClassOrNativeFiles() throws Exception {
        Map<String, byte[]> files = clean();
        files.put(TOP + "/src/it/clean/target/fixture.jar", jar(Map.of("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\n", "empty.txt", "")));
        files.put(TOP + "/lib/real.jar", jar(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n",
                "org/example/A.class", "\u00ca\u00fe\u00ba\u00be", "org/example/B.class", "x",
                "native/libfoo.so", "\u007fELF")));
        Path tgz = rc().resolve(TOP + ".tar.gz");
        Archives.tarGz(tgz, files);

        VerifyReport r = verify(tgz.getParent());

        ArchiveReport a = r.artifacts().get(0).archive().orElseThrow();
        assertThat(a.binaries()).containsExactly(TOP + "/lib/real.jar (a jar/zip holding 2 .class file(s),"
                + " 1 native file(s), 1 other file(s))");
        assertFinding(about(r, tgz.getFileName().toString()), Severity.NOTE, TOP + "/src/it/clean/target/fixture.jar"
                + " (a jar/zip holding no compiled code, only 2 file(s): ");
    }

    @Test
    void linksInTheRcFolderAreNeverFollowedAndDeepFilesAreReported() throws Exception {
        Path rc = rc();
        Files.createSymbolicLink(rc.resolve("etc-bin.tar.gz"), Path.of("/etc"));
        Files.createSymbolicLink(rc.resolve("pagemap-bin.tar.gz"), Path.of("/proc/self/pagemap"));
        Path deep = Files.createDirectories(rc.resolve("a/b/c/d/e"));
        Files.writeString(deep.resolve("hidden-bin.tar.gz"), "x");

        VerifyReport r = verify(rc);

        assertThat(r.artifacts()).isEmpty();
        assertFinding(r.findingsFor("etc-bin.tar.gz"), Severity.BLOCKER, "A link to \"/etc\", outside the RC folder");
        assertFinding(r.findingsFor("pagemap-bin.tar.gz"), Severity.BLOCKER, "\"/proc/self/pagemap\", outside");
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("a/b/c/d/");
            assertThat(f.message()).contains("more than 4 levels deep");
        });
    }

    @Test
    void anUnusableTempFolderIsALocalProblemNotADamagedArchive() throws Exception {
        Path rc = rc();
        Archives.tarGz(rc.resolve(TOP + ".tar.gz"), clean());
        Path notAFolder = Files.writeString(tmp.resolve("tmp-is-a-file"), "x");

        VerifyReport r = new Verifier().withTempRoot(notAFolder)
                .verify(new VerifyRequest(rc, Optional.empty(), false), Progress.NONE);

        assertThat(r.notChecked()).anySatisfy(m -> assertThat(m).contains(TOP + ".tar.gz: The temporary folder "
                + notAFolder + " cannot be used").contains("not of the candidate"));
        assertThat(r.findings()).noneSatisfy(f -> assertThat(f.message()).contains("damaged"));
    }

    @Test
    @Timeout(120)
    void entryNamesAreDecodedAsTheFormatsDefineWhateverTheLocale() throws Exception {
        Path rc = rc();
        Map<String, byte[]> files = clean();
        files.put(TOP + "/docs/\u00f1and\u00fa.txt", "no header\n".getBytes(StandardCharsets.UTF_8));
        Path tgz = rc.resolve(TOP + ".tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(tgz)), "UTF-8")) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        Archives.zip(rc.resolve(TOP + ".zip"), files);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Tools.Result run = Tools.run(tmp, List.of(java, "-Dfile.encoding=ANSI_X3.4-1968",
                "-Dsun.jnu.encoding=ANSI_X3.4-1968", "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), "io.releasepilot.app.Main", "verify", rc.toString(), "--json"),
                Map.of("LANG", "C", "LC_ALL", "C"), null);

        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("findings").findValuesAsText("message")).as(run.err())
                .noneSatisfy(m -> assertThat(m).contains("damaged"));
        List<String> withoutHeader = new ArrayList<>();
        json.get("artifacts").forEach(a -> a.get("archive").get("filesWithoutLicenseHeader")
                .forEach(n -> withoutHeader.add(a.get("name").asText() + ":" + n.asText())));
        assertThat(withoutHeader).containsExactlyInAnyOrder(TOP + ".tar.gz:docs/\u00f1and\u00fa.txt",
                TOP + ".zip:docs/\u00f1and\u00fa.txt");
    }

    // ---- builders for archives no real tool makes ----

    interface TarBody {
        void write(TarArchiveOutputStream tar) throws Exception;
    }

    private static void writeTar(Path tgz, TarBody extra) throws Exception {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(tgz)))) {
            for (Map.Entry<String, byte[]> e : clean().entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            extra.write(tar);
        }
    }

    private static void hardLink(TarArchiveOutputStream tar, String name, String target) throws Exception {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
        e.setLinkName(target);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static byte[] jar(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.ISO_8859_1));
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip whose every entry is STORED with general-purpose bit 3 and a data descriptor after its data. */
    private static byte[] storedWithDataDescriptors(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int count = 0;
        for (Map.Entry<String, byte[]> e : new LinkedHashMap<>(files).entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.size();
            ByteBuffer local = le(30 + name.length).putInt(0x04034b50).putShort((short) 10).putShort((short) 0x0808)
                    .putShort((short) 0).putInt(0).putInt(0).putInt(0).putInt(0).putShort((short) name.length)
                    .putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(data);
            out.writeBytes(le(16).putInt(0x08074b50).putInt((int) crc.getValue()).putInt(data.length)
                    .putInt(data.length).array());
            central.writeBytes(le(46 + name.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 10)
                    .putShort((short) 0x0808).putShort((short) 0).putInt(0).putInt((int) crc.getValue())
                    .putInt(data.length).putInt(data.length).putShort((short) name.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(name)
                    .array());
            count++;
        }
        int cdOffset = out.size();
        byte[] cd = central.toByteArray();
        out.writeBytes(cd);
        out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count)
                .putShort((short) count).putInt(cd.length).putInt(cdOffset).putShort((short) 0).array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void put(byte[] block, int at, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, block, at, v.length);
    }

    private static void checksum(byte[] header) {
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
