package io.releasepilot.release;

/** Where one step of a release candidate stands. */
public enum StepState {
    /** Nothing recorded yet. */
    NOT_STARTED,
    /** Done, with its outputs recorded. */
    DONE,
    /** Done on our side and waiting for others until a given time (a vote stays open 72 hours). */
    WAITING,
    /** The last try failed; the record keeps the message. */
    FAILED,
    /** Was done, but something it used changed since: it has to be done again. */
    STALE;

    /** True when the step's outputs can be used by the steps after it. */
    public boolean usable() {
        return this == DONE || this == WAITING;
    }
}
