package io.releasepilot.gui.verify;

import io.releasepilot.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** When the checks cannot run, the banner says what is missing and what to do, and gives no vote advice. */
@ExtendWith(ApplicationExtension.class)
class VerifyBannerTest {

    private static VerifyViewModel verify(Path folder) throws Exception {
        VerifyViewModel model = WaitForAsyncUtils.asyncFx(() -> new VerifyViewModel(Verifier::new))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> model.drop(folder)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !model.runningProperty().get() && model.outcomeProperty().get() != VerifyViewModel.Outcome.NONE)
                .get());
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    @Test
    void anEmptyFolderSaysToChooseTheCandidatesFolder(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        VerifyViewModel model = verify(empty);
        assertThat(model.outcomeProperty().get()).isEqualTo(VerifyViewModel.Outcome.INCOMPLETE);
        assertThat(model.bannerProperty().get()).isEqualTo("Nothing to check: " + empty + " holds no release"
                + " artifacts (such as apache-<project>-<version>-src.tar.gz with its .asc and .sha512). Choose the"
                + " release candidate's folder, e.g. your svn checkout of dist/dev/<project>/<version>-rcN.");
        assertThat(model.voteReplyProperty().get()).as("no vote advice").isEmpty();
    }

    @Test
    void noKeysSaysToChooseTheProjectsKeys(@TempDir Path tmp) throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("rc"));
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz"), "not really an archive");
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz.asc"), "not really a signature");
        VerifyViewModel model = verify(rc);
        assertThat(model.outcomeProperty().get()).isEqualTo(VerifyViewModel.Outcome.INCOMPLETE);
        assertThat(model.bannerProperty().get()).isEqualTo("The signatures of the artifact could not be checked: no"
                + " KEYS file was given or found beside them. Choose the project's KEYS"
                + " (https://downloads.apache.org/<project>/KEYS) with \"Choose KEYS\u2026\" and verify again.")
                .doesNotContain("vote");
        assertThat(model.voteReplyProperty().get()).as("no vote advice").isEmpty();
        assertThat(model.rows()).hasSize(1);
        assertThat(model.rows().get(0).details()).contains("The archive is damaged or not a gzip-compressed tar"
                + " archive: ").contains(". Download it again").doesNotContain(".. ").doesNotContain("null");
    }
}
