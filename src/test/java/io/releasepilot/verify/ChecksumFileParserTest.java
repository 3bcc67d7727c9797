package io.releasepilot.verify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every checksum form a voter meets, read as the same value. */
class ChecksumFileParserTest {
    static final String SHA512 = "aa529b09f0f95e75c4f1ab3a1f6e5bd7a4c0d2dd33e3f1fb3d50f92cf2c0cbbc"
            + "4b6d0d7e4b6ee0f2b1e4e8a3a2c1b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2";
    static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String NAME = "apache-kvrocks-2.4.0-src.tar.gz";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            coreutils two spaces      | {n}        | {h}  {n}\\n
            coreutils binary mode     | {n}        | {h} *{n}\\n
            shasum one space          | {n}        | {h} {n}
            bare hex, no newline      | ''         | {h}
            bare hex, newline         | ''         | {h}\\n
            bare upper-case hex       | ''         | {H}\\n
            BSD                       | {n}        | SHA512 ({n}) = {h}\\n
            OpenSSL 1                 | {n}        | SHA512({n})= {h}\\n
            OpenSSL 3                 | {n}        | SHA2-512({n})= {h}\\n
            with a path               | ./dist/{n} | {h}  ./dist/{n}\\n
            windows line ends         | {n}        | {h}  {n}\\r\\n
            name colon hex            | {n}        | {n}: {h}\\n
            several files             | {n}        | 00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000  other.zip\\n{h}  {n}\\n
            """)
    void readsEveryFormAsTheSameSha512(String form, String expectedName, String template) {
        String content = template.replace("{h}", SHA512).replace("{H}", SHA512.toUpperCase())
                .replace("{n}", NAME).replace("\\n", "\n").replace("\\r", "\r");
        ChecksumFileParser.Parsed parsed = ChecksumFileParser.parse(content.getBytes(StandardCharsets.UTF_8),
                ChecksumAlgorithm.SHA512, NAME);
        assertThat(parsed).isInstanceOf(ChecksumFileParser.Value.class);
        ChecksumFileParser.Value v = (ChecksumFileParser.Value) parsed;
        assertThat(v.hex()).isEqualTo(SHA512);
        assertThat(v.name()).isEqualTo(expectedName.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(expectedName.replace("{n}", NAME)));
    }

    @org.junit.jupiter.api.Test
    void readsGpgPrintMdWrappedOverLinesWithTheNameAloneOnTheFirst() {
        String up = SHA512.toUpperCase();
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < up.length(); i += 8) {
            groups.append(up, i, i + 8).append(i % 64 == 56 ? "\n                 " : " ");
        }
        String sameLine = NAME + ": " + groups.toString().strip() + "\n";
        String nameAlone = NAME + ":\n                 " + groups.toString().strip() + "\n";
        for (String content : new String[] {sameLine, nameAlone}) {
            var parsed = ChecksumFileParser.parse(content.getBytes(StandardCharsets.UTF_8), ChecksumAlgorithm.SHA512,
                    NAME);
            assertThat(parsed).as(content).isEqualTo(new ChecksumFileParser.Value(SHA512, ChecksumAlgorithm.SHA512,
                    java.util.Optional.of(NAME)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                     | ''                                   | 0 | the file is empty
            prose                     | please verify with sha512sum         | 1 | not a checksum line
            SHA-256 in a .sha512      | {s}  {n}                             | 1 | 64 hex digits (SHA-256)
            truncated hex             | aa529b09f0f95e75  {n}                | 1 | not a checksum line
            algorithm tag disagrees   | SHA256 ({n}) = {s}                   | 1 | says SHA-256 but the file name says SHA-512
            second line is garbage    | {h}  {n}\\n<html>404</html>           | 2 | not a checksum line
            """)
    void reportsUnreadableFilesWithTheOffendingLine(String what, String template, int line, String reason) {
        String content = template.replace("{h}", SHA512).replace("{s}", SHA256).replace("{n}", NAME)
                .replace("\\n", "\n");
        var parsed = ChecksumFileParser.parse(content.getBytes(StandardCharsets.UTF_8), ChecksumAlgorithm.SHA512, NAME);
        assertThat(parsed).isInstanceOf(ChecksumFileParser.Unreadable.class);
        var u = (ChecksumFileParser.Unreadable) parsed;
        assertThat(u.line()).isEqualTo(line);
        assertThat(u.reason()).contains(reason);
    }

    @org.junit.jupiter.api.Test
    void aHugeFileIsRefusedWithoutReadingItAsText() {
        var parsed = ChecksumFileParser.parse(new byte[ChecksumFileParser.MAX_SIZE + 1], ChecksumAlgorithm.SHA512, NAME);
        assertThat(((ChecksumFileParser.Unreadable) parsed).reason()).contains("a checksum file is one line");
    }

    @org.junit.jupiter.api.Test
    void binaryGarbageIsUnreadable() {
        byte[] garbage = new byte[300];
        new java.util.Random(1).nextBytes(garbage);
        assertThat(ChecksumFileParser.parse(garbage, ChecksumAlgorithm.SHA512, NAME))
                .isInstanceOf(ChecksumFileParser.Unreadable.class);
    }
}
