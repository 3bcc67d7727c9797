package io.releasepilot.gui.publish;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.DistLogin;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.release.PublishOutputs;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.sign.Promotion;
import io.releasepilot.svn.DistInputs;
import io.releasepilot.svn.DistOptions;
import io.releasepilot.svn.DistPublish;
import io.releasepilot.svn.ForbiddenException;
import io.releasepilot.svn.SvnCredentials;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The Publish step's state: the vote gate, the preview of the move, the commit, and the PMC request on a 403. */
public final class PublishViewModel {
    private final ReleaseSession session;
    private final DialogService dialogs;
    private final DistPublish publish;
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty override = new SimpleStringProperty("");
    private final StringProperty pmcRequest = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty tallyPassed = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty published = new SimpleBooleanProperty();
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("publish.status.cancelled"));
    private DistPublish.Request request;

    /** What a publish run ended with: the new record, or the request for the PMC. */
    private record Outcome(ReleaseRecord record, String pmcRequest, String message) {
    }

    public PublishViewModel(ReleaseSession session, DialogService dialogs, DistOptions options) {
        this.session = session;
        this.dialogs = dialogs;
        this.publish = new DistPublish(options);
    }

    public void enter() {
        ReleaseRecord r = session.documentProperty().get();
        ready.set(false);
        if (r == null) {
            status.set(Messages.get("stage.status.noRelease"));
            return;
        }
        published.set(r.step(StepId.PUBLISH).status() == StepState.DONE);
        PublishOutputs done = r.outputs(StepId.PUBLISH, PublishOutputs.class);
        if (done != null) {
            result.set(Messages.get("publish.result", done.url(), done.revision()));
        }
        java.util.Optional<String> publishedAt = session.doneAt(StepId.PUBLISH);
        if (publishedAt.isPresent() && done != null) {
            status.set(Messages.get("publish.status.published", publishedAt.get(), done.url(),
                    String.valueOf(done.revision())));
            return;
        }
        TallyOutputs tally = r.outputs(StepId.TALLY, TallyOutputs.class);
        tallyPassed.set(tally != null && tally.passed());
        try {
            ReleaseProfile p = r.profile();
            ReleaseNames names = DistInputs.names(r);
            List<Path> files = DistInputs.rcFiles(session.workspaceProperty().get(), r);
            if (!Promotion.nothingToDo(Promotion.plan(files))) {
                status.set(Messages.get("publish.status.renames"));
                return;
            }
            String folder = names.distReleaseUrl().replaceAll("/+$", "");
            folder = folder.substring(folder.lastIndexOf('/') + 1);
            request = new DistPublish.Request(p.distDevUrl(), names.rcFolder(), p.distReleaseUrl(), folder,
                    "Publish " + p.displayName() + " " + folder, tallyPassed.get(), "", List.of(), Set.of());
        } catch (ReleasePilotException e) {
            status.set(e.userText());
            return;
        }
        DistPublish.Request req = request;
        tasks.run(Messages.get("stage.status.looking"), progress -> publish.preview(req, null, progress), pv -> {
            StringBuilder sb = new StringBuilder(Messages.get("publish.preview.move", pv.from(), pv.to())).append('\n');
            pv.files().forEach(f -> sb.append("  ").append(f).append('\n'));
            preview.set(sb.toString());
            status.set(tallyPassed.get() ? Messages.get("publish.status.ready")
                    : Messages.get("publish.status.noTally"));
            ready.set(!published.get());
        });
    }

    public void publish() {
        ReleaseRecord r = session.documentProperty().get();
        String user = r.profile().rmApacheId();
        if (!tallyPassed.get() && override.get().isBlank()) {
            status.set(Messages.get("publish.status.noTally"));
            return;
        }
        SvnCredentials credentials = DistLogin.ask(dialogs, user, status);
        if (credentials == null) {
            return;
        }
        DistPublish.Request req = new DistPublish.Request(request.devUrl(), request.rcFolder(), request.releaseUrl(),
                request.releaseFolder(), request.message(), tallyPassed.get(), override.get(), List.of(), Set.of());
        tasks.run(Messages.get("publish.status.publishing", req.to()), progress -> {
            try (credentials) {
                DistPublish.Result res = publish.publish(req, credentials, progress);
                return new Outcome(session.records().done(StepId.PUBLISH, new PublishOutputs(res.url(),
                        res.revision(), res.override(), res.files())), null, null);
            } catch (ForbiddenException e) {
                return new Outcome(null, e.request(), e.userText());
            }
        }, outcome -> {
            if (outcome.record() == null) {
                status.set(outcome.message());
                pmcRequest.set(outcome.pmcRequest());
                return;
            }
            session.recorded(outcome.record());
            PublishOutputs out = outcome.record().outputs(StepId.PUBLISH, PublishOutputs.class);
            result.set(Messages.get("publish.result", out.url(), out.revision()));
            status.set(Messages.get("publish.status.done"));
            published.set(true);
            ready.set(false);
        });
    }

    public void cancel() {
        tasks.cancel();
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public StringProperty overrideProperty() {
        return override;
    }

    public StringProperty pmcRequestProperty() {
        return pmcRequest;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty tallyPassedProperty() {
        return tallyPassed;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public BooleanProperty publishedProperty() {
        return published;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public DoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
