package io.releasepilot.gui.nextversion;

import io.releasepilot.branch.BranchService;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.BranchPush;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.keys.KeyService;
import io.releasepilot.nextversion.NextVersionService;
import io.releasepilot.release.BranchOutputs;
import io.releasepilot.release.NextVersionOutputs;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.source.SourceService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Next version step's state: the lines to move (the release branch, after x.y.0 also the main line), the
 * diff of each version file, then one commit per line on a new branch. The preview and the commit run off the
 * FX thread; nothing is written before the release manager has seen the diff and confirmed.
 */
public final class NextVersionViewModel {
    private final ReleaseSession session;
    private final DialogService dialogs;
    private final SourceService source;
    private final NextVersionService service = new NextVersionService();
    private final StringProperty versionFile = new SimpleStringProperty("");
    private final StringProperty mainBranch = new SimpleStringProperty("main");
    private final StringProperty plan = new SimpleStringProperty("");
    private final StringProperty diff = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final BooleanProperty force = new SimpleBooleanProperty();
    private final StringProperty readiness = new SimpleStringProperty("");
    private final StringProperty remote = new SimpleStringProperty("");
    private final BranchService branchService = new BranchService();
    private boolean allowed;
    private final TaskRunner tasks;
    private List<NextVersionService.Plan> plans = List.of();

    public NextVersionViewModel(ReleaseSession session, DialogService dialogs, KeyService keys) {
        this.session = session;
        this.dialogs = dialogs;
        this.source = new SourceService(keys);
        this.tasks = new TaskRunner(status, Messages.get("nextVersion.status.cancelled"));
        versionFile.addListener((obs, old, now) -> ready.set(false));
        force.addListener((obs, old, now) -> showReadiness());
        mainBranch.addListener((obs, old, now) -> ready.set(false));
    }

    /** Shown each time the step is entered: what was committed, or a fresh preview. */
    public void enter() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null) {
            status.set(Messages.get("nextVersion.status.noRelease"));
            return;
        }
        BranchOutputs cut = r.step(StepId.BRANCH).status().usable()
                ? r.outputs(StepId.BRANCH, BranchOutputs.class) : null;
        if (cut != null && cut.created() && "main".equals(mainBranch.get())) {
            mainBranch.set(cut.from()); // the line the release branch was cut from moves on too
        }
        boolean recorded = r.step(StepId.NEXT_VERSION).status() == StepState.DONE;
        done.set(recorded);
        if (recorded) {
            showCommitted(r.outputs(StepId.NEXT_VERSION, NextVersionOutputs.class));
        }
        if (!tasks.busyProperty().get()) {
            preview();
        }
    }

    /** Works out the lines to move and the diff of each, without writing anything. */
    public void preview() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null) {
            return;
        }
        ReleaseProfile p = r.profile();
        if (p.gitRepository() == null || p.gitRepository().isBlank()) {
            status.set(Messages.get("nextVersion.status.noRepository"));
            return;
        }
        Path repo = Path.of(p.gitRepository());
        String named = versionFile.get().strip();
        String wantedMain = mainBranch.get().strip();
        ready.set(false);
        tasks.run(Messages.get("nextVersion.status.looking"), progress -> {
            List<String> tags = source.tags(repo);
            List<String> branches = service.branches(repo);
            // the line the release branch was cut from, when it is a branch (--from may have named a tag or a
            // commit), else main, else master
            String main = branches.contains(wantedMain) ? wantedMain : branches.contains("main") ? "main"
                    : branches.contains("master") ? "master" : wantedMain;
            List<NextVersionService.Plan> out = new ArrayList<>();
            for (NextVersionService.Target t : service.targets(p, tags, branches, main)) {
                out.add(service.plan(repo, t, named.isEmpty() ? Optional.empty() : Optional.of(named)));
            }
            List<String> remotes = branchService.remotes(repo);
            return new Found(out, remotes.isEmpty() ? "" : remotes.contains("origin") ? "origin" : remotes.get(0));
        }, f -> {
            remote.set(f.remote());
            show(f.plans());
        });
    }

    /** The lines to move, and the remote the new branches can be pushed to ("" when the repository has none). */
    private record Found(List<NextVersionService.Plan> plans, String remote) {
    }

    private void show(List<NextVersionService.Plan> found) {
        plans = found;
        StringBuilder lines = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (NextVersionService.Plan pl : found) {
            NextVersionService.Target t = pl.target();
            lines.append(Messages.get("nextVersion.line", t.line(), t.from(), t.to(), t.branch(), t.startPoint()))
                    .append('\n');
            if (pl.changes().isEmpty()) {
                lines.append("   ").append(Messages.get("nextVersion.line.noFile", t.from(), pl.checked().isEmpty()
                        ? Messages.get("nextVersion.none") : String.join(", ", pl.checked()))).append('\n');
            }
            text.append(pl.diff());
        }
        plan.set(lines.toString().strip());
        diff.set(text.toString());
        boolean any = found.stream().anyMatch(pl -> !pl.changes().isEmpty());
        status.set(any ? Messages.get("nextVersion.status.previewed") : Messages.get("nextVersion.status.nothing"));
        changes = any;
        showReadiness();
    }

    private boolean changes;

    /**
     * Before the vote passed, the next version waits (if the vote fails, the next RC keeps this version); the
     * release manager may move on anyway when the project moves its lines earlier.
     */
    private void showReadiness() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null) {
            return;
        }
        NextVersionService.Readiness rd = NextVersionService.readiness(r, session.workspaceProperty().get().dir());
        allowed = rd.allowed();
        readiness.set(rd.message() == null ? "" : rd.allowed() ? rd.message()
                : Messages.get("nextVersion.notYet", rd.message()));
        ready.set(changes && (allowed || force.get()) && !done.get());
    }

    /** After a last confirmation, commits each line's change on its new branch and records the step. */
    public void commit() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null || !ready.get()) {
            return;
        }
        List<NextVersionService.Plan> chosen = plans;
        String branches = String.join(", ", chosen.stream().filter(pl -> !pl.changes().isEmpty())
                .map(pl -> pl.target().branch()).toList());
        if (!dialogs.confirm(Messages.get("nextVersion.confirm.title"),
                Messages.get("nextVersion.confirm.message", branches, r.profile().gitRepository()))) {
            status.set(Messages.get("nextVersion.status.notCommitted"));
            return;
        }
        ReleaseProfile p = r.profile();
        Path repo = Path.of(p.gitRepository());
        tasks.run(Messages.get("nextVersion.status.committing"),
                progress -> service.commit(session.records(), repo, chosen, p.rmName(), p.rmEmail()), out -> {
                    try {
                        session.reload();
                    } catch (ReleasePilotException e) {
                        status.set(e.userText());
                        return;
                    }
                    showCommitted(out);
                    ready.set(false);
                    done.set(!out.bumps().isEmpty());
                    status.set(Messages.get("nextVersion.status.done"));
                });
    }

    /** Pushes the new branches to the remote for pull requests; the password is asked once, for this push only. */
    public void push() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null || !done.get() || remote.get().isEmpty()) {
            return;
        }
        NextVersionOutputs out = r.outputs(StepId.NEXT_VERSION, NextVersionOutputs.class);
        List<String> branches = out.bumps().stream().map(NextVersionOutputs.Bump::branch).toList();
        Path repo = Path.of(r.profile().gitRepository());
        String user = r.profile().rmApacheId();
        String where = remote.get();
        new BranchPush(dialogs, tasks, status).push(repo, where, user, branches,
                Messages.get("nextVersion.password.title"), Messages.get("nextVersion.password.message",
                        String.join(", ", branches), where, user),
                pushed -> status.set(Messages.get("nextVersion.status.pushed", pushed, where)));
    }

    /** The remote the branches go to ("" when the repository has none: then there is nothing to push to). */
    public StringProperty remoteProperty() {
        return remote;
    }

    private void showCommitted(NextVersionOutputs out) {
        StringBuilder b = new StringBuilder();
        for (NextVersionOutputs.Bump bump : out.bumps()) {
            b.append(Messages.get("nextVersion.committed", bump.line(), bump.version(), bump.branch(),
                    bump.commitId().substring(0, Math.min(12, bump.commitId().length())))).append('\n');
        }
        result.set(b.toString().strip());
    }

    public void cancel() {
        tasks.cancel();
    }

    /** Move on before the vote passed (the project moves its lines earlier, e.g. right after the branch cut). */
    public BooleanProperty forceProperty() {
        return force;
    }

    /** Why the next version should wait (empty once the vote passed and the release is published). */
    public StringProperty readinessProperty() {
        return readiness;
    }

    public StringProperty versionFileProperty() {
        return versionFile;
    }

    public StringProperty mainBranchProperty() {
        return mainBranch;
    }

    public StringProperty planProperty() {
        return plan;
    }

    public StringProperty diffProperty() {
        return diff;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty statusProperty() {
        return status;
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

    public DoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
