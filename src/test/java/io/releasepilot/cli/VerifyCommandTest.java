package io.releasepilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.Json;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** release-pilot verify, as a voter runs it: exit codes, the JSON contract, the text and the vote reply. */
class VerifyCommandTest {
    @TempDir
    static Path tmp;
    static Gpg gpg;
    static Path rc;
    static Path keys;
    static String fpr;

    @BeforeAll
    static void candidate() throws Exception {
        gpg = new Gpg(tmp.resolve("gnupg"));
        fpr = gpg.generate("Jane Doe <jdoe@apache.org>", "ed25519", "0", null);
        keys = tmp.resolve("KEYS");
        Files.writeString(keys, gpg.exportArmored(fpr));
        rc = Files.createDirectories(tmp.resolve("1.0.0-rc1"));
        Path tgz = rc.resolve("apache-demo-1.0.0-src.tar.gz");
        Archives.tarGz(tgz, Archives.cleanTree("apache-demo-1.0.0-src"));
        gpg.sign(tgz, fpr, null, "--digest-algo", "SHA512");
        Tools.require("sha512sum");
        Files.writeString(rc.resolve(tgz.getFileName() + ".sha512"),
                Tools.run(rc, List.of("sha512sum", tgz.getFileName().toString())).out());
    }

    @AfterAll
    static void stop() {
        if (gpg != null) {
            gpg.close();
        }
    }

    @Test
    void aGoodCandidateExitsZeroWithTheJsonContract() throws Exception {
        CliRun run = CliRun.run("verify", rc.toString(), "--keys", keys.toString(), "--json");
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCodes.OK);
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("passed").asBoolean()).isTrue();
        JsonNode artifact = json.get("artifacts").get(0);
        assertThat(artifact.get("name").asText()).isEqualTo("apache-demo-1.0.0-src.tar.gz");
        JsonNode sig = artifact.get("signature");
        assertThat(sig.get("status").asText()).isEqualTo("GOOD");
        assertThat(sig.get("fingerprint").asText()).isEqualTo(fpr).hasSize(40);
        assertThat(sig.get("keyId").asText()).hasSize(16);
        assertThat(sig.get("userId").asText()).isEqualTo("Jane Doe <jdoe@apache.org>");
        assertThat(sig.get("created").asText()).endsWith("Z");
        assertThat(sig.get("hashAlgorithm").asText()).isEqualTo("SHA-512");
        JsonNode sum = artifact.get("checksums").get(0);
        assertThat(sum.get("file").asText()).isEqualTo("apache-demo-1.0.0-src.tar.gz.sha512");
        assertThat(sum.get("algorithm").asText()).isEqualTo("SHA-512");
        assertThat(sum.get("status").asText()).isEqualTo("MATCH");
        assertThat(json.get("findings").isArray()).isTrue();
    }

    @Test
    void jsonIsTheOnlyThingOnStandardOutputEvenWhenALibraryLogs() throws Exception {
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        CliRun run;
        try {
            System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            run = CliRun.run("verify", rc.toString(), "--keys", keys.toString(), "--json");
            // what Apache RAT 0.18 prints on standard output for a file in a charset it cannot read
            org.apache.rat.utils.DefaultLog.getInstance().warn("Unsupported character set 'IBM424_ltr' in file x");
        } finally {
            System.setOut(stdout);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        com.fasterxml.jackson.core.JsonParser parser = Json.mapper().createParser(run.out());
        JsonNode document = Json.mapper().readTree(parser);
        assertThat(document.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(parser.nextToken()).as("nothing after the one JSON document").isNull();
    }

    @Test
    void theTextSaysWhatWasCheckedAndDraftsAVoteReply() {
        CliRun run = CliRun.run("verify", rc.toString(), "--keys", keys.toString(), "--vote-reply");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("signature GOOD", "SHA-512 MATCH", "PASSED: 1 artifact(s), 0 blocker(s)",
                "----- draft vote reply -----", "+1", "license headers checked with Apache RAT");
    }

    @Test
    void aFailedCheckExitsOneAndBadUsageTwo() throws Exception {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("apache-demo-1.0.0-bin.tar.gz"), "x");
        CliRun failed = CliRun.run("verify", bad.toString(), "--keys", keys.toString(), "--json");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        JsonNode json = Json.mapper().readTree(failed.out());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("artifacts").get(0).get("signature").get("status").asText()).isEqualTo("MISSING");
        assertThat(json.get("findings").findValuesAsText("severity")).contains("BLOCKER");

        CliRun missing = CliRun.run("verify", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(missing.err()).contains("is not a folder");
        CliRun noKeys = CliRun.run("verify", rc.toString(), "--keys", tmp.resolve("NOKEYS").toString());
        assertThat(noKeys.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(noKeys.err()).contains("does not exist");
        assertThat(CliRun.run("verify").exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
    }
}
