package io.releasepilot.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private final URI server;
    private final HttpClient http;

    public KeyServerUpload(URI server) {
        this.server = server;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** What the server said: the key's fingerprint and each address's state (unpublished, pending, published). */
    public record Result(String fingerprint, Map<String, String> addresses, List<String> verificationRequested) {
    }

    public Result upload(byte[] armoredPublicKey) throws ReleasePilotException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("keytext", new String(armoredPublicKey, StandardCharsets.US_ASCII));
        JsonNode reply = post("/vks/v1/upload", body);
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

    private JsonNode post(String path, ObjectNode body) throws ReleasePilotException {
        URI uri = server.resolve(path);
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(response.body());
            if (response.statusCode() / 100 != 2) {
                throw new ReleasePilotException(uri + " answered " + response.statusCode() + ": "
                        + json.path("error").asText(response.body()), "Check the key and try again later.");
            }
            return json;
        } catch (IOException e) {
            throw new ReleasePilotException("Could not reach " + server + ": " + reason(e) + ".",
                    "Check your network connection, or upload the key at " + server + "/upload by hand.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleasePilotException("The upload was interrupted.", "Try again.", e);
        }
    }

    /** What went wrong, in words: Java's network exceptions often have no message at all. */
    static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "the name " + server(t) + "could not be resolved (no network, or no DNS)";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof java.net.ConnectException) {
                return "the connection could not be made (refused, or no network)";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "the secure connection failed (" + text(t) + ")";
            }
        }
        return text(e);
    }

    private static String server(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? "" : t.getMessage() + " ";
    }

    private static String text(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }
}
