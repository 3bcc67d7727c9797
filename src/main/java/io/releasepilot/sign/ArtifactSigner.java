package io.releasepilot.sign;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.IoErrors;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.Signer;
import io.releasepilot.pgp.KeyRingSet;
import io.releasepilot.pgp.PendingSignature;
import io.releasepilot.pgp.SignatureCheck;
import io.releasepilot.pgp.SignatureStatus;
import io.releasepilot.pgp.SignatureVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Signs artifacts: for each, one read gives the SHA-512 of the {@code .sha512} file (sha512sum form) and the
 * detached ASCII-armored {@code .asc}; the signature is then checked against the signer's public key before
 * anything is written (as Kafka's release script does). Files are written atomically.
 */
public final class ArtifactSigner {
    private static final int CHUNK = 1 << 20;

    /** One signed artifact. */
    public record Signed(Path artifact, Path asc, Path sha512, String sha512Hex, long size, SignatureCheck check) {
    }

    private ArtifactSigner() {
    }

    public static List<Signed> signAll(List<Path> artifacts, Signer signer, KeyRingSet publicKeys, Progress progress)
            throws ReleasePilotException {
        return signAll(artifacts, signer, () -> publicKeys, progress);
    }

    /** The public key to check against is fetched on another thread while the first artifact is read. */
    public interface KeySource {
        KeyRingSet get() throws ReleasePilotException;
    }

    public static List<Signed> signAll(List<Path> artifacts, Signer signer, KeySource publicKeys, Progress progress)
            throws ReleasePilotException {
        java.util.concurrent.CompletableFuture<KeyRingSet> keys = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return publicKeys.get();
                    } catch (ReleasePilotException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        long total = 0;
        for (Path a : artifacts) {
            if (!Files.isRegularFile(a)) {
                throw new ReleasePilotException(a + " is not a file.", "Give the artifacts to sign, e.g. the"
                        + " .tar.gz files in the release folder's artifacts/.");
            }
            total += size(a);
        }
        progress.begin("Signing " + artifacts.size() + " artifact(s) with " + signer.backend(), total);
        List<Signed> result = new ArrayList<>();
        for (Path a : artifacts) {
            result.add(sign(a, signer, keys, progress));
        }
        return result;
    }

    private static KeyRingSet await(java.util.concurrent.CompletableFuture<KeyRingSet> keys)
            throws ReleasePilotException {
        try {
            return keys.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof ReleasePilotException rp) {
                throw rp;
            }
            throw e;
        }
    }

    private static Signed sign(Path artifact, Signer signer, java.util.concurrent.CompletableFuture<KeyRingSet> keys,
                               Progress progress)
            throws ReleasePilotException {
        MessageDigest sha512 = sha512();
        byte[] asc;
        try (Signer.Session session = signer.start()) {
            boolean stream = session.needsData();
            session.update(new byte[0], 0, 0);
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            byte[] array = buffer.array();
            try (FileChannel channel = FileChannel.open(artifact, StandardOpenOption.READ)) {
                int n;
                while ((n = channel.read(buffer.clear())) >= 0) {
                    progress.checkCancelled("Signing");
                    sha512.update(array, 0, n);
                    if (stream) {
                        session.update(array, 0, n);
                    } else {
                        session.update(array, 0, 0);
                    }
                    progress.worked(n);
                }
            }
            asc = session.finish(sha512);
        } catch (IOException e) {
            throw IoErrors.failure("Could not read", artifact, e);
        }
        SignatureCheck check = verify(artifact, asc, sha512, await(keys));
        if (check.status() != SignatureStatus.GOOD) {
            throw new ReleasePilotException("The signature just made for " + artifact.getFileName()
                    + " does not check out against key " + signer.fingerprint().grouped() + ": " + check.message(),
                    "Nothing was written. Check that the key in KEYS is the one you sign with.");
        }
        String hex = HexFormat.of().formatHex(sha512.digest());
        Path ascFile = artifact.resolveSibling(artifact.getFileName() + ".asc");
        Path shaFile = artifact.resolveSibling(artifact.getFileName() + ".sha512");
        try (AtomicFiles.Group both = AtomicFiles.group()) {
            both.write(ascFile, asc, false);
            both.write(shaFile, (hex + "  " + artifact.getFileName() + "\n").getBytes(StandardCharsets.UTF_8), false);
            both.commit();
        } catch (IOException e) {
            throw new ReleasePilotException("Could not write " + ascFile.getFileName() + " and "
                    + shaFile.getFileName() + " beside " + artifact + ": " + IoErrors.reason(e) + ". Neither was"
                    + " written; any earlier ones are unchanged.", IoErrors.fix(e, ascFile.getParent()), e);
        }
        return new Signed(artifact, ascFile, shaFile, hex, size(artifact), check);
    }

    /** Checks the new signature from the same digest; falls back to a second read only for unusual keys. */
    private static SignatureCheck verify(Path artifact, byte[] asc, MessageDigest sha512, KeyRingSet keys)
            throws ReleasePilotException {
        PendingSignature pending = new SignatureVerifier(keys).start(asc);
        if (pending.needsData()) {
            try (InputStream in = Files.newInputStream(artifact)) {
                byte[] buffer = new byte[CHUNK];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    pending.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw IoErrors.failure("Could not read", artifact, e);
            }
        }
        return pending.finish(Map.of("SHA-512", sha512), Instant.now());
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path p) throws ReleasePilotException {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw IoErrors.failure("Could not read", p, e);
        }
    }
}
