package io.releasepilot.gui.source;

import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.FxTask;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.keys.SigningChoice;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.source.PreflightCheck;
import io.releasepilot.source.SourceOptions;
import io.releasepilot.source.SourceRequest;
import io.releasepilot.source.SourceService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Source step's state: which tag, what is left out, the pre-flight results, the build (off the FX thread,
 * cancellable) and its artifacts with size and SHA-512, plus the RC tag's creation and push. The work is the
 * SourceService's, which the command line uses too; the options are remembered in the release.
 */
public final class SourceViewModel {
    private final ReleaseSession session;
    private final SourceService service;
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final StringProperty tag = new SimpleStringProperty("");
    private final StringProperty tagCommit = new SimpleStringProperty("HEAD");
    private final StringProperty dotFiles = new SimpleStringProperty(String.join(", ", io.releasepilot.source.ExportRules.DEFAULT_DOT_FILES));
    private final StringProperty removals = new SimpleStringProperty("");
    private final BooleanProperty submodules = new SimpleBooleanProperty();
    private final BooleanProperty zip = new SimpleBooleanProperty();
    private final StringProperty versionFile = new SimpleStringProperty("");
    private final StringProperty versionPattern = new SimpleStringProperty("{version}");
    private final StringProperty namePattern = new SimpleStringProperty("");
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final StringProperty preview = new SimpleStringProperty("");
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty preflightPassed = new SimpleBooleanProperty();
    private final BooleanProperty built = new SimpleBooleanProperty();
    private final StringProperty remote = new SimpleStringProperty("origin");
    private final StringProperty username = new SimpleStringProperty("");
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("source.status.cancelled"));

    public SourceViewModel(ReleaseSession session, SourceService service) {
        this.session = session;
        this.service = service;
        tag.addListener((obs, old, now) -> {
            checks.clear();
            preflightPassed.set(false);
            String name = chosenTag();
            if (!name.isEmpty() && !tasks.busyProperty().get() && profile() != null) {
                // What was said ("All pre-flight checks passed. Next: build.") was about the other tag.
                status.set(tags.contains(name) ? Messages.get("source.status.ready", name)
                        : Messages.get("source.status.noTag", name));
            }
        });
    }

    public void enter() {
        ReleaseProfile p = profile();
        if (p == null) {
            status.set(Messages.get("source.status.noRelease"));
            return;
        }
        showOptions(service.options(session.documentProperty().get()));
        try {
            setTags(service.tags(Path.of(p.gitRepository())));
            String rcTag = ReleaseNames.of(p).rcTag();
            if (chosenTag().isEmpty()) {
                tag.set(rcTag);
            }
            if (!tasks.busyProperty().get()) {
                Optional<String> builtAt = session.doneAt(StepId.SOURCE);
                status.set(builtAt.isPresent() ? Messages.get("source.status.done", builtAt.get())
                        : tags.contains(chosenTag()) ? Messages.get("source.status.ready", chosenTag())
                        : Messages.get("source.status.noTag", chosenTag()));
            }
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
        refreshBuilt();
    }

    private void showOptions(SourceOptions o) {
        dotFiles.set(String.join(", ", o.dotFiles()));
        removals.set(String.join(", ", o.removals()));
        submodules.set(o.submodules());
        zip.set(o.zip());
        versionFile.set(o.versionFile());
        versionPattern.set(o.versionPattern());
        namePattern.set(o.namePattern());
    }

    private SourceOptions options() {
        return new SourceOptions(split(dotFiles.get()), split(removals.get()), true, submodules.get(), zip.get(),
                versionFile.get(), versionPattern.get(), namePattern.get());
    }

    private static List<String> split(String text) {
        return Arrays.stream((text == null ? "" : text).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
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
        return SourceService.outputDir(session.workspaceProperty().get(), profile());
    }

    private SourceRequest request() throws ReleasePilotException {
        return service.request(session.workspaceProperty().get(), profile(), chosenTag(), options());
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
        SourceOptions o = options();
        run(Messages.get("source.status.checking"), p -> {
            List<PreflightCheck> found = service.preflight(request, o);
            SourceService.Preview pv = service.preview(request);
            String planned = Messages.get("source.preview", String.join(" + ", pv.fileNames()), pv.topFolder(),
                    pv.files(), pv.excluded().size(), String.join("\n", pv.excluded().stream().limit(200).toList()));
            return new Object[] {found, planned};
        }, r -> {
            @SuppressWarnings("unchecked")
            List<PreflightCheck> found = (List<PreflightCheck>) r[0];
            checks.setAll(found);
            preview.set((String) r[1]);
            boolean ok = SourceService.passed(found);
            preflightPassed.set(ok);
            status.set(ok ? Messages.get("source.status.checked") : Messages.get("source.status.checkFailed"));
        });
    }

    public void build() {
        SourceRequest request;
        try {
            request = request();
            service.saveOptions(session.records(), options());
        } catch (ReleasePilotException e) {
            status.set(e.userText());
            return;
        }
        run(Messages.get("source.status.building", request.baseName()),
                p -> service.build(request, session.records(), p), built -> {
                    results.setAll(describe(built.artifacts()));
                    this.built.set(!built.artifacts().isEmpty());
                    reloadRecord();
                    status.set(Messages.get("source.status.built", built.result().files(),
                            built.result().artifacts().get(0).getParent()));
                });
    }

    private void reloadRecord() {
        try {
            session.reload();
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
        tasks.run(null, p -> describe(service.builtIn(dir)), lines -> {
            results.setAll(lines);
            built.set(!lines.isEmpty());
        });
    }

    private static List<String> describe(List<ArtifactRecord> artifacts) {
        return artifacts.stream().map(a -> a.file() + "   " + a.bytes() + " bytes   SHA-512 " + a.sha512()).toList();
    }

    /**
     * Creates the RC tag; signed as the release signs when {@code sign} (the built-in keyring takes
     * {@code passphrase}; GnuPG's agent asks for its own).
     */
    public void createTag(boolean sign, char[] passphrase) {
        ReleaseProfile p = profile();
        Passphrase pass = new Passphrase(passphrase);
        Arrays.fill(passphrase, '\0');
        String name = chosenTag();
        String commit = tagCommit.get();
        run(Messages.get("source.status.tagging", name), pr -> {
            try (pass) {
                Optional<SigningChoice> signing = sign ? Optional.of(SigningChoice.of(p)) : Optional.empty();
                service.createTag(Path.of(p.gitRepository()), name, commit, null, p.rmName(), p.rmEmail(), signing,
                        () -> new Passphrase(pass.chars()));
                return service.tags(Path.of(p.gitRepository()));
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
        run(Messages.get("source.status.pushing", name, io.releasepilot.core.IoErrors.redact(remote.get())), pr -> {
            try {
                service.pushTag(Path.of(p.gitRepository()), remote.get().strip(), name, username.get().strip(), copy);
                return name;
            } finally {
                Arrays.fill(copy, '\0');
            }
        }, n -> status.set(Messages.get("source.status.pushed", n,
                io.releasepilot.core.IoErrors.redact(remote.get()))));
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

    /** The archive's name pattern (MXNet's apache-{project}-src-{version}.rc{rc}{incubating}); empty: the ASF default. */
    public StringProperty namePatternProperty() {
        return namePattern;
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
