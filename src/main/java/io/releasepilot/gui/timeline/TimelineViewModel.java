package io.releasepilot.gui.timeline;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.FxTask;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.TimelineRow;
import io.releasepilot.release.TimelineService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The Timeline's state: the planned RC date, the dated rows with where each stands (from the release record),
 * and the release manager's own rows (add, mark done, remove). Reading and saving run off the FX thread; every
 * change is saved in release.json at once.
 */
public final class TimelineViewModel {
    private final ReleaseSession session;
    private final Clock clock;
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final StringProperty rcDate = new SimpleStringProperty("");
    private final StringProperty newDate = new SimpleStringProperty("");
    private final StringProperty newText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty planned = new SimpleBooleanProperty();
    private final TaskRunner tasks;

    public TimelineViewModel(ReleaseSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.tasks = new TaskRunner(status, Messages.get("timeline.status.cancelled"));
        session.documentProperty().addListener((obs, old, now) -> {
            if (now != null && !tasks.busyProperty().get()) {
                refresh(); // a step was recorded: its row's state follows
            }
        });
    }

    private TimelineService service() {
        RecordService records = session.records();
        return records == null ? null : new TimelineService(records, clock);
    }

    /** Shown each time the step is entered: the planned RC date and the rows as of today. */
    public void enter() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null) {
            status.set(Messages.get("timeline.status.noRelease"));
            return;
        }
        LocalDate date = r.timeline().rcDate();
        rcDate.set(date == null ? "" : date.toString());
        refresh();
    }

    private void refresh() {
        TimelineService s = service();
        if (s == null || session.documentProperty().get() == null) {
            return;
        }
        tasks.run(null, progress -> s.rows(), this::show);
    }

    private void show(List<TimelineRow> found) {
        rows.setAll(found);
        ReleaseRecord r = session.documentProperty().get();
        boolean hasDate = r != null && r.timeline().rcDate() != null;
        planned.set(hasDate);
        if (status.get().isEmpty() || !hasDate) {
            status.set(hasDate ? "" : Messages.get("timeline.status.noDate"));
        }
    }

    /** Sets the planned RC date (yyyy-mm-dd); every step's day counts from it. */
    public void setRcDate() {
        LocalDate date = parse(rcDate.get());
        if (date == null) {
            return;
        }
        change(Messages.get("timeline.status.dateSet", date.toString()), s -> s.setRcDate(date));
    }

    /** Adds a row of one's own. */
    public void add() {
        LocalDate date = parse(newDate.get());
        if (date == null) {
            return;
        }
        String text = newText.get();
        change(Messages.get("timeline.status.added"), s -> s.add(date, text));
        newText.set("");
    }

    /** Marks the selected own row done, or not done again. */
    public void toggleDone(TimelineRow row) {
        if (row == null || !row.added()) {
            status.set(Messages.get("timeline.status.onlyOwn"));
            return;
        }
        boolean done = row.state() != TimelineRow.State.DONE;
        change(Messages.get(done ? "timeline.status.markedDone" : "timeline.status.markedOpen"),
                s -> s.markDone(row.number(), done));
    }

    /** Removes the selected own row. */
    public void remove(TimelineRow row) {
        if (row == null || !row.added()) {
            status.set(Messages.get("timeline.status.onlyOwn"));
            return;
        }
        change(Messages.get("timeline.status.removed"), s -> s.remove(row.number()));
    }

    private interface Change {
        Object apply(TimelineService service) throws ReleasePilotException;
    }

    private void change(String said, Change change) {
        TimelineService s = service();
        if (s == null) {
            return;
        }
        FxTask.Work<List<TimelineRow>> work = progress -> {
            change.apply(s);
            return s.rows();
        };
        tasks.run(null, work, found -> {
            try {
                session.reload();
            } catch (ReleasePilotException e) {
                status.set(e.userText());
                return;
            }
            status.set(said);
            show(found);
        });
    }

    private LocalDate parse(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            status.set(Messages.get("timeline.status.badDate", text == null ? "" : text.strip()));
            return null;
        }
    }

    public ObservableList<TimelineRow> rows() {
        return rows;
    }

    public StringProperty rcDateProperty() {
        return rcDate;
    }

    public StringProperty newDateProperty() {
        return newDate;
    }

    public StringProperty newTextProperty() {
        return newText;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** True once an RC date is set (the step list then ticks the timeline). */
    public BooleanProperty plannedProperty() {
        return planned;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }
}
