package io.releasepilot.gui.stage;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.DistLogin;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.svn.DistInputs;
import io.releasepilot.svn.DistOptions;
import io.releasepilot.svn.DistStage;
import io.releasepilot.svn.SvnCredentials;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/** The Stage step's state: the preview of the RC folder, the commit with progress, and its result. */
public final class StageViewModel {
    private final ReleaseSession session;
    private final DialogService dialogs;
    private final DistStage stage;
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty canStage = new SimpleBooleanProperty();
    private final BooleanProperty staged = new SimpleBooleanProperty();
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("stage.status.cancelled"));
    private DistStage.Request request;
    private boolean ready;

    public StageViewModel(ReleaseSession session, DialogService dialogs, DistOptions options) {
        this.session = session;
        this.dialogs = dialogs;
        this.stage = new DistStage(options);
        // after a failed or cancelled commit (a wrong password), the user may try again
        tasks.busyProperty().addListener((o, was, now) -> canStage.set(!now && ready && !staged.get()));
    }

    public void enter() {
        ReleaseRecord r = session.documentProperty().get();
        canStage.set(false);
        ready = false;
        if (r == null) {
            status.set(Messages.get("stage.status.noRelease"));
            return;
        }
        StageOutputs done = r.outputs(StepId.STAGE, StageOutputs.class);
        staged.set(r.step(StepId.STAGE).status() == StepState.DONE);
        if (done != null) {
            result.set(Messages.get("stage.result", done.url(), done.revision()));
        }
        try {
            ReleaseProfile p = r.profile();
            String folder = DistInputs.names(r).rcFolder();
            request = new DistStage.Request(p.distDevUrl(), folder, DistInputs.rcFiles(session.workspaceProperty()
                    .get(), r), "Stage " + p.displayName() + " " + folder);
        } catch (ReleasePilotException e) {
            status.set(e.userText());
            return;
        }
        DistStage.Request req = request;
        tasks.run(Messages.get("stage.status.looking"), progress -> stage.preview(req, null, progress), pv -> {
            StringBuilder sb = new StringBuilder(Messages.get("stage.preview.url", pv.url())).append('\n');
            pv.files().forEach(f -> sb.append("  ").append(f.name()).append("   ").append(f.bytes()).append(" bytes\n"));
            sb.append(Messages.get("stage.preview.total", pv.files().size(), pv.totalBytes()));
            preview.set(sb.toString());
            Optional<String> stagedAt = session.doneAt(StepId.STAGE);
            if (stagedAt.isPresent() && done != null) {
                status.set(Messages.get("stage.status.staged", stagedAt.get(), done.url(), String.valueOf(done.revision())));
            } else if (pv.exists()) {
                status.set(Messages.get("stage.status.exists", pv.url(), pv.nextRcFolder()));
            } else {
                status.set(Messages.get("stage.status.ready"));
                ready = true;
                canStage.set(!staged.get());
            }
        });
    }

    /** Asks for the Apache password, then commits the folder; the password is cleared after. */
    public void stage() {
        ReleaseRecord r = session.documentProperty().get();
        String user = r.profile().rmApacheId();
        SvnCredentials credentials = DistLogin.ask(dialogs, user, status);
        if (credentials == null) {
            return;
        }
        DistStage.Request req = request;
        canStage.set(false);
        tasks.run(Messages.get("stage.status.staging", req.folderUrl()), progress -> {
            try (credentials) {
                DistStage.Result res = stage.stage(req, credentials, progress);
                return session.records().done(StepId.STAGE, new StageOutputs(res.url(), res.revision(),
                        res.files().stream().map(f -> new ArtifactRecord(f.name(), f.bytes(), f.sha512())).toList()));
            }
        }, record -> {
            session.recorded(record);
            StageOutputs out = record.outputs(StepId.STAGE, StageOutputs.class);
            result.set(Messages.get("stage.result", out.url(), out.revision()));
            status.set(Messages.get("stage.status.done"));
            staged.set(true);
            canStage.set(false);
        });
    }

    public void cancel() {
        tasks.cancel();
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty canStageProperty() {
        return canStage;
    }

    public BooleanProperty stagedProperty() {
        return staged;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public DoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
