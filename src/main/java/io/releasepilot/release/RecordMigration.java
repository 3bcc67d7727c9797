package io.releasepilot.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.DataFileException;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Upgrades a schema-1 release.json (a profile and a DONE flag per step, no outputs) to schema 2. The flags
 * become the current candidate's step records; a step that needs outputs the old file never kept (source,
 * sign, notes) stays DONE without them, and the evaluator asks for it to be done again.
 */
final class RecordMigration {
    /** The schema-1 file, kept once beside release.json when it is first saved as schema 2. */
    static final String SCHEMA1_COPY = "release.schema1.json";

    private RecordMigration() {
    }

    static ObjectNode fromSchema1(Path file, ObjectNode old) throws DataFileException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode profile = old.get("profile");
        if (profile == null || !profile.isObject()) {
            throw ReleaseStore.damaged(file, "it has no \"profile\"", null);
        }
        JsonNode rcNode = profile.get("rcNumber");
        int rc = rcNode != null && rcNode.canConvertToInt() && rcNode.asInt() >= 1 ? rcNode.asInt() : 1;
        ObjectNode steps = f.objectNode();
        JsonNode oldSteps = old.path("steps");
        for (Iterator<Map.Entry<String, JsonNode>> it = oldSteps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!"DONE".equals(e.getValue().asText())) {
                continue;
            }
            String id = "keys".equals(e.getKey()) ? StepId.KEY.id() : e.getKey();
            if (StepId.byId(id).isEmpty()) {
                continue;
            }
            ObjectNode step = f.objectNode();
            step.put("status", StepState.DONE.name());
            if (StepId.KEY.id().equals(id) && !profile.path("signingKeyFingerprint").asText().isBlank()) {
                ObjectNode outputs = f.objectNode();
                outputs.put("fingerprint", profile.path("signingKeyFingerprint").asText());
                outputs.put("backend", ReleaseProfile.BACKEND_BUILT_IN);
                step.set("outputs", outputs);
            }
            steps.set(id, step);
        }
        ObjectNode candidate = f.objectNode();
        candidate.put("rc", rc);
        candidate.set("steps", steps);
        ArrayNode candidates = f.arrayNode();
        candidates.add(candidate);
        ObjectNode upgraded = f.objectNode();
        upgraded.put(ReleaseStore.SCHEMA_FIELD, ReleaseRecord.CURRENT_SCHEMA);
        upgraded.set("profile", profile.deepCopy());
        upgraded.set("candidates", candidates);
        return upgraded;
    }
}
