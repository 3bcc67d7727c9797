package io.releasepilot.gui.branch;

import io.releasepilot.branch.BranchService;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.BranchPush;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.release.BranchOutputs;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;

/**
 * The Release branch step's state: the plan (cut x.y from the main line for a feature release, use the
 * existing branch for a patch release), shown before anything is done; then the branch created or recorded,
 * and an optional push. Git work runs off the FX thread.
 */
public final class BranchViewModel {
    private final ReleaseSession session;
    private final DialogService dialogs;
    private final BranchService service = new BranchService();
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty plan = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty(Messages.get("branch.apply.create"));
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty remote = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final TaskRunner tasks;
    private BranchService.Plan current;

    public BranchViewModel(ReleaseSession session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        this.tasks = new TaskRunner(status, Messages.get("branch.status.cancelled"));
        from.addListener((obs, old, now) -> ready.set(false));
    }

    /** Shown each time the step is entered: what was recorded, and a fresh plan. */
    public void enter() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null) {
            status.set(Messages.get("branch.status.noRelease"));
            return;
        }
        boolean recorded = r.step(StepId.BRANCH).status() == StepState.DONE;
        done.set(recorded);
        if (recorded) {
            showRecorded(r.outputs(StepId.BRANCH, BranchOutputs.class));
        }
        if (!tasks.busyProperty().get()) {
            preview();
        }
    }

    /** Works out what will happen, without touching the repository. */
    public void preview() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null) {
            return;
        }
        ReleaseProfile p = r.profile();
        String line = from.get();
        ready.set(false);
        tasks.run(Messages.get("branch.status.looking"), progress -> {
            BranchService.Plan pl = service.plan(p, line);
            List<String> remotes = service.remotes(pl.repository());
            return new Found(pl, remotes.isEmpty() ? "" : remotes.contains("origin") ? "origin" : remotes.get(0));
        }, found -> {
            current = found.plan();
            plan.set(found.plan().description());
            remote.set(found.remote());
            action.set(Messages.get(found.plan().action() == BranchService.Action.CREATE ? "branch.apply.create"
                    : "branch.apply.use"));
            ready.set(true);
            status.set(Messages.get("branch.status.previewed"));
        });
    }

    private record Found(BranchService.Plan plan, String remote) {
    }

    /** Creates the branch (a feature release) or records the existing one, and records the step. */
    public void apply() {
        BranchService.Plan chosen = current;
        if (chosen == null || !ready.get()) {
            return;
        }
        tasks.run(Messages.get("branch.status.applying"), progress -> service.apply(session.records(), chosen),
                out -> {
                    try {
                        session.reload();
                    } catch (ReleasePilotException e) {
                        status.set(e.userText());
                        return;
                    }
                    showRecorded(out);
                    done.set(true);
                    ready.set(false);
                    status.set(Messages.get("branch.status.done"));
                });
    }

    /** Pushes the branch to the remote; the password is asked for this push only and cleared after. */
    public void push() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null || !done.get() || remote.get().isEmpty()) {
            return;
        }
        BranchOutputs out = r.outputs(StepId.BRANCH, BranchOutputs.class);
        Path repo = Path.of(r.profile().gitRepository());
        String user = r.profile().rmApacheId();
        String where = remote.get();
        new BranchPush(dialogs, tasks, status).push(repo, where, user, List.of(out.branch()),
                Messages.get("branch.password.title"), Messages.get("branch.password.message", out.branch(), where,
                        user), branch -> status.set(Messages.get("branch.status.pushed", branch, where)));
    }

    private void showRecorded(BranchOutputs out) {
        result.set(Messages.get(out.created() ? "branch.result.created" : "branch.result.used", out.branch(),
                out.commitId().substring(0, Math.min(12, out.commitId().length())), out.from()));
    }

    public void cancel() {
        tasks.cancel();
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty planProperty() {
        return plan;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty remoteProperty() {
        return remote;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public BooleanProperty doneProperty() {
        return done;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public javafx.beans.property.DoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
