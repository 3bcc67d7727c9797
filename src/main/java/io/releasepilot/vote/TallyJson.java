package io.releasepilot.vote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The tally as JSON, in the shape scripts rely on: {@code passed, canClose, closesAt, binding{plus,zero,minus},
 * nonBinding{…}, voters[{name,email,vote,binding,line,date}], flagged[{email,reason,line}]}.
 */
public final class TallyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TallyJson() {
    }

    public static ObjectNode toJson(TallyResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("passed", r.passed());
        root.put("canClose", r.canClose());
        root.put("closesAt", r.closesAt().toString());
        root.set("binding", counts(r.binding()));
        root.set("nonBinding", counts(r.nonBinding()));
        ArrayNode voters = root.putArray("voters");
        for (TallyResult.Voter v : r.voters()) {
            ObjectNode o = voters.addObject();
            o.put("name", v.name());
            o.put("email", v.email());
            o.put("vote", v.vote().text());
            o.put("binding", v.binding());
            o.put("line", v.line());
            o.put("date", date(v.date()));
        }
        ArrayNode flagged = root.putArray("flagged");
        for (TallyResult.Flag f : r.flagged()) {
            ObjectNode o = flagged.addObject();
            o.put("email", f.email());
            o.put("reason", f.reason());
            o.put("line", f.line());
        }
        return root;
    }

    public static String write(TallyResult r) {
        try {
            return MAPPER.writeValueAsString(toJson(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static ObjectNode counts(TallyResult.Counts c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("plus", c.plus());
        o.put("zero", c.zero());
        o.put("minus", c.minus());
        return o;
    }

    private static String date(Instant i) {
        return i == null ? null : i.toString();
    }
}
