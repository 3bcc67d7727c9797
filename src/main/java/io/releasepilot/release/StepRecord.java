package io.releasepilot.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.Json;

import java.time.Instant;
import java.util.Objects;

/**
 * What one step of one release candidate recorded: its state, when, until when (a waiting vote), why (a
 * failure's message or what made it stale), a digest of the inputs it used, and its outputs — one of the
 * {@code *Outputs} records of this package, kept as JSON so that release.json stays readable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepRecord(StepState status, Instant at, Instant until, String reason, String inputDigest,
                         ObjectNode outputs) {

    public static final StepRecord NOT_STARTED = new StepRecord(StepState.NOT_STARTED, null, null, null, null, null);

    public StepRecord {
        Objects.requireNonNull(status, "status");
        if (status == StepState.WAITING && until == null) {
            throw new IllegalArgumentException("a waiting step needs the time it waits until");
        }
    }

    public static StepRecord done(Instant at, Object outputs, String inputDigest) {
        return new StepRecord(StepState.DONE, at, null, null, inputDigest, toJson(outputs));
    }

    public static StepRecord waiting(Instant at, Instant until, Object outputs, String inputDigest) {
        return new StepRecord(StepState.WAITING, at, until, null, inputDigest, toJson(outputs));
    }

    public static StepRecord failed(Instant at, String message) {
        return new StepRecord(StepState.FAILED, at, null, message, null, null);
    }

    /** The same record, seen as stale for {@code why}; its outputs are kept, as history. */
    public StepRecord stale(String why) {
        return new StepRecord(StepState.STALE, at, until, why, inputDigest, outputs);
    }

    /** The outputs as their record type, or null when the step recorded none. */
    public <T> T outputs(Class<T> type) {
        return read(outputs, type);
    }

    /** {@code node} as {@code type}; null when there is nothing or it does not have that shape. */
    static <T> T read(ObjectNode node, Class<T> type) {
        if (node == null || node.isEmpty()) {
            return null;
        }
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ObjectNode toJson(Object outputs) {
        if (outputs == null) {
            return null;
        }
        if (outputs instanceof ObjectNode node) {
            return node.deepCopy();
        }
        return Json.mapper().valueToTree(outputs);
    }
}
