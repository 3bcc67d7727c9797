package io.releasepilot.gui.source;

import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitRepository;
import io.releasepilot.gui.common.FxTask;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.Signer;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.source.ExportRules;
import io.releasepilot.source.Preflight;
import io.releasepilot.source.PreflightCheck;
import io.releasepilot.source.SourceArchiveBuilder;
import io.releasepilot.source.SourceRequest;
import io.releasepilot.source.SourceResult;
import io.releasepilot.source.SourceTree;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Year;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Source step's state: which tag, what is left out, the pre-flight results, the build (off the FX thread,
 * cancellable) and its artifacts with size and SHA-512, plus the RC tag's creation and push.
 */
public final class SourceViewModel {
    private final ReleaseSession session;
    private final KeyService keys;
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final StringProperty tag = new SimpleStringProperty("");
    private final StringProperty tagCommit = new SimpleStringProperty("HEAD");
    private final StringProperty dotFiles = new SimpleStringProperty(String.join(", ", ExportRules.DEFAULT_DOT_FILES));
    private final StringProperty removals = new SimpleStringProperty("");
    private final BooleanProperty submodules = new SimpleBooleanProperty();
    private final BooleanProperty zip = new SimpleBooleanProperty();
    private final StringProperty versionFile = new SimpleStringProperty("");
    private final StringProperty versionPattern = new SimpleStringProperty("{version}");
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final StringProperty preview = new SimpleStringProperty("");
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty preflightPassed = new SimpleBooleanProperty();
    private final BooleanProperty built = new SimpleBooleanProperty();
    private final StringProperty remote = new SimpleStringProperty("origin");
    private final StringProperty username = new SimpleStringProperty("");
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("source.status.cancelled"));

    public SourceViewModel(ReleaseSession session, KeyService keys) {
        this.session = session;
        this.keys = keys;
        tag.addListener((obs, old, now) -> {
            checks.clear();
            preflightPassed.set(false);
        });
    }

    public void enter() {
        ReleaseProfile p = profile();
        if (p == null) {
            status.set(Messages.get("source.status.noRelease"));
            return;
        }
        try (GitRepository repo = GitRepository.open(Path.of(p.gitRepository()))) {
            setTags(repo.tags());
            String rcTag = ReleaseNames.of(p).rcTag();
            if (chosenTag().isEmpty()) {
                tag.set(rcTag);
            }
            status.set(tags.contains(rcTag) ? Messages.get("source.status.ready", rcTag)
                    : Messages.get("source.status.noTag", rcTag));
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
        refreshBuilt();
    }

    /** Replaces the tag list without losing the chosen tag (a combo box clears its value when its items change). */
    private void setTags(List<String> list) {
        String chosen = tag.get();
        tags.setAll(list);
        tag.set(chosen == null ? "" : chosen);
    }

    private String chosenTag() {
        return tag.get() == null ? "" : tag.get().strip();
    }

    private ReleaseProfile profile() {
        ReleaseRecord doc = session.documentProperty().get();
        return doc == null ? null : doc.profile();
    }

    /** Where this RC's artifacts go: {@code <workspace>/artifacts/<rc folder>}. */
    public Path outputDir() throws ReleasePilotException {
        return session.workspaceProperty().get().artifactsDir().resolve(ReleaseNames.of(profile()).rcFolder());
    }

    private SourceRequest request() throws ReleasePilotException {
        ReleaseProfile p = profile();
        List<String> dots = Arrays.stream(dotFiles.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        List<String> removed = Arrays.stream(removals.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        try {
            return new SourceRequest(Path.of(p.gitRepository()), chosenTag(), p.projectId(), p.version(),
                    p.podling(), new ExportRules(dots, removed, true), submodules.get(), zip.get(), outputDir());
        } catch (IllegalArgumentException e) {
            throw new ReleasePilotException(e.getMessage() + ".", "Check the release profile and the tag.");
        }
    }

    /** Runs the pre-flight checks and shows what the archive will hold. */
    public void runPreflight() {
        SourceRequest request;
        try {
            request = request();
        } catch (ReleasePilotException e) {
            status.set(e.userText());
            return;
        }
        Preflight preflight = new Preflight(versionFile.get().strip(), versionPattern.get(), Year.now());
        run(Messages.get("source.status.checking"), p -> {
            List<PreflightCheck> found = preflight.run(request);
            String planned;
            try (GitRepository repo = GitRepository.open(request.repository())) {
                SourceTree tree = SourceTree.collect(repo, repo.resolve(request.revision()).commit(), request.rules(),
                        request.submodules());
                planned = Messages.get("source.preview", request.baseName() + ".tar.gz" + (request.zip() ? " + .zip" : ""),
                        request.baseName(), tree.files().size(), tree.excluded().size(),
                        String.join("\n", tree.excluded().stream().limit(200).toList()));
            }
            return new Object[] {found, planned};
        }, r -> {
            @SuppressWarnings("unchecked")
            List<PreflightCheck> found = (List<PreflightCheck>) r[0];
            checks.setAll(found);
            preview.set((String) r[1]);
            boolean ok = found.stream().allMatch(c -> c.passed() || !c.blocking());
            preflightPassed.set(ok);
            status.set(ok ? Messages.get("source.status.checked") : Messages.get("source.status.checkFailed"));
        });
    }

    public void build() {
        SourceRequest request;
        try {
            request = request();
        } catch (ReleasePilotException e) {
            status.set(e.userText());
            return;
        }
        run(Messages.get("source.status.building", request.baseName()), p -> {
            SourceResult result = new SourceArchiveBuilder().build(request, p);
            return new Object[] {result, describeBuilt(request.outputDir())};
        }, r -> {
            SourceResult result = (SourceResult) r[0];
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) r[1];
            results.setAll(lines);
            built.set(!lines.isEmpty());
            markStep();
            status.set(Messages.get("source.status.built", result.files(), result.artifacts().get(0).getParent()));
        });
    }

    private void markStep() {
        ReleaseRecord doc = session.documentProperty().get();
        try {
            session.saveProfile(doc.profile());
        } catch (DataFileException e) {
            status.set(e.userText());
        }
    }

    /** Lists the archives already built for this RC, with size and SHA-512, hashing them off the FX thread. */
    public void refreshBuilt() {
        Path dir;
        try {
            dir = outputDir();
        } catch (ReleasePilotException e) {
            status.set(e.userText());
            return;
        }
        tasks.run(null, p -> describeBuilt(dir), lines -> {
            results.setAll(lines);
            built.set(!lines.isEmpty());
        });
    }

    private static List<String> describeBuilt(Path dir) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(SourceViewModel::isArchive).sorted().toList()) {
                    lines.add(f.getFileName() + "   " + Files.size(f) + " bytes   SHA-512 " + sha512(f));
                }
            }
        }
        return lines;
    }

    static boolean isArchive(Path f) {
        String n = f.getFileName().toString();
        return (n.endsWith(".tar.gz") || n.endsWith(".zip")) && !n.startsWith(".");
    }

    private static String sha512(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates the RC tag; signed with the release key when {@code passphrase} is given. */
    public void createTag(boolean sign, char[] passphrase) {
        ReleaseProfile p = profile();
        Passphrase pass = new Passphrase(passphrase);
        Arrays.fill(passphrase, '\0');
        String name = chosenTag();
        run(Messages.get("source.status.tagging", name), pr -> {
            try (pass; GitRepository repo = GitRepository.open(Path.of(p.gitRepository()))) {
                Optional<Signer> signer = Optional.empty();
                if (sign) {
                    signer = Optional.of(keys.builtInSigner(Fingerprint.parse(p.signingKeyFingerprint()),
                            () -> new Passphrase(pass.chars())));
                }
                repo.createTag(name, repo.resolve(tagCommit.get().strip()).commit(), "Release candidate " + name,
                        p.rmName(), p.rmEmail(), signer);
                return repo.tags();
            }
        }, list -> {
            setTags(list);
            status.set(Messages.get("source.status.tagged", name));
        });
    }

    public void pushTag(char[] password) {
        ReleaseProfile p = profile();
        char[] copy = password.clone();
        Arrays.fill(password, '\0');
        String name = chosenTag();
        run(Messages.get("source.status.pushing", name, remote.get()), pr -> {
            try (GitRepository repo = GitRepository.open(Path.of(p.gitRepository()))) {
                repo.pushTag(remote.get().strip(), name, username.get().strip(), copy);
                return name;
            } finally {
                Arrays.fill(copy, '\0');
            }
        }, n -> status.set(Messages.get("source.status.pushed", n, remote.get())));
    }

    public void cancel() {
        tasks.cancel();
    }

    private <T> void run(String what, FxTask.Work<T> work, Consumer<T> done) {
        tasks.run(what, work, done);
    }

    public boolean isStepDone() {
        ReleaseRecord doc = session.documentProperty().get();
        return doc != null && doc.step(StepId.SOURCE).status() == StepState.DONE;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty tagCommitProperty() {
        return tagCommit;
    }

    public StringProperty dotFilesProperty() {
        return dotFiles;
    }

    public StringProperty removalsProperty() {
        return removals;
    }

    public BooleanProperty submodulesProperty() {
        return submodules;
    }

    public BooleanProperty zipProperty() {
        return zip;
    }

    public StringProperty versionFileProperty() {
        return versionFile;
    }

    public StringProperty versionPatternProperty() {
        return versionPattern;
    }

    public ObservableList<PreflightCheck> checks() {
        return checks;
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public ObservableList<String> results() {
        return results;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public BooleanProperty preflightPassedProperty() {
        return preflightPassed;
    }

    public BooleanProperty builtProperty() {
        return built;
    }

    public DoubleProperty progressProperty() {
        return tasks.progressProperty();
    }

    public StringProperty remoteProperty() {
        return remote;
    }

    public StringProperty usernameProperty() {
        return username;
    }
}
