package io.releasepilot.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.IoErrors;
import io.releasepilot.core.Json;
import io.releasepilot.core.ReleasePilotException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Publishes a public key to keys.openpgp.org through its VKS API ({@code POST /vks/v1/upload}, then
 * {@code POST /vks/v1/request-verify} so the server mails each address a confirmation link). Only the public
 * key is sent.
 */
public final class KeyServerUpload {
    public static final URI DEFAULT_SERVER = URI.create("https://keys.openpgp.org");
    private static final int MAX_REPLY_BYTES = 1 << 20;
    private final URI server;
    private final HttpClient http;

    public KeyServerUpload(URI server) {
        this.server = server;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** What the server said: the key's fingerprint and each address's state (unpublished, pending, published). */
    public record Result(String fingerprint, Map<String, String> addresses, List<String> verificationRequested) {
    }

    /** The server must be an https URL, or http to this machine (a test server); nothing else is contacted. */
    public static void checkServer(URI server) throws ReleasePilotException {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = server.getHost();
        boolean ok = host != null && server.getRawUserInfo() == null
                && ("https".equals(scheme) || "http".equals(scheme) && isLoopback(host));
        if (!ok) {
            throw new ReleasePilotException("\"" + IoErrors.redact(server.toString()) + "\" is not a key server"
                    + " address.", "Give an https:// address such as " + DEFAULT_SERVER + " (http:// only for a"
                    + " server on this machine, e.g. http://127.0.0.1:8080).");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(h)) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public Result upload(byte[] armoredPublicKey) throws ReleasePilotException {
        checkServer(server);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("keytext", new String(armoredPublicKey, StandardCharsets.US_ASCII));
        JsonNode reply = post("/vks/v1/upload", body);
        checkUploadReply(reply, server.resolve("/vks/v1/upload"));
        String token = reply.path("token").asText("");
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = reply.path("status").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            states.put(e.getKey(), e.getValue().asText());
        }
        List<String> toVerify = new ArrayList<>();
        states.forEach((address, state) -> {
            if ("unpublished".equals(state)) {
                toVerify.add(address);
            }
        });
        if (!toVerify.isEmpty() && !token.isEmpty()) {
            ObjectNode request = Json.mapper().createObjectNode();
            request.put("token", token);
            toVerify.forEach(request.putArray("addresses")::add);
            post("/vks/v1/request-verify", request);
        }
        return new Result(reply.path("key_fpr").asText(""), states, toVerify);
    }

    /** A key server's upload answer names the key's fingerprint (hex) and each address's state. */
    private void checkUploadReply(JsonNode reply, URI uri) throws ReleasePilotException {
        String fpr = reply.path("key_fpr").asText("");
        boolean ok = reply.isObject() && fpr.matches("[0-9A-Fa-f]{32,64}") && reply.path("status").isObject()
                && reply.path("token").isTextual();
        if (!ok) {
            throw new ReleasePilotException(IoErrors.redact(uri.toString()) + " did not answer like a key server"
                    + " (no fingerprint and address states in its reply); the key may not be published.",
                    "Check the --server address (the default is " + DEFAULT_SERVER + "), or upload the key by hand"
                            + " at " + DEFAULT_SERVER + "/upload.");
        }
    }

    private JsonNode post(String path, ObjectNode body) throws ReleasePilotException {
        URI uri = server.resolve(path);
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
                    .build();
            HttpResponse<java.io.InputStream> response = http.send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (java.io.InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_REPLY_BYTES + 1);
                if (bytes.length > MAX_REPLY_BYTES) {
                    throw new ReleasePilotException(IoErrors.redact(uri.toString()) + " sent a reply of more than "
                            + MAX_REPLY_BYTES / 1024 + " KiB; a key server's answer is small.",
                            "Check the --server address.");
                }
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            JsonNode json = parse(text);
            if (response.statusCode() / 100 != 2) {
                String said = json.path("error").asText(text.strip());
                throw new ReleasePilotException(IoErrors.redact(uri.toString()) + " answered " + response.statusCode()
                        + ": " + printable(said.length() > 300 ? said.substring(0, 300) + "…" : said),
                        "Check the key and try again later.");
            }
            return json;
        } catch (IOException e) {
            throw new ReleasePilotException("Could not reach " + IoErrors.redact(server.toString()) + ": "
                    + IoErrors.reason(e) + ".", "Check your network connection, or upload the key at "
                    + DEFAULT_SERVER + "/upload by hand.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleasePilotException("The upload was interrupted.", "Try again.", e);
        } catch (IllegalArgumentException e) {
            throw new ReleasePilotException("\"" + IoErrors.redact(server.toString()) + "\" is not a key server"
                    + " address.", "Give an https:// address such as " + DEFAULT_SERVER + ".", e);
        }
    }

    /** The reply as JSON, or an empty object when it is not JSON (then it is reported as not a key server's). */
    private static JsonNode parse(String text) {
        try {
            JsonNode json = text.isBlank() ? null : Json.mapper().readTree(text);
            return json == null ? Json.mapper().createObjectNode() : json;
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}&&[^\n]]", "?");
    }
}
