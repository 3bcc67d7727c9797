package io.releasepilot.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out where each step truly stands. A step is recorded with a digest of its inputs: the profile fields
 * it used and the outputs of the steps it builds on. When one of those changes (an archive rebuilt with other
 * bytes, another key, a new RC tag), the step and everything after it become STALE, with a reason a person
 * understands. Files on disk are checked by {@link RecordFiles}.
 */
public final class RecordEvaluator {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The profile fields each step's result depends on. */
    private static final Map<StepId, List<String>> PROFILE_INPUTS = Map.of(
            StepId.PROFILE, List.of("projectId", "version", "podling"),
            StepId.PLAN, List.of("version", "devList"),
            StepId.BRANCH, List.of("version", "branchPattern", "gitRepository"),
            StepId.KEY, List.of("signingKeyFingerprint", "signingBackend"),
            StepId.NOTES, List.of("version", "gitRepository"),
            StepId.SOURCE, List.of("projectId", "version", "podling", "rcNumber", "rcTagPattern", "gitRepository"),
            StepId.STAGE, List.of("distDevUrl"),
            StepId.VOTE, List.of("devList"),
            StepId.PUBLISH, List.of("distReleaseUrl"),
            StepId.ANNOUNCE, List.of("announceList"));

    private RecordEvaluator() {
    }

    /**
     * The digest of what {@code step} uses in {@code record} now: {@code profile:<hash>,sign:<hash>,…}, one
     * part per input, so that a change can be traced to the input that changed.
     */
    public static String inputDigest(ReleaseRecord record, StepId step) {
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> fields = PROFILE_INPUTS.getOrDefault(step, List.of());
        if (!fields.isEmpty()) {
            ObjectNode profile = Json.mapper().valueToTree(record.profile());
            ObjectNode used = Json.mapper().createObjectNode();
            fields.forEach(f -> used.set(f, profile.get(f)));
            parts.put("profile", hash(used));
        }
        for (StepId p : prerequisitesOf(step, record.profile().podling())) {
            if (p == StepId.PROFILE && parts.containsKey("profile")) {
                continue; // the profile step keeps no outputs: the fields this step uses stand for it
            }
            StepRecord r = record.step(p);
            parts.put(p.id(), hash(r.outputs() == null ? Json.mapper().nullNode() : r.outputs()));
        }
        StringBuilder sb = new StringBuilder();
        parts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append(':').append(v));
        return sb.toString();
    }

    /** The digest part of a step that recorded no outputs (the profile step never does). */
    private static final String NO_OUTPUTS = hash(Json.mapper().nullNode());

    private static List<StepId> prerequisitesOf(StepId step, boolean podling) {
        List<StepId> direct = new ArrayList<>(step.prerequisites());
        if (podling && step == StepId.PUBLISH) {
            direct.add(StepId.IPMC_TALLY);
        }
        return direct;
    }

    private static String hash(JsonNode node) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] canonical = Json.mapper().writeValueAsString(Json.mapper().treeToValue(node, Object.class))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(md.digest(canonical)).substring(0, 16);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("SHA-256 and JSON are always available", e);
        }
    }

    /**
     * Every step of the current candidate with its true state, in flow order. {@code files} checks recorded
     * outputs against the disk (null skips that, for a quick look).
     */
    public static List<StepView> evaluate(ReleaseRecord record, RecordFiles files) {
        boolean podling = record.profile().podling();
        Map<StepId, StepView> seen = new LinkedHashMap<>();
        for (StepId step : StepId.flow(podling)) {
            StepRecord raw = record.step(step);
            StepView view = StepView.of(step, raw);
            if (raw.status().usable()) {
                String why = staleReason(record, step, raw, seen, files);
                if (why != null) {
                    view = StepView.of(step, raw.stale(why));
                }
            }
            seen.put(step, view);
        }
        return List.copyOf(seen.values());
    }

    private static String staleReason(ReleaseRecord record, StepId step, StepRecord raw, Map<StepId, StepView> seen,
                                      RecordFiles files) {
        if (NEEDS_OUTPUTS.contains(step) && raw.outputs() == null && raw.inputDigest() == null) {
            return "It was recorded by an older Release Pilot that did not keep its results. Do this step again so"
                    + " that the steps after it can use them.";
        }
        for (StepId p : prerequisitesOf(step, record.profile().podling())) {
            StepView pv = seen.get(p);
            if (pv != null && !pv.status().usable()) {
                return "It builds on \"" + p.title() + "\", which " + (pv.status() == StepState.STALE
                        ? "has to be done again" : "is not done") + ". Do that first, then this step again.";
            }
        }
        String changed = changedInput(record, step, raw);
        if (changed != null) {
            return changed;
        }
        return files == null ? null : files.problem(record, step, raw);
    }

    private static final Set<StepId> NEEDS_OUTPUTS = Set.of(StepId.KEY, StepId.NOTES, StepId.SOURCE, StepId.SIGN,
            StepId.CHECK, StepId.STAGE, StepId.VOTE, StepId.TALLY, StepId.PUBLISH);

    private static String changedInput(ReleaseRecord record, StepId step, StepRecord raw) {
        if (raw.inputDigest() == null) {
            return null;
        }
        Map<String, String> then = parts(raw.inputDigest());
        Map<String, String> now = parts(inputDigest(record, step));
        if (NO_OUTPUTS.equals(then.get("profile"))) {
            // Recorded before the digest kept the profile's fields (the profile step's empty outputs stood in
            // their place): nothing to compare them with.
            now.put("profile", NO_OUTPUTS);
        }
        if (then.equals(now)) {
            return null;
        }
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (e.getValue().equals(then.get(e.getKey()))) {
                continue;
            }
            if ("profile".equals(e.getKey())) {
                return "The release profile changed after this step (" + String.join(", ",
                        PROFILE_INPUTS.getOrDefault(step, List.of())) + " matter here). Do this step again.";
            }
            StepId input = StepId.byId(e.getKey()).orElse(null);
            if (input == null) {
                continue;
            }
            StepRecord ir = record.step(input);
            String when = ir.at() == null ? "" : " at " + TIME.format(ir.at());
            return reason(step, input, when);
        }
        return "Something this step used changed since. Do it again.";
    }

    private static String reason(StepId step, StepId input, String when) {
        if (input == StepId.SOURCE && step == StepId.SIGN) {
            return "The archive was rebuilt" + when + "; its signatures no longer match it. Sign again.";
        }
        if (input == StepId.KEY && step == StepId.SIGN) {
            return "The signing key changed" + when + "; sign again with the new key.";
        }
        if (input == StepId.SIGN && step == StepId.CHECK) {
            return "The artifacts were signed again" + when + "; check the candidate again.";
        }
        if (input == StepId.SIGN && step == StepId.STAGE) {
            return "The artifacts changed after they were staged (signed again" + when + "); stage them again.";
        }
        if (input == StepId.KEY && step == StepId.KEYS_FILE) {
            return "The signing key changed" + when + "; add the new key to KEYS.";
        }
        return "\"" + input.title() + "\" was done again" + when + " after this step. Do \"" + step.title()
                + "\" again.";
    }

    private static Map<String, String> parts(String digest) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : digest.split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                out.put(part.substring(0, colon), part.substring(colon + 1));
            }
        }
        return out;
    }

    /**
     * How long from {@code now} until {@code until}, in words: "2 days 3 hours", "5 hours 10 minutes",
     * "12 minutes", "less than a minute"; "0 minutes" when it is past.
     */
    public static String remaining(Instant now, Instant until) {
        long minutes = Math.max(0, java.time.Duration.between(now, until).toMinutes());
        if (!until.isAfter(now)) {
            return "0 minutes";
        }
        if (minutes == 0) {
            return "less than a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return io.releasepilot.core.Plural.of(days, "day", "days")
                    + (hours > 0 ? " " + io.releasepilot.core.Plural.of(hours, "hour", "hours") : "");
        }
        if (hours > 0) {
            return io.releasepilot.core.Plural.of(hours, "hour", "hours")
                    + (mins > 0 ? " " + io.releasepilot.core.Plural.of(mins, "minute", "minutes") : "");
        }
        return io.releasepilot.core.Plural.of(mins, "minute", "minutes");
    }

    /** "2026-11-25 14:02 UTC". */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
