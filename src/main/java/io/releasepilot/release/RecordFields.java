package io.releasepilot.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.DataFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the shape of release.json before Jackson reads it, so that a wrong field is reported in words ("
 * "profile.rcNumber" is missing; it must be a whole number such as 1") rather than in Jackson's terms.
 */
final class RecordFields {
    private static final Map<String, ProfileField> PROFILE_TEXT = Map.ofEntries(
            Map.entry("projectId", ProfileField.PROJECT_ID), Map.entry("displayName", ProfileField.DISPLAY_NAME),
            Map.entry("version", ProfileField.VERSION), Map.entry("gitRepository", ProfileField.GIT_REPOSITORY),
            Map.entry("rcTagPattern", ProfileField.RC_TAG_PATTERN),
            Map.entry("releaseTagPattern", ProfileField.RELEASE_TAG_PATTERN),
            Map.entry("branchPattern", ProfileField.BRANCH_PATTERN), Map.entry("distDevUrl", ProfileField.DIST_DEV_URL),
            Map.entry("distReleaseUrl", ProfileField.DIST_RELEASE_URL), Map.entry("devList", ProfileField.DEV_LIST),
            Map.entry("announceList", ProfileField.ANNOUNCE_LIST), Map.entry("rmName", ProfileField.RM_NAME),
            Map.entry("rmApacheId", ProfileField.RM_APACHE_ID), Map.entry("rmEmail", ProfileField.RM_EMAIL),
            Map.entry("signingKeyFingerprint", ProfileField.SIGNING_KEY));
    private static final List<String> REQUIRED_TEXT = List.of("projectId", "version");

    private RecordFields() {
    }

    static void check(Path file, JsonNode root) throws DataFileException {
        List<String> problems = new ArrayList<>();
        JsonNode profile = root.get("profile");
        if (profile == null || !profile.isObject()) {
            throw ReleaseStore.damaged(file, "it has no \"profile\" section", null);
        }
        for (String name : REQUIRED_TEXT) {
            if (!profile.has(name)) {
                problems.add("\"profile." + name + "\" is missing; it must be text such as \""
                        + PROFILE_TEXT.get(name).example() + "\"");
            }
        }
        PROFILE_TEXT.forEach((name, field) -> {
            JsonNode v = profile.get(name);
            if (v != null && !v.isTextual() && !v.isNull()) {
                problems.add("\"profile." + name + "\" is " + v + "; it must be text in quotes, such as \""
                        + field.example() + "\"");
            }
        });
        for (String name : List.of("signingBackend", "gnupgHome")) {
            JsonNode v = profile.get(name);
            if (v != null && !v.isTextual() && !v.isNull()) {
                problems.add("\"profile." + name + "\" is " + v + "; it must be text in quotes");
            }
        }
        JsonNode backend = profile.get("signingBackend");
        if (backend != null && backend.isTextual() && !backend.asText().isBlank()
                && !List.of(ReleaseProfile.BACKEND_BUILT_IN, ReleaseProfile.BACKEND_GNUPG).contains(backend.asText())) {
            problems.add("\"profile.signingBackend\" is \"" + backend.asText() + "\"; it must be \""
                    + ReleaseProfile.BACKEND_BUILT_IN + "\" or \"" + ReleaseProfile.BACKEND_GNUPG + "\"");
        }
        JsonNode rc = profile.get("rcNumber");
        if (rc == null) {
            problems.add("\"profile.rcNumber\" is missing; it must be a whole number such as 1");
        } else if (!rc.isIntegralNumber() || !rc.canConvertToInt()) {
            problems.add("\"profile.rcNumber\" is " + rc + "; it must be a whole number such as 1");
        }
        JsonNode podling = profile.get("podling");
        if (podling != null && !podling.isBoolean()) {
            problems.add("\"profile.podling\" is " + podling + "; it must be true or false");
        }
        checkCandidates(root.get("candidates"), problems);
        if (!problems.isEmpty()) {
            throw ReleaseStore.damaged(file, String.join("; ", problems), null);
        }
    }

    private static void checkCandidates(JsonNode candidates, List<String> problems) {
        if (candidates == null || candidates.isNull()) {
            return;
        }
        if (!candidates.isArray()) {
            problems.add("\"candidates\" must be a list");
            return;
        }
        String states = Arrays.stream(StepState.values()).map(Enum::name).collect(Collectors.joining(", "));
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode c = candidates.get(i);
            JsonNode rc = c.get("rc");
            if (rc == null || !rc.isIntegralNumber() || rc.asInt() < 1) {
                problems.add("\"candidates[" + i + "].rc\" must be an RC number such as 1");
            }
            for (var it = c.path("steps").fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode status = e.getValue().get("status");
                if (status == null || !status.isTextual() || Arrays.stream(StepState.values())
                        .noneMatch(s -> s.name().equals(status.asText()))) {
                    problems.add("\"candidates[" + i + "].steps." + e.getKey() + ".status\" is " + status
                            + "; it must be one of " + states);
                }
            }
        }
    }

    /** A Jackson error in words: where in the file, and what was expected. */
    static String plain(Exception e) {
        if (e instanceof JsonMappingException jm && !jm.getPath().isEmpty()) {
            String path = jm.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining()).substring(1);
            Throwable root = jm.getCause() instanceof IllegalArgumentException iae ? iae : null;
            return "the value at \"" + path + "\" is not valid" + (root == null ? "" : ": " + root.getMessage());
        }
        if (e instanceof JsonProcessingException jp) {
            return jp.getOriginalMessage();
        }
        return e.getMessage();
    }
}
