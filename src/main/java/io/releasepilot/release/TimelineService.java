package io.releasepilot.release;

import io.releasepilot.core.DataFileException;
import io.releasepilot.core.ReleasePilotException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The timeline of one release folder, for the window and the command line alike: set the planned RC date, add,
 * remove and tick off one's own rows, and read the dated rows with where each stands today. Changes are saved
 * in release.json like every step's record (under its lock, atomically).
 */
public final class TimelineService {
    private final RecordService records;
    private final Clock clock;

    /** {@code clock} says what "today" is (tests fix it); the record's files are read through {@code records}. */
    public TimelineService(RecordService records, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public TimelinePlan plan() throws DataFileException {
        return records.load().timeline();
    }

    /** The rows as of now (see {@link Timeline#rows}); empty of steps while no RC date is set. */
    public List<TimelineRow> rows() throws DataFileException {
        ReleaseRecord r = records.load();
        ReleaseStatus status = records.status();
        return Timeline.rows(r, status.steps(), clock.instant(), records.workspace().dir());
    }

    /** Sets the day RC 1 is planned for; every step's date counts from it. */
    public TimelinePlan setRcDate(LocalDate date) throws DataFileException {
        Objects.requireNonNull(date, "date");
        return records.updateTimeline(p -> p.withRcDate(date));
    }

    /** Adds a row of one's own ({@code text} on {@code date}). */
    public TimelinePlan add(LocalDate date, String text) throws ReleasePilotException {
        TimelinePlan.Note note;
        try {
            note = new TimelinePlan.Note(date, text, false);
        } catch (IllegalArgumentException e) {
            throw new ReleasePilotException("Not added: " + e.getMessage() + ".", "Give a date such as 2026-12-03"
                    + " and one line of text, e.g. --add 2026-12-03 \"Ask infra about the download page\".");
        }
        return records.updateTimeline(p -> p.with(note));
    }

    /** Removes row {@code number} of {@link #rows()}; only rows one added can be removed. */
    public TimelinePlan remove(int number) throws ReleasePilotException {
        TimelinePlan.Note note = addedRow(number, "removed");
        return records.updateTimeline(p -> p.without(note));
    }

    /** Marks row {@code number} of {@link #rows()} done (or not); a step's row follows its step instead. */
    public TimelinePlan markDone(int number, boolean done) throws ReleasePilotException {
        TimelinePlan.Note note = addedRow(number, "marked done");
        return records.updateTimeline(p -> p.replacing(note, new TimelinePlan.Note(note.date(), note.text(), done)));
    }

    private TimelinePlan.Note addedRow(int number, String what) throws ReleasePilotException {
        List<TimelineRow> rows = rows();
        if (number < 1 || number > rows.size()) {
            throw new ReleasePilotException("There is no row " + number + " in the timeline (it has " + rows.size()
                    + (rows.size() == 1 ? " row" : " rows") + ").", "Give the number shown in the first column of"
                    + " release-pilot timeline --dir RELEASE_DIR.");
        }
        TimelineRow row = rows.get(number - 1);
        TimelinePlan.Note note = Timeline.noteOf(plan(), rows, number);
        if (note == null) {
            throw new ReleasePilotException("Row " + number + " (\"" + row.what() + "\") is a step of the release; it"
                    + " cannot be " + what + ".", "Only rows you added can be " + what + ". A step's row follows"
                    + " the step: " + row.command());
        }
        return note;
    }
}
