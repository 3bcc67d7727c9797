package io.releasepilot.gui.sign;

import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.Signer;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.sign.ArtifactSigner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The Sign step's state: the key and backend, the artifacts of this RC, and the signing run with its results. */
public final class SignViewModel {
    private final ReleaseSession session;
    private final KeyService keys;
    private final StringProperty key = new SimpleStringProperty("");
    private final BooleanProperty useGnuPg = new SimpleBooleanProperty();
    private final ObservableList<String> artifacts = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty signed = new SimpleBooleanProperty();
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("sign.status.cancelled"));

    public SignViewModel(ReleaseSession session, KeyService keys) {
        this.session = session;
        this.keys = keys;
    }

    public void enter() {
        ReleaseRecord doc = session.documentProperty().get();
        if (doc == null) {
            status.set(Messages.get("sign.status.noRelease"));
            return;
        }
        key.set(doc.profile().signingKeyFingerprint());
        refresh();
        if (key.get().isBlank()) {
            status.set(Messages.get("sign.status.noKey"));
        } else if (artifacts.isEmpty()) {
            status.set(Messages.get("sign.status.noArtifacts"));
        }
    }

    private Path folder() throws ReleasePilotException {
        ReleaseProfile p = session.documentProperty().get().profile();
        return session.workspaceProperty().get().artifactsDir().resolve(ReleaseNames.of(p).rcFolder());
    }

    private List<Path> files() throws ReleasePilotException {
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.filter(f -> {
                String n = f.getFileName().toString();
                return !n.startsWith(".") && !n.endsWith(".asc") && !n.endsWith(".sha512") && Files.isRegularFile(f);
            }).sorted().toList();
        } catch (IOException e) {
            throw new ReleasePilotException("Could not list " + dir + ": " + e.getMessage(), "", e);
        }
    }

    public void refresh() {
        try {
            List<Path> files = files();
            artifacts.setAll(files.stream().map(f -> f.getFileName() + (Files.exists(f.resolveSibling(f.getFileName()
                    + ".asc")) && Files.exists(f.resolveSibling(f.getFileName() + ".sha512"))
                    ? "   \u2714 .asc .sha512" : "   " + Messages.get("sign.unsigned"))).toList());
            signed.set(!files.isEmpty() && files.stream().allMatch(f -> Files.exists(f.resolveSibling(
                    f.getFileName() + ".asc")) && Files.exists(f.resolveSibling(f.getFileName() + ".sha512"))));
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
    }

    /** Signs every artifact; {@code passphrase} (built-in keyring) is cleared here. */
    public void signAll(char[] passphrase) {
        Passphrase pass = new Passphrase(passphrase);
        Arrays.fill(passphrase, '\0');
        List<Path> files;
        Fingerprint fpr;
        try {
            files = files();
            fpr = Fingerprint.parse(key.get());
        } catch (ReleasePilotException | IllegalArgumentException e) {
            pass.close();
            status.set(e instanceof ReleasePilotException rp ? rp.userText() : Messages.get("sign.status.noKey"));
            return;
        }
        boolean gnupg = useGnuPg.get();
        tasks.run(Messages.get("sign.status.signing", files.size()), p -> {
            try (pass) {
                Signer signer = gnupg ? keys.gnupgSigner(fpr, null)
                        : keys.builtInSigner(fpr, () -> new Passphrase(pass.chars()));
                return ArtifactSigner.signAll(files, signer, () -> keys.publicKeys(signer, null), p);
            }
        }, signedFiles -> {
            results.setAll(signedFiles.stream().map(s -> s.asc().getFileName() + "  " + s.check().status() + ",  "
                    + s.sha512().getFileName() + "  " + s.sha512Hex().substring(0, 16) + "\u2026").toList());
            refresh();
            try {
                session.saveProfile(session.documentProperty().get().profile());
                status.set(Messages.get("sign.status.signed", signedFiles.size()));
            } catch (DataFileException ex) {
                status.set(ex.userText());
            }
        });
    }

    public void cancel() {
        tasks.cancel();
    }

    public StringProperty keyProperty() {
        return key;
    }

    public BooleanProperty useGnuPgProperty() {
        return useGnuPg;
    }

    public ObservableList<String> artifacts() {
        return artifacts;
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

    public BooleanProperty signedProperty() {
        return signed;
    }

    public DoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
