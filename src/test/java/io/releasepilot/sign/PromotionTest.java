package io.releasepilot.sign;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.Signer;
import io.releasepilot.pgp.KeyInfo;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.pgp.SignatureStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A passed RC becomes the release: as is when names carry no RC marker, renamed and re-signed when they do. */
class PromotionTest {
    @TempDir
    Path tmp;

    @Test
    void namesWithoutAnRcMarkerNeedNothing() {
        List<Promotion.Step> plan = Promotion.plan(List.of(Path.of("apache-kvrocks-2.4.0-src.tar.gz"),
                Path.of("apache-arc-1.0.0-incubating-src.zip")));
        assertThat(Promotion.nothingToDo(plan)).isTrue();
    }

    @Test
    void mxnetStyleNamesAreRenamedResignedAndResummed() throws Exception {
        Path rc = Files.createDirectories(tmp.resolve("rc"));
        Path artifact = Files.writeString(rc.resolve("apache-mxnet-src-1.2.0.rc1-incubating.tar.gz"), "sources");
        List<Promotion.Step> plan = Promotion.plan(List.of(artifact));
        assertThat(plan.get(0).releaseName()).isEqualTo("apache-mxnet-src-1.2.0-incubating.tar.gz");
        KeyService keys = new KeyService(new AppHome(tmp.resolve("home")));
        KeyInfo key;
        try (Passphrase p = new Passphrase("pw".toCharArray())) {
            key = keys.generate(new KeySpec("R M", "rm@apache.org", "", Optional.empty(), 2048), p, Progress.NONE).key();
        }
        Signer signer = keys.builtInSigner(key.fingerprint(), () -> new Passphrase("pw".toCharArray()));
        List<ArtifactSigner.Signed> signed = Promotion.apply(plan, tmp.resolve("release"), signer,
                keys.publicKeys(signer, null), Progress.NONE);
        assertThat(signed).hasSize(1);
        assertThat(signed.get(0).check().status()).isEqualTo(SignatureStatus.GOOD);
        assertThat(tmp.resolve("release/apache-mxnet-src-1.2.0-incubating.tar.gz.asc")).exists();
        assertThat(Files.readString(tmp.resolve("release/apache-mxnet-src-1.2.0-incubating.tar.gz.sha512")))
                .endsWith("  apache-mxnet-src-1.2.0-incubating.tar.gz\n");
    }
}
