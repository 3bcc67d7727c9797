package io.releasepilot.gui.check;

import io.releasepilot.check.CheckService;
import io.releasepilot.core.DataFileException;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Check step's state: the KEYS to use, the verifier's run on the RC (off the FX thread) and its findings. */
public final class CheckViewModel {
    private final ReleaseSession session;
    private final CheckService service;
    private final StringProperty keysFile = new SimpleStringProperty("");
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty passed = new SimpleBooleanProperty();
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("check.status.cancelled"));

    public CheckViewModel(ReleaseSession session, CheckService service) {
        this.session = session;
        this.service = service;
    }

    public void enter() {
        if (session.documentProperty().get() == null) {
            status.set(Messages.get("check.status.noRelease"));
            return;
        }
        passed.set(session.stateOf(StepId.CHECK) == StepState.DONE);
        if (tasks.busyProperty().get()) {
            return;
        }
        Optional<String> checkedAt = session.doneAt(StepId.CHECK);
        if (session.stateOf(StepId.SIGN) != StepState.DONE) {
            status.set(Messages.get("check.status.notReady"));
        } else if (checkedAt.isPresent()) {
            status.set(Messages.get("check.status.done", checkedAt.get()));
        } else {
            status.set(Messages.get("check.status.ready"));
        }
    }

    public void check() {
        String keys = keysFile.get() == null ? "" : keysFile.get().strip();
        Optional<Path> given = keys.isEmpty() ? Optional.empty() : Optional.of(Path.of(keys));
        tasks.run(Messages.get("check.status.checking"), p -> service.check(session.records(), given, p), checked -> {
            List<String> lines = new ArrayList<>();
            checked.report().artifacts().forEach(a -> lines.add(a.name() + ": signature " + a.signature().status()
                    + ", " + a.checksums().size() + " checksum file(s)"));
            checked.report().findings().forEach(f -> lines.add(f.severity() + "  " + (f.file().isEmpty() ? ""
                    : f.file() + ": ") + f.message()));
            results.setAll(lines);
            passed.set(checked.report().passed());
            String summary = (checked.report().passed() ? "PASSED" : "FAILED") + ": "
                    + checked.report().artifacts().size() + " artifact(s)";
            status.set(Messages.get(checked.report().passed() ? "check.status.passed" : "check.status.failed", summary,
                    checked.keysUsed()));
            try {
                session.reload();
            } catch (DataFileException e) {
                status.set(e.userText());
            }
        });
    }

    public void cancel() {
        tasks.cancel();
    }

    public StringProperty keysFileProperty() {
        return keysFile;
    }

    public ObservableList<String> results() {
        return results;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty passedProperty() {
        return passed;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public DoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
