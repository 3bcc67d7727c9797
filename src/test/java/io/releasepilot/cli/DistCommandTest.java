package io.releasepilot.cli;

import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.PublishOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.Workspace;
import io.releasepilot.testing.DistServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code release-pilot dist ...} in process against a real svnserve and httpd. */
class DistCommandTest {

    private static Path workspace(Path tmp, DistServer server) throws Exception {
        Path dir = tmp.resolve("release");
        ReleaseProfile d = ReleaseProfile.withDefaults("demo", false, "1.0.0");
        ReleaseProfile p = new ReleaseProfile(d.projectId(), d.displayName(), false, "1.0.0", 1, "", d.rcTagPattern(),
                d.releaseTagPattern(), d.branchPattern(), server.devUrl(), server.releaseUrl(), d.devList(),
                d.announceList(), "Rita Manager", "rm", "rm@apache.org", "", d.signingBackend(), d.gnupgHome());
        new ReleaseStore().create(dir, p);
        Path rc = Files.createDirectories(dir.resolve("artifacts/1.0.0-rc1"));
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz"), "artifact bytes\n");
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz.asc"), "sig\n");
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz.sha512"), "abc  apache-demo-1.0.0-src.tar.gz\n");
        return dir;
    }

    private static Path passwordFile(Path tmp, String password) throws Exception {
        return Files.writeString(tmp.resolve("pw-" + password.length()), password + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void stagesPublishesAndPrunesFromTheCommandLineAndRecordsEachStep(String kind, @TempDir Path tmp)
            throws Exception {
        try (DistServer server = kind.equals("httpd") ? DistServer.httpd(tmp) : DistServer.svnserve(tmp)) {
            Path dir = workspace(tmp, server);
            Path pw = passwordFile(tmp, DistServer.RM_PASSWORD);
            CliRun dry = CliRun.run("dist", "stage", "--dir", dir.toString(), "--dry-run");
            assertThat(dry.exitCode()).as(dry.err()).isZero();
            assertThat(dry.out()).isEqualTo("Will commit " + server.devUrl() + "1.0.0-rc1/ (3 files, 53 bytes):\n"
                    + "  apache-demo-1.0.0-src.tar.gz  15 bytes\n  apache-demo-1.0.0-src.tar.gz.asc  4 bytes\n"
                    + "  apache-demo-1.0.0-src.tar.gz.sha512  34 bytes\nDry run: nothing was committed.\n");
            CliRun stage = CliRun.run("dist", "stage", "--dir", dir.toString(), "--password-file", pw.toString());
            assertThat(stage.exitCode()).as(stage.err()).isZero();
            assertThat(stage.out()).contains("Staged " + server.devUrl() + "1.0.0-rc1/ in r2;")
                    .contains("Next: call the vote with this URL: release-pilot mail vote --dir " + dir + " --send");
            ReleaseRecord r = new ReleaseStore().load(new Workspace(dir));
            assertThat(r.step(StepId.STAGE).status()).isEqualTo(StepState.DONE);
            assertThat(r.outputs(StepId.STAGE, StageOutputs.class).revision()).isEqualTo(2);

            CliRun refused = CliRun.run("dist", "publish", "--dir", dir.toString(), "--password-file", pw.toString());
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
            assertThat(refused.err()).contains("The record holds no passed tally for 1.0.0-rc1.");
            CliRun publish = CliRun.run("dist", "publish", "--dir", dir.toString(), "--password-file", pw.toString(),
                    "--override-vote", "Tally kept on paper");
            assertThat(publish.exitCode()).as(publish.err()).isZero();
            assertThat(new ReleaseStore().load(new Workspace(dir)).outputs(StepId.PUBLISH, PublishOutputs.class)
                    .override()).isEqualTo("Tally kept on paper");
            assertThat(server.tree("release/demo")).contains("release/demo/1.0.0/apache-demo-1.0.0-src.tar.gz");

            server.mkdir("release/demo/0.9.0");
            CliRun prune = CliRun.run("dist", "prune", "--dir", dir.toString(), "--dry-run");
            assertThat(prune.out()).isEqualTo("  keep   " + server.releaseUrl() + "1.0.0/  (newest release of the 1.0"
                    + " line)\n  keep   " + server.releaseUrl() + "0.9.0/  (newest release of the 0.9 line)\n"
                    + "Nothing to remove.\n");

            for (CliRun run : new CliRun[] {dry, stage, refused, publish, prune}) {
                assertThat(run.out() + run.err()).doesNotContain(DistServer.RM_PASSWORD);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.filter(Files::isRegularFile).filter(f -> {
                    try {
                        return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                                .contains(DistServer.RM_PASSWORD);
                    } catch (java.io.IOException e) {
                        return true;
                    }
                }).toList()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void committerWithoutReleaseRightsIsToldWhatToSendToThePmc(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = kind.equals("httpd") ? DistServer.httpd(tmp) : DistServer.svnserve(tmp)) {
            Path dir = workspace(tmp, server);
            Path pw = passwordFile(tmp, DistServer.COMMITTER_PASSWORD);
            assertThat(CliRun.run("dist", "stage", "--dir", dir.toString(), "--username", "committer",
                    "--password-file", pw.toString()).exitCode()).isZero();
            CliRun publish = CliRun.run("dist", "publish", "--dir", dir.toString(), "--username", "committer",
                    "--password-file", pw.toString(), "--override-vote", "test");
            assertThat(publish.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
            assertThat(publish.err()).contains("Error: The server does not let user 'committer' write to "
                    + server.releaseUrl() + "1.0.0/")
                    .contains("Subject: Please publish 1.0.0 to dist/release")
                    .contains("svn mv -m \"Publish Apache Demo 1.0.0\"")
                    .doesNotContain(DistServer.COMMITTER_PASSWORD);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void wrongPasswordOnTheCommandLineNamesTheUser(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = kind.equals("httpd") ? DistServer.httpd(tmp) : DistServer.svnserve(tmp)) {
            Path dir = workspace(tmp, server);
            CliRun stage = CliRun.run("dist", "stage", "--dir", dir.toString(), "--password-file",
                    passwordFile(tmp, "wrong-password-123").toString());
            assertThat(stage.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
            assertThat(stage.err()).contains("Error: The server 127.0.0.1:" + server.port()
                    + " did not accept the password of user 'rm' while staging " + server.devUrl() + "1.0.0-rc1/.")
                    .doesNotContain("wrong-password-123");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svnserve", "httpd"})
    void fetchAndVerifyAUrlTakeKeysFromDistRelease(String kind, @TempDir Path tmp) throws Exception {
        try (DistServer server = kind.equals("httpd") ? DistServer.httpd(tmp) : DistServer.svnserve(tmp)) {
            Path dir = workspace(tmp, server);
            CliRun.run("dist", "stage", "--dir", dir.toString(), "--password-file",
                    passwordFile(tmp, DistServer.RM_PASSWORD).toString());
            server.putFile("release/demo/KEYS", "no keys here\n".getBytes(StandardCharsets.UTF_8), "KEYS");
            Path out = tmp.resolve("fetched");
            CliRun fetch = CliRun.run("dist", "fetch", server.devUrl() + "1.0.0-rc1/", "--out", out.toString());
            assertThat(fetch.exitCode()).as(fetch.err()).isEqualTo(ExitCodes.CHECKS_FAILED);
            assertThat(fetch.out()).startsWith("Fetched 3 files of " + server.devUrl() + "1.0.0-rc1/ (r3) into ")
                    .contains("KEYS used:         " + out.resolve("KEYS") + " (0 keys)");
            assertThat(out.resolve("KEYS")).hasContent("no keys here");
            assertThat(out.resolve("1.0.0-rc1/apache-demo-1.0.0-src.tar.gz")).hasContent("artifact bytes");
            CliRun verify = CliRun.run("verify", server.devUrl() + "1.0.0-rc1/");
            assertThat(verify.exitCode()).as(verify.err()).isEqualTo(ExitCodes.CHECKS_FAILED);
            assertThat(verify.out()).contains("Release candidate: ").contains("1.0.0-rc1").contains("KEYS used:");
        }
    }
    @org.junit.jupiter.api.Test
    void distKeysOfAKeyOnlyInGnuPgAppendsWhatGpgExports(@TempDir Path tmp) throws Exception {
        try (DistServer server = DistServer.svnserve(tmp);
             io.releasepilot.testing.Gpg gpg = new io.releasepilot.testing.Gpg(tmp.resolve("gnupg"))) {
            Path dir = workspace(tmp, server);
            String fpr = gpg.generate("Rita Manager <rm@apache.org>", "ed25519", "0", null);
            Path emptyHome = Files.createDirectories(tmp.resolve("rp-home"));
            CliRun use = CliRun.run("keys", "use", "--dir", dir.toString(), "--key", fpr, "--gpg", "--gnupg-home",
                    gpg.home().toString(), "--home", emptyHome.toString());
            assertThat(use.exitCode()).as(use.err()).isZero();
            CliRun keys = CliRun.run("dist", "keys", "--dir", dir.toString(), "--home", emptyHome.toString(),
                    "--password-file", passwordFile(tmp, DistServer.RM_PASSWORD).toString());
            assertThat(keys.exitCode()).as(keys.err()).isZero();
            String text = server.cat("release/demo/KEYS");
            // the key block is gpg's own export, byte for byte, below the gpg --list-sigs style listing
            assertThat(text).contains("pub   ").contains(fpr.toUpperCase(java.util.Locale.ROOT))
                    .contains("uid           [ultimate] Rita Manager <rm@apache.org>")
                    .contains(gpg.exportArmored(fpr).strip());
            assertThat(io.releasepilot.pgp.KeysReader.parse(text, "KEYS")
                    .contains(io.releasepilot.pgp.Fingerprint.parse(fpr))).isTrue();
            assertThat(new ReleaseStore().load(new Workspace(dir)).step(StepId.KEYS_FILE).status())
                    .isEqualTo(StepState.DONE);
        }
    }
}
