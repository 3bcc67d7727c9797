package io.releasepilot.gui.verify;

import io.releasepilot.core.AppVersion;
import io.releasepilot.core.CancelledException;
import io.releasepilot.core.TempFolders;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.FxTask;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.pgp.SignatureCheck;
import io.releasepilot.svn.DistFetch;
import io.releasepilot.svn.DistOptions;
import io.releasepilot.verify.ArtifactReport;
import io.releasepilot.verify.ChecksumCheck;
import io.releasepilot.verify.ChecksumStatus;
import io.releasepilot.verify.Finding;
import io.releasepilot.verify.Severity;
import io.releasepilot.verify.Verifier;
import io.releasepilot.verify.VerifyReport;
import io.releasepilot.verify.VerifyRequest;
import io.releasepilot.verify.VoteReply;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Verify window's state: which folder and KEYS, the run in progress (with cancel), and the results as
 * table rows, a banner and a vote-reply draft. Holds no {@code Node}.
 */
public final class VerifyViewModel {
    /** How the summary banner looks. */
    public enum Outcome { NONE, PASSED, PASSED_WITH_WARNINGS, FAILED, INCOMPLETE }

    private final Supplier<Verifier> verifiers;
    private final Supplier<DistFetch> fetchers;
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty keysFile = new SimpleStringProperty("");
    private final BooleanProperty incubating = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty(Messages.get("verify.status.idle"));
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);
    private final StringProperty banner = new SimpleStringProperty("");
    private final StringProperty voteReply = new SimpleStringProperty("");
    private final StringProperty generalFindings = new SimpleStringProperty("");
    private final ObservableList<ArtifactRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<VerifyReport> report = new SimpleObjectProperty<>();
    private FxTask<VerifyReport> task;
    /** What is being checked, as the user named it: the folder, or the URL. */
    private String checking = "";

    public VerifyViewModel(Supplier<Verifier> verifiers) {
        this(verifiers, () -> new DistFetch(DistOptions.DEFAULT));
    }

    public VerifyViewModel(Supplier<Verifier> verifiers, Supplier<DistFetch> fetchers) {
        this.verifiers = verifiers;
        this.fetchers = fetchers;
    }

    /** A dropped or chosen file or folder: a file stands for the folder it is in. Starts verifying. */
    public void drop(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        folder.set(dir);
        start();
    }

    public void start() {
        Path dir = folder.get();
        if (dir == null || running.get()) {
            return;
        }
        Optional<Path> keys = keysFile.get().isBlank() ? Optional.empty() : Optional.of(Path.of(keysFile.get().strip()));
        VerifyRequest request = new VerifyRequest(dir, keys, incubating.get());
        checking = dir.toString();
        run(Messages.get("verify.status.running", dir), p -> verifiers.get().verify(request, p));
    }

    /**
     * Verifies the candidate at the dist/dev URL typed or pasted in: its files are downloaded into a temporary
     * folder (streamed, with progress; removed afterwards), KEYS from the KEYS field (file or URL), else
     * dist/release/&lt;project&gt;/KEYS next to it — never the RC folder's own. The rules of {@code verify URL}.
     */
    public void startUrl() {
        String u = url.get() == null ? "" : url.get().strip();
        if (u.isEmpty() || running.get()) {
            return;
        }
        if (!DistFetch.isUrl(u)) {
            outcome.set(Outcome.NONE);
            banner.set("");
            status.set(Messages.get("verify.url.invalid", u));
            return;
        }
        String keys = keysFile.get();
        boolean podling = incubating.get();
        folder.set(null);
        checking = u;
        run(Messages.get("verify.status.fetching", u), p -> {
            Path tmp = TempFolders.create("release-pilot-rc-");
            try {
                DistFetch.Candidate c = fetchers.get().fetchCandidate(u, keys, tmp, p);
                return verifiers.get().verify(new VerifyRequest(c.fetched().folder(), Optional.of(c.keys()), podling),
                        p);
            } finally {
                TempFolders.delete(tmp);
            }
        });
    }

    private void run(String startText, FxTask.Work<VerifyReport> work) {
        rows.clear();
        report.set(null);
        outcome.set(Outcome.NONE);
        banner.set("");
        voteReply.set("");
        generalFindings.set("");
        running.set(true);
        status.set(startText);
        task = new FxTask<>(work);
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> finished(task.getValue()));
        task.setOnFailed(e -> failed(task.getException()));
        task.setOnCancelled(e -> {
            stop();
            status.set(Messages.get("verify.status.cancelled"));
        });
        task.start("verify");
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void stop() {
        progress.unbind();
        running.set(false);
    }

    private void failed(Throwable error) {
        stop();
        if (error instanceof CancelledException) {
            status.set(Messages.get("verify.status.cancelled"));
        } else if (error instanceof ReleasePilotException rp) {
            status.set(rp.userText());
            outcome.set(Outcome.FAILED);
            banner.set(rp.getMessage());
        } else {
            status.set(Messages.get("verify.status.error", String.valueOf(error.getMessage())));
        }
    }

    private void finished(VerifyReport r) {
        stop();
        progress.set(1);
        report.set(r);
        rows.setAll(r.artifacts().stream().map(a -> row(r, a)).toList());
        long blockers = r.count(Severity.BLOCKER);
        long warnings = r.count(Severity.WARNING);
        if (r.artifacts().isEmpty()) {
            // Nothing could be checked: say what is missing and what to do; no vote advice.
            outcome.set(Outcome.INCOMPLETE);
            banner.set(Messages.get("verify.banner.noArtifacts", checking));
        } else if (r.keysFile().isEmpty()) {
            outcome.set(Outcome.INCOMPLETE);
            banner.set(Messages.get("verify.banner.noKeys", r.artifacts().size()));
        } else if (r.outcome() == VerifyReport.Outcome.COULD_NOT_CHECK) {
            // Checks could not be made on this machine: no vote advice, the reason instead.
            outcome.set(Outcome.INCOMPLETE);
            banner.set(Messages.get("verify.banner.notChecked", String.join(" ", r.notChecked())));
        } else if (!r.passed()) {
            outcome.set(Outcome.FAILED);
            banner.set(Messages.get("verify.banner.failed", r.artifacts().size(), blockers, warnings));
        } else if (warnings > 0) {
            outcome.set(Outcome.PASSED_WITH_WARNINGS);
            banner.set(Messages.get("verify.banner.warnings", r.artifacts().size(), warnings));
        } else {
            outcome.set(Outcome.PASSED);
            banner.set(Messages.get("verify.banner.passed", r.artifacts().size()));
        }
        List<String> names = r.artifacts().stream().map(ArtifactReport::name).toList();
        generalFindings.set(r.findings().stream()
                .filter(f -> names.stream().noneMatch(n -> f.file().equals(n) || f.file().startsWith(n + ".")))
                .map(VerifyViewModel::line).collect(Collectors.joining("\n")));
        voteReply.set(outcome.get() == Outcome.INCOMPLETE ? "" : VoteReply.draft(r, AppVersion.version()));
        status.set(Messages.get("verify.status.done", checking));
    }

    private static ArtifactRow row(VerifyReport r, ArtifactReport a) {
        List<Finding> findings = r.findingsFor(a.name());
        Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
        SignatureCheck s = a.signature();
        String sums = a.checksums().isEmpty() ? "none" : a.checksums().stream()
                .map(c -> c.algorithm().displayName() + " " + c.status()).collect(Collectors.joining(", "));
        boolean sumsOk = !a.checksums().isEmpty() && a.checksums().stream().allMatch(c -> c.status() == ChecksumStatus.MATCH);
        String content = a.archive().map(ar -> {
            long problems = findings.stream().filter(f -> f.file().equals(a.name()) && f.severity() != Severity.NOTE)
                    .count();
            return problems == 0 ? "OK (" + ar.entries() + " entries)" : problems + " finding(s)";
        }).orElse("not a source archive");
        StringBuilder details = new StringBuilder();
        details.append(a.name()).append(" — ").append(a.size()).append(" bytes\n\n");
        details.append("Signature: ").append(s.status()).append("\n  ").append(s.message()).append('\n');
        s.details().ifPresent(d -> details.append("  key ").append(d.keyId()).append(", ").append(d.keyAlgorithm())
                .append(' ').append(d.keyBits()).append(" bits, ").append(d.hashAlgorithm()).append(", made ")
                .append(d.created()).append('\n'));
        details.append("\nChecksums:\n");
        for (ChecksumCheck c : a.checksums()) {
            details.append("  ").append(c.message()).append('\n');
        }
        a.archive().ifPresent(ar -> details.append("\nContent: ").append(ar.entries()).append(" entries, top folder ")
                .append(ar.topLevel().isEmpty() ? "(none)" : ar.topLevel()).append(", ").append(ar.binaries().size())
                .append(" compiled file(s), ").append(ar.ratRan() ? ar.unapprovedHeaders().size()
                        + " file(s) without an approved license header" : "license headers not checked").append('\n'));
        if (!findings.isEmpty()) {
            details.append("\nFindings:\n");
            findings.forEach(f -> details.append("  ").append(line(f)).append('\n'));
        }
        return new ArtifactRow(a.name(), a.size(), s.status().name(), s.status().isAcceptable(), sums, sumsOk, content,
                worst, details.toString());
    }

    private static String line(Finding f) {
        return f.severity() + "  " + (f.file().isEmpty() ? "" : f.file() + ": ") + f.message();
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public StringProperty keysFileProperty() {
        return keysFile;
    }

    public BooleanProperty incubatingProperty() {
        return incubating;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty bannerProperty() {
        return banner;
    }

    public StringProperty voteReplyProperty() {
        return voteReply;
    }

    public StringProperty generalFindingsProperty() {
        return generalFindings;
    }

    public ObservableList<ArtifactRow> rows() {
        return rows;
    }

    public ObjectProperty<VerifyReport> reportProperty() {
        return report;
    }
}
