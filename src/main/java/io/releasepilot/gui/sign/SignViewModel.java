package io.releasepilot.gui.sign;

import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.keys.SigningChoice;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.sign.SignService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseProfile;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Sign step's state: the key and backend, the artifacts of this RC, and the signing run with its results. */
public final class SignViewModel {
    private final ReleaseSession session;
    private final SignService service;
    private final StringProperty key = new SimpleStringProperty("");
    private final BooleanProperty useGnuPg = new SimpleBooleanProperty();
    private final ObservableList<String> artifacts = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty signed = new SimpleBooleanProperty();
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("sign.status.cancelled"));

    public SignViewModel(ReleaseSession session, SignService service) {
        this.session = session;
        this.service = service;
    }

    public void enter() {
        ReleaseRecord doc = session.documentProperty().get();
        if (doc == null) {
            status.set(Messages.get("sign.status.noRelease"));
            return;
        }
        key.set(doc.profile().signingKeyFingerprint());
        useGnuPg.set(doc.profile().usesGnuPg());
        refresh();
        if (tasks.busyProperty().get()) {
            return;
        }
        Optional<String> signedAt = session.doneAt(StepId.SIGN);
        if (key.get().isBlank()) {
            status.set(Messages.get("sign.status.noKey"));
        } else if (artifacts.isEmpty()) {
            status.set(Messages.get("sign.status.noArtifacts"));
        } else if (signedAt.isPresent()) {
            status.set(Messages.get("sign.status.done", signedAt.get()));
        } else {
            status.set(Messages.get("sign.status.ready", artifacts.size()));
        }
    }

    /** The current RC's artifacts as the source step recorded them; none before it is done. */
    private List<Path> files() {
        try {
            return service.artifacts(session.records());
        } catch (ReleasePilotException e) {
            return List.of();
        }
    }

    public void refresh() {
        List<Path> files = files();
        ReleaseRecord doc = session.documentProperty().get();
        StepState state = doc == null ? StepState.NOT_STARTED : session.stateOf(StepId.SIGN);
        artifacts.setAll(files.stream().map(f -> f.getFileName() + (Files.exists(f.resolveSibling(f.getFileName()
                + ".asc")) && Files.exists(f.resolveSibling(f.getFileName() + ".sha512"))
                ? "   \u2714 .asc .sha512" : "   " + Messages.get("sign.unsigned"))).toList());
        signed.set(!files.isEmpty() && state == StepState.DONE);
    }

    /**
     * Signs every artifact of the RC, as the release signs (the backend chosen here is saved in the profile);
     * {@code passphrase} (built-in keyring) is cleared here.
     */
    public void signAll(char[] passphrase) {
        Passphrase pass = new Passphrase(passphrase);
        Arrays.fill(passphrase, '\0');
        List<Path> files = files();
        try {
            ReleaseProfile p = session.documentProperty().get().profile();
            SigningChoice choice = SigningChoice.of(p);
            if (choice.gnupg() != useGnuPg.get()) {
                session.saveProfile(new SigningChoice(choice.fingerprint(), useGnuPg.get(), choice.gnupgHome())
                        .applyTo(p));
            }
        } catch (ReleasePilotException e) {
            pass.close();
            status.set(e.userText());
            return;
        }
        tasks.run(Messages.get("sign.status.signing", files.size()), p -> {
            try (pass) {
                return service.signRc(session.records(), () -> new Passphrase(pass.chars()), p);
            }
        }, signedFiles -> {
            results.setAll(signedFiles.stream().map(s -> s.asc().getFileName() + "  " + s.check().status() + ",  "
                    + s.sha512().getFileName() + "  " + s.sha512Hex().substring(0, 16) + "\u2026").toList());
            try {
                session.reload();
                status.set(Messages.get("sign.status.signed", signedFiles.size()));
            } catch (DataFileException ex) {
                status.set(ex.userText());
            }
            refresh();
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
