package io.releasepilot.verify;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.pgp.KeyRingSet;
import io.releasepilot.pgp.KeysReader;
import io.releasepilot.pgp.PendingSignature;
import io.releasepilot.pgp.SignatureCheck;
import io.releasepilot.pgp.SignatureVerifier;
import io.releasepilot.pgp.SignerDetails;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies a release-candidate folder: pairs artifacts with their signature and checksum files, then reads each
 * artifact once for its digests, feeding every checksum and the signature's hash from that one read. The content
 * checks of a source archive start at once, before KEYS are loaded, with a read of their own beside the hashing
 * (from the page cache), so the two run on two cores. Artifacts are checked in parallel; memory stays flat
 * whatever their size.
 */
public final class Verifier {
    private static final int CHUNK = 1 << 20;
    private final Clock clock;
    private final ArchiveLimits limits;
    private final int threads;
    private Path tempRoot;

    public Verifier(Clock clock, ArchiveLimits limits, int threads) {
        this.clock = clock;
        this.limits = limits;
        this.threads = Math.max(1, threads);
    }

    public Verifier() {
        this(Clock.systemUTC(), ArchiveLimits.DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    /** Where archives' temporary folders go (default: java.io.tmpdir). */
    public Verifier withTempRoot(Path root) {
        this.tempRoot = root;
        return this;
    }

    public VerifyReport verify(VerifyRequest request, Progress progress) throws ReleasePilotException {
        Path folder = request.folder().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new ReleasePilotException(folder + " is not a folder.",
                    "Give the folder that holds the release candidate's artifacts, .asc and .sha512 files.");
        }
        RcFolder rc;
        try {
            rc = RcFolder.scan(folder);
        } catch (IOException e) {
            throw new ReleasePilotException("Could not list " + folder + ": " + e.getMessage(),
                    "Check that the folder exists and that you may read it.", e);
        }
        List<Finding> findings = new ArrayList<>(rc.findings());
        List<String> notChecked = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService inspectors = Executors.newCachedThreadPool(daemon("inspect"));
        ExecutorService workers = null;
        try {
            // The content checks need neither KEYS nor the signature: they start now, beside everything else.
            Map<RcFolder.Artifact, Inspection> inspections = new LinkedHashMap<>();
            for (RcFolder.Artifact a : rc.artifacts()) {
                if (ArchiveInspector.isSourceArchive(a.name())) {
                    inspections.put(a, inspect(a, request.incubating(), inspectors, progress));
                }
            }
            Optional<Path> keysPath = request.keysFile().isPresent() ? request.keysFile() : findKeys(folder);
            KeyRingSet keys = loadKeys(keysPath, request.keysFile().isPresent(), findings, notChecked);
            if (rc.artifacts().isEmpty()) {
                findings.add(Finding.blocker("", "No artifacts found in " + folder + "."));
            }
            long total = rc.artifacts().stream().mapToLong(RcFolder.Artifact::size).sum();
            progress.begin("Verifying " + rc.artifacts().size() + " artifact(s)", total);

            SignatureVerifier verifier = new SignatureVerifier(keys);
            boolean keysUsable = !keys.isEmpty();
            workers = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, rc.artifacts().size())),
                    daemon("verify"));
            List<Future<Checked>> futures = new ArrayList<>();
            for (RcFolder.Artifact a : rc.artifacts()) {
                Inspection inspection = inspections.get(a);
                futures.add(workers.submit(() -> check(a, verifier, keysUsable, inspection, progress, notChecked)));
            }
            List<ArtifactReport> reports = new ArrayList<>();
            for (Future<Checked> f : futures) {
                Checked c = f.get();
                reports.add(c.report());
                findings.addAll(c.findings());
            }
            progress.checkCancelled("Verification");
            findings.sort(Comparator.comparing(Finding::file).thenComparing(Finding::severity));
            return new VerifyReport(folder, keysPath, keys.size(), reports, findings, notChecked);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("Verification");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReleasePilotException rp) {
                throw rp;
            }
            throw new IllegalStateException("Verification failed unexpectedly", e.getCause());
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
            inspectors.shutdownNow();
        }
    }

    /**
     * A source archive's content inspection under way, and the year the candidate was made, which it needs only
     * at its end (NOTICE's year is compared with the year of the signature, known once the .asc is read).
     */
    private record Inspection(java.util.concurrent.CompletableFuture<Year> madeIn, Future<ArchiveReport> report) {
    }

    private Inspection inspect(RcFolder.Artifact a, boolean incubating, ExecutorService inspectors,
                               Progress progress) {
        boolean podling = incubating || a.name().toLowerCase(Locale.ROOT).contains("incubating");
        java.util.concurrent.CompletableFuture<Year> madeIn = new java.util.concurrent.CompletableFuture<>();
        ArchiveInspector inspector = new ArchiveInspector(limits, () -> awaitYear(madeIn)).withTempRoot(tempRoot);
        // Its own read of the file, from the page cache, so it need not wait for KEYS and the signature; the
        // hashing pass reads the same regular file (links are not followed by either).
        Future<ArchiveReport> report = inspectors.submit(() -> ArchiveInspector.isZip(a.name())
                ? inspector.inspectZip(a.path(), a.name(), podling, progress)
                : inspector.inspectTar(a.path(), a.name(), podling, progress));
        return new Inspection(madeIn, report);
    }

    private Year awaitYear(java.util.concurrent.CompletableFuture<Year> madeIn) {
        try {
            return madeIn.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // not completed with a year: today's
        }
        return Year.from(clock.instant().atZone(ZoneOffset.UTC));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "release-pilot-" + name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The KEYS to trust when none was given: the one in the RC folder's parent, as in a checkout of dist/dev
     * (dist/dev/&lt;project&gt;/KEYS beside &lt;version&gt;-rcN). Never one inside the RC folder.
     */
    private static Optional<Path> findKeys(Path folder) {
        Path parent = folder.getParent();
        if (parent != null) {
            Path keys = parent.resolve("KEYS");
            if (Files.isRegularFile(keys, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(keys);
            }
        }
        return Optional.empty();
    }

    private static KeyRingSet loadKeys(Optional<Path> path, boolean given, List<Finding> findings,
                                       List<String> notChecked) throws ReleasePilotException {
        if (path.isEmpty()) {
            notChecked.add("Could not check signatures: no KEYS file was given and there is none in the folder"
                    + " above the candidate. Download the project's KEYS (https://downloads.apache.org/<project>/KEYS)"
                    + " and give it with --keys or the KEYS chooser. (A KEYS inside the candidate is never used.)");
            return KeysReader.parse("", "no KEYS file");
        }
        if (given && !Files.isRegularFile(path.get())) {
            String why = !Files.exists(path.get()) ? "does not exist" : Files.isDirectory(path.get())
                    ? "is a folder, not a file" : "is not a regular file (a device or a pipe)";
            throw new ReleasePilotException("Could not read the KEYS file " + path.get() + ": it " + why + ".",
                    "Give the path of the project's KEYS file.");
        }
        KeyRingSet keys = KeysReader.read(path.get());
        String name = path.get().getFileName().toString();
        for (String problem : keys.problems()) {
            findings.add(Finding.note(name, problem));
        }
        if (keys.isEmpty()) {
            notChecked.add("Could not check signatures: the KEYS file " + path.get() + " holds no readable public"
                    + " key. Give the project's KEYS file with --keys.");
        }
        return keys;
    }

    private record Checked(ArtifactReport report, List<Finding> findings) {
    }

    private Checked check(RcFolder.Artifact a, SignatureVerifier verifier, boolean keysUsable, Inspection inspection,
                          Progress progress, List<String> notChecked) throws ReleasePilotException {
        try {
            return checkArtifact(a, verifier, keysUsable, inspection, progress, notChecked);
        } finally {
            if (inspection != null) {
                // whatever happened, the inspection must not wait for the year forever
                inspection.madeIn().complete(Year.from(clock.instant().atZone(ZoneOffset.UTC)));
            }
        }
    }

    private Checked checkArtifact(RcFolder.Artifact a, SignatureVerifier verifier, boolean keysUsable,
                                  Inspection inspection, Progress progress, List<String> notChecked)
            throws ReleasePilotException {
        List<Finding> findings = new ArrayList<>();
        pairingFindings(a, findings);
        Map<ChecksumAlgorithm, ChecksumFileParser.Parsed> parsed = new LinkedHashMap<>();
        for (Map.Entry<ChecksumAlgorithm, Path> e : a.checksums().entrySet()) {
            parsed.put(e.getKey(), parseChecksum(e.getValue(), e.getKey(), a));
        }
        PendingSignature pending = a.asc().map(p -> verifier.start(readSmall(p, 1024 * 1024 + 1))).orElse(null);

        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        parsed.forEach((alg, p) -> {
            if (p instanceof ChecksumFileParser.Value) {
                digests.computeIfAbsent(alg.displayName(), Verifier::newDigest);
            }
        });
        if (pending != null) {
            pending.sharedDigests().forEach(name -> digests.computeIfAbsent(name, Verifier::newDigest));
        }
        Future<ArchiveReport> archive = null;
        if (inspection != null) {
            // The NOTICE year is compared with the year the candidate was signed, not with today's.
            Instant made = pending != null && pending.created().isPresent() ? pending.created().get() : clock.instant();
            inspection.madeIn().complete(Year.from(made.atZone(ZoneOffset.UTC)));
            archive = inspection.report();
        }
        try {
            readOnce(a, digests, pending, progress);
        } catch (IOException e) {
            if (archive != null) {
                archive.cancel(true);
            }
            findings.add(Finding.blocker(a.name(), "Cannot be read: " + io.releasepilot.core.IoErrors.reason(e) + "."));
            SignatureCheck unread = new SignatureCheck.Malformed("not checked: the artifact could not be read.");
            return new Checked(new ArtifactReport(a.name(), a.size(), unread, List.of(), Optional.empty()), findings);
        }

        Instant now = clock.instant();
        SignatureCheck signature;
        if (pending != null) {
            signature = pending.finish(digests, now);
            if (!keysUsable && signature.status() == io.releasepilot.pgp.SignatureStatus.UNKNOWN_KEY) {
                signature = new SignatureCheck.NotChecked("there is no usable KEYS file to check it against.");
            }
        } else {
            signature = new SignatureCheck.Missing(a.name() + ".asc");
        }
        signatureFindings(a, signature, findings);
        List<ChecksumCheck> checksums = new ArrayList<>();
        Map<String, String> actual = new LinkedHashMap<>();
        digests.forEach((name, md) -> actual.put(name, HexFormat.of().formatHex(md.digest())));
        parsed.forEach((alg, p) -> checksums.add(checksum(a, alg, p, actual, findings)));

        Optional<ArchiveReport> archiveReport = Optional.empty();
        if (archive != null) {
            try {
                ArchiveReport r = archive.get();
                archiveReport = Optional.of(r);
                findings.addAll(r.findings());
                notChecked.addAll(r.notChecked());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("Verification");
            } catch (ExecutionException e) {
                findings.add(Finding.blocker(a.name(), "The archive could not be inspected: " + e.getCause()));
            }
        }
        return new Checked(new ArtifactReport(a.name(), a.size(), signature, checksums, archiveReport), findings);
    }

    /** The one read of the artifact for its digests: every checksum's and the signature's get each chunk. */
    private static void readOnce(RcFolder.Artifact a, Map<String, MessageDigest> digests, PendingSignature pending,
                                 Progress progress) throws IOException, CancelledException {
        MessageDigest[] mds = digests.values().toArray(MessageDigest[]::new);
        boolean streamSignature = pending != null && pending.needsData();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        byte[] array = buffer.array();
        try (FileChannel channel = FileChannel.open(a.path(), StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = channel.read(buffer.clear())) >= 0) {
                if (progress.isCancelled()) {
                    throw new CancelledException("Verification");
                }
                for (MessageDigest md : mds) {
                    md.update(array, 0, n);
                }
                if (streamSignature) {
                    pending.update(array, 0, n);
                }
                progress.worked(n);
            }
        }
    }

    private static MessageDigest newDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + name, e);
        }
    }

    private static byte[] readSmall(Path file, int max) {
        try (InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static ChecksumFileParser.Parsed parseChecksum(Path file, ChecksumAlgorithm alg, RcFolder.Artifact a) {
        try (InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return ChecksumFileParser.parse(in.readNBytes(ChecksumFileParser.MAX_SIZE + 1), alg,
                    ChecksumFileParser.baseName(a.name()));
        } catch (IOException e) {
            return new ChecksumFileParser.Unreadable(0, "", "it cannot be read: "
                    + io.releasepilot.core.IoErrors.reason(e));
        }
    }

    private static ChecksumCheck checksum(RcFolder.Artifact a, ChecksumAlgorithm alg, ChecksumFileParser.Parsed p,
                                          Map<String, String> actual, List<Finding> findings) {
        Path real = a.checksums().get(alg);
        String dir = a.name().contains("/") ? a.name().substring(0, a.name().lastIndexOf('/') + 1) : "";
        String file = real == null ? a.name() + "." + alg.extension() : dir + real.getFileName();
        if (p instanceof ChecksumFileParser.Unreadable u) {
            findings.add(new Finding(alg.isLegacy() ? Severity.WARNING : Severity.BLOCKER, file,
                    "Unreadable checksum file" + (u.line() > 0 ? ", line " + u.line() : "") + ": " + u.reason()
                            + (u.lineText().isEmpty() ? "" : " The line: \"" + u.lineText() + "\"")));
            return new ChecksumCheck.Malformed(file, alg, u.line(), u.lineText(), u.reason());
        }
        ChecksumFileParser.Value v = (ChecksumFileParser.Value) p;
        String artifactBase = ChecksumFileParser.baseName(a.name());
        v.name().map(ChecksumFileParser::baseName).filter(n -> !n.equals(artifactBase)).ifPresent(n ->
                findings.add(Finding.warning(file, "It names \"" + n + "\", not " + artifactBase
                        + "; sha512sum -c would look for the wrong file.")));
        String computed = actual.get(alg.displayName());
        if (computed.equals(v.hex())) {
            return new ChecksumCheck.Match(file, alg, computed);
        }
        findings.add(Finding.blocker(file, alg.displayName() + " does not match: the file says " + v.hex()
                + ", the artifact's is " + computed + "."));
        return new ChecksumCheck.Mismatch(file, alg, v.hex(), computed);
    }

    private static void pairingFindings(RcFolder.Artifact a, List<Finding> findings) {
        if (a.asc().isEmpty()) {
            findings.add(Finding.blocker(a.name(), a.binarySignature().isPresent()
                    ? "Signed with a binary .sig only; the ASF requires a detached ASCII-armored " + a.name() + ".asc"
                    + " (gpg --armor --detach-sign)."
                    : "There is no " + a.name() + ".asc signature; every artifact must be signed."));
        } else if (a.binarySignature().isPresent()) {
            findings.add(Finding.note(a.name() + ".sig", "A binary .sig beside the .asc; only the .asc is checked."));
        }
        boolean strong = a.checksums().containsKey(ChecksumAlgorithm.SHA512)
                || a.checksums().containsKey(ChecksumAlgorithm.SHA256);
        boolean legacy = a.checksums().containsKey(ChecksumAlgorithm.SHA1)
                || a.checksums().containsKey(ChecksumAlgorithm.MD5);
        if (!strong) {
            findings.add(Finding.blocker(a.name(), "There is no .sha512 (or .sha256) checksum file; the ASF requires"
                    + " SHA-256 or SHA-512 and asks for .sha512."));
            if (legacy) {
                findings.add(Finding.warning(a.name(), "Only legacy .md5/.sha1 checksums; the ASF asks for SHA-512."));
            }
        } else if (legacy) {
            findings.add(Finding.note(a.name(), "Legacy .md5/.sha1 checksums are no longer needed beside .sha512."));
        }
    }

    private static void signatureFindings(RcFolder.Artifact a, SignatureCheck s, List<Finding> findings) {
        String asc = a.name() + ".asc";
        switch (s.status()) {
            case GOOD, MISSING, NOT_CHECKED -> { }
            case GOOD_EXPIRED_KEY -> findings.add(Finding.warning(asc, s.message()));
            default -> findings.add(Finding.blocker(asc, s.message()));
        }
        Optional<SignerDetails> d = s.details();
        if (d.isEmpty() || !s.status().isAcceptable()) {
            return;
        }
        SignerDetails signer = d.get();
        if (signer.keyAlgorithm().equals("DSA")) {
            findings.add(Finding.warning(asc, "Signed with a DSA key (" + signer.keyBits() + " bits); DSA is"
                    + " deprecated. The release manager should move to an RSA 4096 key."));
        }
        if (signer.keyAlgorithm().equals("RSA") && signer.keyBits() < 2048) {
            findings.add(Finding.warning(asc, "Signed with a " + signer.keyBits() + "-bit RSA key; use at least"
                    + " 2048 bits (4096 recommended)."));
        }
        if (signer.hashAlgorithm().equals("SHA-1") || signer.hashAlgorithm().equals("MD5")) {
            findings.add(Finding.warning(asc, "The signature uses " + signer.hashAlgorithm() + ", which is broken;"
                    + " sign with SHA-512 (gpg --digest-algo SHA512)."));
        }
        if (!signer.apacheAddress()) {
            findings.add(Finding.warning(asc, "The signing key (" + signer.userId() + ") has no @apache.org user id;"
                    + " the release manager should add their Apache address to it."));
        }
    }
}
