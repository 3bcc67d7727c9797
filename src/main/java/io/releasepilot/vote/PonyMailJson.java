package io.releasepilot.vote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.mail.inbox.InboundMessage;
import io.releasepilot.mail.inbox.ReadResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a thread as the lists.apache.org (Pony Mail Foal) API gives it: {@code api/thread.lua} returns
 * {@code {"thread": {mid, message-id, subject, from, epoch, children: [...]}, "emails": [...]}} (children are
 * the replies, nested; short entries carry {@code irt} instead of {@code in-reply-to} and no body), and
 * {@code api/email.lua} returns one full email ({@code mid, message-id, in-reply-to, subject, from, epoch, body}).
 * The API sends no References header, so a reply's place in the tree gives its parent.
 */
public final class PonyMailJson {
    /** Largest JSON document read (a thread of a few hundred mails is far below). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** Most mails taken from one thread. */
    public static final int MAX_MAILS = 2_000;
    private static final Pattern NAME_ADDRESS = Pattern.compile("^\\s*\"?(.*?)\"?\\s*<([^<>]+)>\\s*$", Pattern.DOTALL);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, JsonNode> fullByMid = new HashMap<>();
    private JsonNode thread;

    /** Adds a document: a thread.lua answer, one email.lua answer, or a JSON array of emails. */
    public void add(JsonNode doc, String where) throws VoteException {
        if (doc == null) {
            return;
        }
        if (doc.isArray()) {
            for (JsonNode e : doc) {
                add(e, where);
            }
            return;
        }
        if (doc.has("thread") && doc.get("thread").isObject()) {
            if (thread == null) {
                thread = doc.get("thread");
            }
            for (JsonNode e : doc.path("emails")) {
                if (e.hasNonNull("body")) {
                    fullByMid.put(e.path("mid").asText(), e);
                }
            }
            if (thread.hasNonNull("body")) {
                fullByMid.put(thread.path("mid").asText(), thread);
            }
            return;
        }
        if (doc.has("emails") && doc.get("emails").isArray() && !doc.has("thread")) {
            add(doc.get("emails"), where);
            return;
        }
        if (doc.has("mid") && doc.has("message-id")) {
            fullByMid.put(doc.path("mid").asText(), doc);
            return;
        }
        throw new VoteException(where + " is not a Pony Mail thread or email (no \"thread\", no \"mid\"/\"message-id\").",
                "Save https://lists.apache.org/api/thread.lua?id=MID as thread.json (and api/email.lua?id=MID as email.json).");
    }

    /** The mail ids in the thread tree that have no full email (body) yet. */
    public List<String> midsWithoutBody() {
        List<String> missing = new ArrayList<>();
        for (Node n : flatten()) {
            if (!fullByMid.containsKey(n.mid)) {
                missing.add(n.mid);
            }
        }
        return missing;
    }

    public boolean hasThread() {
        return thread != null;
    }

    private record Node(JsonNode json, String mid, String parentMessageId, List<String> ancestors) {
    }

    private List<Node> flatten() {
        List<Node> out = new ArrayList<>();
        if (thread == null) {
            return out;
        }
        Deque<Node> todo = new ArrayDeque<>();
        todo.add(new Node(thread, thread.path("mid").asText(), "", List.of()));
        while (!todo.isEmpty() && out.size() < MAX_MAILS) {
            Node n = todo.removeFirst();
            out.add(n);
            String id = InboundMessage.bareId(n.json.path("message-id").asText(""));
            List<String> chain = new ArrayList<>(n.ancestors);
            chain.add(id);
            for (JsonNode c : n.json.path("children")) {
                todo.addLast(new Node(c, c.path("mid").asText(), id, List.copyOf(chain)));
            }
        }
        return out;
    }

    /** The messages: the thread tree when there is one (bodies from the full emails), else the emails alone. */
    public ReadResult messages() {
        List<InboundMessage> messages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (thread != null) {
            for (Node n : flatten()) {
                JsonNode full = fullByMid.get(n.mid);
                if (full == null) {
                    problems.add("No body for the mail " + Escape.line(n.json.path("subject").asText("")) + " from "
                            + Escape.line(n.json.path("from").asText("")) + " (id " + Escape.line(n.mid)
                            + "); save its api/email.lua answer too.");
                    continue;
                }
                messages.add(toMessage(full, n.parentMessageId, n.ancestors));
            }
        } else {
            Map<String, JsonNode> sorted = new LinkedHashMap<>(fullByMid);
            for (JsonNode e : sorted.values()) {
                messages.add(toMessage(e, "", List.of()));
            }
        }
        return new ReadResult(messages, problems);
    }

    private static InboundMessage toMessage(JsonNode e, String parent, List<String> ancestors) {
        String irt = e.path("in-reply-to").asText(e.path("irt").asText(""));
        if (irt.isBlank()) {
            irt = parent;
        }
        String name = "";
        String address = e.path("from").asText("");
        Matcher m = NAME_ADDRESS.matcher(address);
        if (m.matches()) {
            name = m.group(1).replace("\\\"", "\"").strip();
            address = m.group(2);
        }
        Instant date = e.hasNonNull("epoch") ? Instant.ofEpochSecond(e.get("epoch").asLong()) : null;
        List<String> refs = new ArrayList<>(ancestors);
        for (String r : e.path("references").asText("").split("\\s+")) {
            if (!r.isBlank()) {
                refs.add(r);
            }
        }
        return new InboundMessage(e.path("message-id").asText(""), irt, refs, e.path("subject").asText(""), name,
                address.strip().toLowerCase(Locale.ROOT), date, e.path("body").asText(""));
    }

    /** Reads {@code thread.json} and every {@code email*.json} of a folder saved from lists.apache.org. */
    public static ReadResult readFolder(Path folder) throws VoteException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new VoteException(folder + " is not a folder.", "Give the folder holding thread.json and email.json.");
        }
        PonyMailJson pm = new PonyMailJson();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.json")) {
            for (Path p : dir) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new VoteException("Could not list " + folder + ": " + e.getMessage(), "Check that the folder is readable.", e);
        }
        files.sort(null);
        if (files.stream().noneMatch(p -> p.getFileName().toString().equals("thread.json"))) {
            throw new VoteException(folder + " holds no thread.json.",
                    "Save https://lists.apache.org/api/thread.lua?id=MID as thread.json in that folder.");
        }
        for (Path p : files) {
            pm.add(read(p), p.getFileName().toString());
        }
        return pm.messages();
    }

    private static JsonNode read(Path p) throws VoteException {
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new VoteException(p + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB.", "Save only the vote thread.");
            }
            return parse(bytes, p.toString());
        } catch (IOException e) {
            throw new VoteException("Could not read " + p + ": " + e.getMessage(), "Check that the file is readable.", e);
        }
    }

    static JsonNode parse(byte[] bytes, String where) throws VoteException {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new VoteException(where + " is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
                    "Save the lists.apache.org API answer again, unchanged.", e);
        }
    }
}
