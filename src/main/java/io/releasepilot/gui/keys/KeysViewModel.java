package io.releasepilot.gui.keys;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.FxTask;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.keys.KeyServerUpload;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.KeysFileUpdate;
import io.releasepilot.keys.SigningChoice;
import io.releasepilot.release.KeysFileOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.keys.PassphraseStrength;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.GnuPgHome;
import io.releasepilot.pgp.KeyInfo;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseProfile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Keys step's state: the keyring's keys, the create/import forms, the KEYS preview, and which key signs
 * the release. Passphrases arrive as characters, are used once and cleared; they are never held here.
 */
public final class KeysViewModel {
    private final KeyService service;
    private final ReleaseSession session;
    private final int keyBits;
    private final ObservableList<KeyInfo> keys = FXCollections.observableArrayList();
    private final ObjectProperty<KeyInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty expireDays = new SimpleStringProperty("0");
    private final BooleanProperty allowEmptyPassphrase = new SimpleBooleanProperty();
    /** True once the key was appended to a KEYS file in this session: the "add it to KEYS" hint is then done. */
    private final BooleanProperty appended = new SimpleBooleanProperty();
    /** True when the source release is built already: the hint then names no next step (What's next does). */
    private final BooleanProperty sourceBuilt = new SimpleBooleanProperty();
    private final StringProperty gnupgHome = new SimpleStringProperty(
            Path.of(System.getProperty("user.home"), ".gnupg").toString());
    private final ObservableList<GnuPgHome.Entry> gnupgKeys = FXCollections.observableArrayList();
    private final StringProperty keysFile = new SimpleStringProperty("");
    private final StringProperty keysPreview = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty releaseKey = new SimpleStringProperty("");
    private final BooleanBinding complete;
    private KeysFileUpdate.Preview preview;
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("keys.status.cancelled"));

    public KeysViewModel(KeyService service, ReleaseSession session, int keyBits) {
        this.service = service;
        this.session = session;
        this.keyBits = keyBits;
        complete = Bindings.createBooleanBinding(() -> releaseKey.get().replace(" ", "").matches("[0-9A-Fa-f]{40}"),
                releaseKey);
        keysFile.addListener((obs, old, now) -> {
            preview = null;
            keysPreview.set("");
        });
        selected.addListener((obs, old, now) -> {
            preview = null;
            keysPreview.set("");
        });
    }

    /** Fills the form from the profile and loads the keyring. */
    public void enter() {
        ReleaseRecord doc = session.documentProperty().get();
        if (doc != null) {
            ReleaseProfile p = doc.profile();
            if (name.get().isEmpty()) {
                name.set(p.rmName());
            }
            if (email.get().isEmpty()) {
                email.set(p.rmEmail().isEmpty() && !p.rmApacheId().isEmpty() ? p.rmApacheId() + "@apache.org"
                        : p.rmEmail());
            }
            releaseKey.set(p.signingKeyFingerprint());
            // Added to KEYS before (another session, the command line): the hint is not "add it to KEYS" then.
            if (session.stateOf(StepId.KEYS_FILE) == io.releasepilot.release.StepState.DONE) {
                appended.set(true);
            }
            sourceBuilt.set(session.stateOf(StepId.SOURCE) == io.releasepilot.release.StepState.DONE);
        }
        refresh();
    }

    public void refresh() {
        try {
            keys.setAll(service.list());
            String current = releaseKey.get().replace(" ", "");
            keys.stream().filter(k -> k.fingerprint().hex().equalsIgnoreCase(current)).findFirst()
                    .ifPresent(selected::set);
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
    }

    public PassphraseStrength.Level strength(char[] passphrase) {
        return PassphraseStrength.of(passphrase);
    }

    /** Problems with the create form, one per line; empty when a key can be made. */
    public String createProblems(char[] first, char[] second) {
        StringBuilder sb = new StringBuilder();
        if (name.get().isBlank()) {
            sb.append(Messages.get("keys.problem.name")).append('\n');
        }
        if (!email.get().strip().matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
            sb.append(Messages.get("keys.problem.email")).append('\n');
        }
        if (!expireDays.get().strip().matches("\\d{1,5}")) {
            sb.append(Messages.get("keys.problem.expiry")).append('\n');
        }
        if (!Arrays.equals(first, second)) {
            sb.append(Messages.get("keys.problem.mismatch")).append('\n');
        } else if (first.length == 0 && !allowEmptyPassphrase.get()) {
            sb.append(Messages.get("keys.problem.empty")).append('\n');
        }
        return sb.toString().strip();
    }

    public boolean isApacheAddress() {
        return email.get().strip().toLowerCase(Locale.ROOT).endsWith("@apache.org");
    }

    /** Makes a key off the FX thread; {@code passphrase} is cleared here whatever happens. */
    public void create(char[] passphrase, Runnable done) {
        int days = Integer.parseInt(expireDays.get().strip());
        KeySpec spec;
        try {
            spec = new KeySpec(name.get(), email.get(), comment.get(),
                    days > 0 ? Optional.of(Duration.ofDays(days)) : Optional.empty(), keyBits);
        } catch (IllegalArgumentException e) {
            Arrays.fill(passphrase, '\0');
            status.set(e.getMessage());
            return;
        }
        Passphrase p = new Passphrase(passphrase);
        Arrays.fill(passphrase, '\0');
        run(Messages.get("keys.status.generating", keyBits), progress -> {
            try (p) {
                return service.generate(spec, p, progress);
            }
        }, created -> {
            refresh();
            select(created.key().fingerprint());
            status.set(Messages.get("keys.status.created", created.key().fingerprint().grouped(),
                    created.revocationCertificate()));
            done.run();
        });
    }

    public void listGnuPg() {
        try {
            gnupgKeys.setAll(service.listGnuPg(Path.of(gnupgHome.get().strip())));
            status.set(Messages.get("keys.status.gnupgListed", gnupgKeys.size(), gnupgHome.get()));
        } catch (ReleasePilotException e) {
            gnupgKeys.clear();
            status.set(e.userText());
        }
    }

    public void importGnuPg(GnuPgHome.Entry entry, char[] passphrase) {
        Passphrase p = new Passphrase(passphrase);
        Arrays.fill(passphrase, '\0');
        Path home = Path.of(gnupgHome.get().strip());
        run(Messages.get("keys.status.importing"), progress -> {
            try (p) {
                return service.importGnuPg(home, entry.key().fingerprint(), p, p);
            }
        }, info -> {
            refresh();
            select(info.fingerprint());
            status.set(Messages.get("keys.status.imported", info.fingerprint().grouped())
                    + KeyService.sizeWarning(info).map(w -> " " + w).orElse(""));
        });
    }

    /** Signs with the key through GnuPG without importing it (for keys on smartcards). */
    public void useGnuPgKey(GnuPgHome.Entry entry) {
        String home = gnupgHome.get() == null ? "" : gnupgHome.get().strip();
        useForRelease(new SigningChoice(entry.key().fingerprint(), true, home.isEmpty() ? null : Path.of(home)));
    }

    public void importFile(Path file, char[] passphrase) {
        Passphrase p = new Passphrase(passphrase);
        Arrays.fill(passphrase, '\0');
        run(Messages.get("keys.status.importing"), progress -> {
            try (p) {
                return service.importFile(file, p, p);
            }
        }, imported -> {
            refresh();
            if (!imported.isEmpty()) {
                select(imported.get(0).fingerprint());
            }
            status.set(Messages.get("keys.status.importedFile", imported.size(), file) + imported.stream()
                    .map(KeyService::sizeWarning).flatMap(java.util.Optional::stream).map(w -> " " + w)
                    .collect(java.util.stream.Collectors.joining()));
        });
    }

    private void select(Fingerprint fingerprint) {
        keys.stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst().ifPresent(selected::set);
    }

    public void useSelectedForRelease() {
        KeyInfo key = selected.get();
        if (key != null) {
            useForRelease(new SigningChoice(key.fingerprint(), false, null));
        }
    }

    /** Makes the key the release's signing key, with its backend, and records the key step. */
    private void useForRelease(SigningChoice choice) {
        if (session.documentProperty().get() == null) {
            status.set(Messages.get("keys.status.noRelease"));
            return;
        }
        try {
            service.useForRelease(session.records(), choice);
            session.reload();
            releaseKey.set(choice.fingerprint().hex());
            status.set(Messages.get("keys.status.using", choice.fingerprint().grouped()));
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
    }

    public void exportPublic(Path target) {
        KeyInfo key = selected.get();
        if (key == null) {
            return;
        }
        try {
            AtomicFiles.write(target, service.exportPublic(key.fingerprint()));
            status.set(Messages.get("keys.status.exported", target));
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        } catch (java.io.IOException e) {
            status.set(Messages.get("keys.status.exportFailed", target, e.getMessage()));
        }
    }

    public void previewKeys() {
        KeyInfo key = selected.get();
        if (key == null || keysFile.get().isBlank()) {
            status.set(Messages.get("keys.status.previewNeeds"));
            return;
        }
        try {
            preview = service.previewKeysAppend(Path.of(keysFile.get().strip()), key.fingerprint());
            keysPreview.set(preview.textToAppend());
            status.set(Messages.get("keys.status.preview", preview.keysBefore()));
        } catch (ReleasePilotException e) {
            preview = null;
            keysPreview.set("");
            status.set(e.userText());
        }
    }

    public void appendKeys() {
        if (preview == null) {
            return;
        }
        try {
            KeysFileUpdate.Result result = KeysFileUpdate.append(preview);
            if (session.documentProperty().get() != null && selected.get() != null) {
                session.records().done(StepId.KEYS_FILE, new KeysFileOutputs(result.keysFile().toAbsolutePath()
                        .normalize().toString(), -1, selected.get().fingerprint().hex()));
                session.reload();
            }
            status.set(Messages.get("keys.status.appended", result.keysFile(), result.keysAfter(), result.keysBefore()));
            appended.set(true);
            preview = null;
            keysPreview.set("");
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
    }

    public void upload() {
        KeyInfo key = selected.get();
        if (key == null) {
            return;
        }
        run(Messages.get("keys.status.uploading"), progress -> new KeyServerUpload(KeyServerUpload.DEFAULT_SERVER)
                .upload(service.exportPublic(key.fingerprint())), r -> status.set(
                Messages.get("keys.status.uploaded", r.fingerprint(), String.join(", ", r.verificationRequested()))));
    }

    public void cancel() {
        tasks.cancel();
    }

    private <T> void run(String what, FxTask.Work<T> work, Consumer<T> onSuccess) {
        tasks.run(what, work, onSuccess);
    }

    public ObservableList<KeyInfo> keys() {
        return keys;
    }

    public ObjectProperty<KeyInfo> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty expireDaysProperty() {
        return expireDays;
    }

    public BooleanProperty allowEmptyPassphraseProperty() {
        return allowEmptyPassphrase;
    }

    public StringProperty gnupgHomeProperty() {
        return gnupgHome;
    }

    public ObservableList<GnuPgHome.Entry> gnupgKeys() {
        return gnupgKeys;
    }

    public StringProperty keysFileProperty() {
        return keysFile;
    }

    public StringProperty keysPreviewProperty() {
        return keysPreview;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public StringProperty releaseKeyProperty() {
        return releaseKey;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }

    public BooleanProperty sourceBuiltProperty() {
        return sourceBuilt;
    }

    public BooleanProperty appendedProperty() {
        return appended;
    }

    public List<KeyInfo> keyList() {
        return List.copyOf(keys);
    }
}
