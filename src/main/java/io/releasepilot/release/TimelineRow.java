package io.releasepilot.release;

import java.time.LocalDate;

/**
 * One row of the timeline: its number (for {@code --remove N} and {@code --done N}), its day and its distance
 * from the RC date ("T-14", "T", "T+3"), what to do, the step it belongs to (null for a row the release manager
 * added), where that stands, a detail (until when a step waits, why it must be done again, when it was done)
 * and the command that does it (empty for an added row).
 */
public record TimelineRow(int number, LocalDate date, String offset, String what, StepId step, State state,
                          String detail, String command) {

    /** Where a row stands on the day the timeline is looked at. */
    public enum State {
        /** Its step is done (or the release manager marked the row done). */
        DONE,
        /** Its step waits for others until a time (the vote, the mirrors). */
        WAITING,
        /** Its day has passed and it is not done. */
        LATE,
        /** Its day is today or ahead. */
        TO_DO;

        /** "done", "waiting", "late", "to do". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** True for a row the release manager added (it can be removed and marked done). */
    public boolean added() {
        return step == null;
    }
}
