package io.releasepilot.release;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One release candidate's history: when it was started, why it ended (a failed or cancelled vote; null while
 * it is the current one or when it passed) and what each step recorded for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RcRecord(int rc, Instant startedAt, String endedBecause, Map<String, StepRecord> steps) {

    public RcRecord {
        if (rc < 1) {
            throw new IllegalArgumentException("RC numbers start at 1: " + rc);
        }
        steps = ordered(steps == null ? Map.of() : steps);
    }

    public static RcRecord start(int rc, Instant at) {
        return new RcRecord(rc, at, null, Map.of());
    }

    /** What {@code step} recorded; {@link StepRecord#NOT_STARTED} when nothing. */
    public StepRecord step(StepId step) {
        return steps.getOrDefault(step.id(), StepRecord.NOT_STARTED);
    }

    public RcRecord with(StepId step, StepRecord record) {
        Map<String, StepRecord> copy = new LinkedHashMap<>(steps);
        copy.put(step.id(), record);
        return new RcRecord(rc, startedAt, endedBecause, copy);
    }

    public RcRecord ended(String because) {
        return new RcRecord(rc, startedAt, because, steps);
    }

    /** The steps in flow order, unknown ids (from a newer version) last, so release.json reads in order. */
    private static Map<String, StepRecord> ordered(Map<String, StepRecord> in) {
        Map<String, StepRecord> out = new LinkedHashMap<>();
        for (StepId s : StepId.values()) {
            if (in.containsKey(s.id())) {
                out.put(s.id(), in.get(s.id()));
            }
        }
        in.forEach(out::putIfAbsent);
        return java.util.Collections.unmodifiableMap(out);
    }
}
