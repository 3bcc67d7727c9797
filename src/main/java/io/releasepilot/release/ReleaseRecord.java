package io.releasepilot.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code release.json} (schema 2): the profile, every release candidate with what each step
 * recorded for it (all kept as history), and the settings a step remembers between sessions (export rules,
 * mail server, aliases of voters), keyed by step id. The current candidate is the profile's RC number.
 */
public record ReleaseRecord(int schemaVersion, ReleaseProfile profile, List<RcRecord> candidates,
                            Map<String, ObjectNode> settings) {
    public static final int CURRENT_SCHEMA = 2;

    public ReleaseRecord {
        candidates = candidates == null ? List.of()
                : candidates.stream().sorted(Comparator.comparingInt(RcRecord::rc)).toList();
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** A new release: the profile, and its first candidate started now. */
    public static ReleaseRecord of(ReleaseProfile profile, Instant now) {
        return new ReleaseRecord(CURRENT_SCHEMA, profile, List.of(RcRecord.start(profile.rcNumber(), now)), Map.of());
    }

    public int currentRc() {
        return profile.rcNumber();
    }

    /** The record of candidate {@code rc}; an empty one when it has none yet. */
    public RcRecord rc(int rc) {
        return candidates.stream().filter(c -> c.rc() == rc).findFirst()
                .orElseGet(() -> new RcRecord(rc, null, null, Map.of()));
    }

    public RcRecord current() {
        return rc(currentRc());
    }

    /**
     * What {@code step} recorded for the current candidate. Steps that are not per candidate (profile, key,
     * KEYS, notes) are looked up in the newest candidate that recorded them.
     */
    public StepRecord step(StepId step) {
        StepRecord own = current().step(step);
        if (own.status() != StepState.NOT_STARTED || step.perCandidate()) {
            return own;
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            StepRecord earlier = candidates.get(i).step(step);
            if (earlier.status() != StepState.NOT_STARTED && candidates.get(i).rc() <= currentRc()) {
                return earlier;
            }
        }
        return own;
    }

    /** The outputs {@code step} recorded for the current candidate, or null. */
    public <T> T outputs(StepId step, Class<T> type) {
        StepRecord r = step(step);
        return r.status().usable() || r.status() == StepState.STALE ? r.outputs(type) : null;
    }

    public ReleaseRecord withProfile(ReleaseProfile newProfile) {
        ReleaseRecord next = new ReleaseRecord(schemaVersion, newProfile, candidates, settings);
        return next.candidates.stream().anyMatch(c -> c.rc() == newProfile.rcNumber()) ? next
                : next.withCandidate(RcRecord.start(newProfile.rcNumber(), Instant.now()));
    }

    /** This record with {@code step} of the current candidate set to {@code record}. */
    public ReleaseRecord withStep(StepId step, StepRecord record) {
        return withCandidate(current().with(step, record));
    }

    public ReleaseRecord withCandidate(RcRecord rc) {
        Map<Integer, RcRecord> byNumber = new LinkedHashMap<>();
        candidates.forEach(c -> byNumber.put(c.rc(), c));
        byNumber.put(rc.rc(), rc);
        return new ReleaseRecord(schemaVersion, profile, new ArrayList<>(byNumber.values()), settings);
    }

    /** The settings {@code step} remembered, as {@code type}, or null. */
    public <T> T settings(StepId step, Class<T> type) {
        ObjectNode node = settings.get(step.id());
        if (node == null) {
            return null;
        }
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The key of the timeline's plan in {@code settings} (not a step id; older files simply lack it). */
    static final String TIMELINE_KEY = "timeline";

    /** The planned RC date and the release manager's own timeline rows; empty when none were set. */
    public TimelinePlan timeline() {
        ObjectNode node = settings.get(TIMELINE_KEY);
        TimelinePlan plan = node == null ? null : StepRecord.read(node, TimelinePlan.class);
        return plan == null ? TimelinePlan.EMPTY : plan;
    }

    public ReleaseRecord withTimeline(TimelinePlan plan) {
        Map<String, ObjectNode> copy = new TreeMap<>(settings);
        copy.put(TIMELINE_KEY, Json.mapper().valueToTree(plan));
        return new ReleaseRecord(schemaVersion, profile, candidates, copy);
    }

    public ReleaseRecord withSettings(StepId step, Object value) {
        Map<String, ObjectNode> copy = new TreeMap<>(settings);
        copy.put(step.id(), Json.mapper().valueToTree(value));
        return new ReleaseRecord(schemaVersion, profile, candidates, copy);
    }
}
