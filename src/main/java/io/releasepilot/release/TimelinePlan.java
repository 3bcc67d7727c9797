package io.releasepilot.release;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the release manager planned: the day RC 1 is to be cut (every date of the timeline counts from it) and
 * the rows they added themselves ("Ask infra about the new download page"). Kept in release.json under
 * {@code settings.timeline}, so older files without it still load.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelinePlan(LocalDate rcDate, List<Note> notes) {
    /** The longest text a row may have; a timeline row is a line, not a document. */
    public static final int MAX_TEXT = 300;
    /** An empty plan: no RC date, no rows of one's own. */
    public static final TimelinePlan EMPTY = new TimelinePlan(null, List.of());

    public TimelinePlan {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A row the release manager added: its day, what to do, and whether they marked it done. */
    public record Note(LocalDate date, String text, boolean done) {
        public Note {
            if (date == null) {
                throw new IllegalArgumentException("a timeline row needs its date");
            }
            text = text == null ? "" : text.strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("a timeline row needs a text saying what to do");
            }
            if (text.length() > MAX_TEXT || text.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
                throw new IllegalArgumentException("a timeline row is one line of at most " + MAX_TEXT
                        + " characters");
            }
        }
    }

    public TimelinePlan withRcDate(LocalDate date) {
        return new TimelinePlan(date, notes);
    }

    public TimelinePlan with(Note note) {
        List<Note> copy = new ArrayList<>(notes);
        copy.add(note);
        return new TimelinePlan(rcDate, copy);
    }

    /** This plan without {@code note} (the first equal one), or unchanged when it has no such row. */
    public TimelinePlan without(Note note) {
        List<Note> copy = new ArrayList<>(notes);
        copy.remove(note);
        return new TimelinePlan(rcDate, copy);
    }

    /** This plan with {@code note} replaced by {@code replacement}. */
    public TimelinePlan replacing(Note note, Note replacement) {
        List<Note> copy = new ArrayList<>(notes);
        int i = copy.indexOf(note);
        if (i >= 0) {
            copy.set(i, replacement);
        }
        return new TimelinePlan(rcDate, copy);
    }
}
