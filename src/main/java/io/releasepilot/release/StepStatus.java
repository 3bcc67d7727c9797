package io.releasepilot.release;

/** How far the release manager got with one step. */
public enum StepStatus {
    NOT_STARTED, IN_PROGRESS, DONE
}
