package io.releasepilot.gui.prune;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.DistLogin;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.release.PruneOutputs;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.svn.DistInputs;
import io.releasepilot.svn.DistOptions;
import io.releasepilot.svn.DistPrune;
import io.releasepilot.svn.SvnCredentials;
import io.releasepilot.version.Version;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Set;
import java.util.stream.Collectors;

/** The Prune step's state: the proposal with one tick per folder, the commit, and its result. */
public final class PruneViewModel {
    /** One folder of the proposal; untick to keep it. */
    public static final class Row {
        private final DistPrune.Candidate candidate;
        private final BooleanProperty remove;

        Row(DistPrune.Candidate candidate) {
            this.candidate = candidate;
            this.remove = new SimpleBooleanProperty(candidate.remove());
        }

        public BooleanProperty removeProperty() {
            return remove;
        }

        @Override
        public String toString() {
            return candidate.area() + "/" + candidate.name() + "   (" + candidate.why() + ")";
        }
    }

    private final ReleaseSession session;
    private final DialogService dialogs;
    private final DistPrune prune;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty pruned = new SimpleBooleanProperty();
    private final TaskRunner tasks = new TaskRunner(status, Messages.get("publish.status.cancelled"));
    private DistPrune.Proposal proposal;

    public PruneViewModel(ReleaseSession session, DialogService dialogs, DistOptions options) {
        this.session = session;
        this.dialogs = dialogs;
        this.prune = new DistPrune(options);
    }

    public void enter() {
        ReleaseRecord r = session.documentProperty().get();
        ready.set(false);
        if (r == null) {
            status.set(Messages.get("stage.status.noRelease"));
            return;
        }
        pruned.set(r.step(StepId.PRUNE).status() == StepState.DONE);
        ReleaseProfile p = r.profile();
        Version current;
        try {
            current = DistInputs.names(r).version();
        } catch (ReleasePilotException e) {
            status.set(e.userText());
            return;
        }
        tasks.run(Messages.get("stage.status.looking"), progress -> prune.propose(p.distReleaseUrl(),
                p.distDevUrl(), current, null, progress), pr -> {
            proposal = pr;
            rows.setAll(pr.candidates().stream().map(Row::new).toList());
            status.set(pr.removals().isEmpty() ? Messages.get("prune.status.nothing")
                    : Messages.get("prune.status.ready", pr.removals().size()));
            ready.set(!pr.candidates().isEmpty());
        });
    }

    public void prune() {
        ReleaseRecord r = session.documentProperty().get();
        String user = r.profile().rmApacheId();
        Set<String> keep = rows.stream().filter(row -> !row.remove.get()).map(row -> row.candidate.name())
                .collect(Collectors.toSet());
        DistPrune.Proposal chosen = new DistPrune.Proposal(proposal.releaseUrl(), proposal.devUrl(),
                rows.stream().map(row -> new DistPrune.Candidate(row.candidate.area(), row.candidate.name(),
                        row.candidate.url(), row.remove.get(), row.candidate.why())).toList());
        if (chosen.removals().isEmpty()) {
            status.set(Messages.get("prune.status.nothing"));
            return;
        }
        SvnCredentials credentials = DistLogin.ask(dialogs, user, status);
        if (credentials == null) {
            return;
        }
        String message = "Remove old " + r.profile().displayName() + " releases (archived on archive.apache.org)";
        tasks.run(Messages.get("prune.status.pruning", chosen.removals().size()), progress -> {
            try (credentials) {
                DistPrune.Result res = prune.prune(chosen, message, credentials, progress);
                return session.records().done(StepId.PRUNE, new PruneOutputs(res.revision(), res.removed()));
            }
        }, record -> {
            session.recorded(record);
            PruneOutputs out = record.outputs(StepId.PRUNE, PruneOutputs.class);
            result.set(Messages.get("prune.result", out.removed().size(), out.revision(), keep.size()));
            status.set(Messages.get("prune.status.done"));
            pruned.set(true);
            ready.set(false);
        });
    }

    public void cancel() {
        tasks.cancel();
    }

    public ObservableList<Row> rows() {
        return rows;
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

    public BooleanProperty prunedProperty() {
        return pruned;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public DoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
