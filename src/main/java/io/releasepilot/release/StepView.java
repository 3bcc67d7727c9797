package io.releasepilot.release;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** One step as the release manager sees it: its true state (stale included), when, until when and why. */
public record StepView(StepId step, StepState status, Instant at, Instant until, String reason, ObjectNode outputs) {

    static StepView of(StepId step, StepRecord r) {
        return new StepView(step, r.status(), r.at(), r.until(), r.reason(), r.outputs());
    }

    public <T> T outputs(Class<T> type) {
        return StepRecord.read(outputs, type);
    }
}
