package io.releasepilot.vote;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.Progress;
import io.releasepilot.mail.inbox.InboundMessage;
import io.releasepilot.mail.inbox.ReadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Threads as lists.apache.org's API gives them: saved JSON, or fetched from a server replaying that JSON. */
class PonyMailTest {
    static final Path DIR = VoteTallyTest.DIR.resolve("ponymail");
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void replayServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, String> emails = Map.of("b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0", "email.json",
                "c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4", "email-carol.json", "h3h3h3h3h3h3h3h3h3h3h3h3h3h3h3h3",
                "email-heidi.json", "d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4", "email-dave.json");
        server.createContext("/api/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String id = exchange.getRequestURI().getQuery().replaceFirst("^id=", "");
            requests.add(path + "?" + id);
            String file = path.endsWith("/thread.lua") && id.equals("q8w7e6r5t4y3u2i1o0p9a8s7d6f5g4h3") ? "thread.json"
                    : path.endsWith("/email.lua") ? emails.get(id) : null;
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(DIR.resolve(file));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static Roster foo() throws Exception {
        return Roster.readCommitteeInfo(VoteTallyTest.DIR.resolve("committee-info.json"), "foo");
    }

    @Test
    void savedThreadAndEmailJsonGiveTheTreeWithBodies() throws Exception {
        ReadResult r = PonyMailJson.readFolder(DIR);

        assertThat(r.problems()).isEmpty();
        assertThat(r.messages()).extracting(InboundMessage::messageId, InboundMessage::inReplyTo, InboundMessage::fromName)
                .containsExactly(tuple("CAJ-call-foo-120-rc1@mail.gmail.com", "", "Jane Release"),
                        tuple("bob-1@apache.org", "CAJ-call-foo-120-rc1@mail.gmail.com", "Bob Binding"),
                        tuple("carol-1@apache.org", "CAJ-call-foo-120-rc1@mail.gmail.com", "Carol Apple"),
                        tuple("dave-1@example.com", "bob-1@apache.org", "Dave Dev"),
                        tuple("heidi-1@apache.org", "carol-1@apache.org", "Heidi Sig"));
        assertThat(r.messages().get(4).references()).containsExactly("CAJ-call-foo-120-rc1@mail.gmail.com", "carol-1@apache.org");
        assertThat(r.messages().get(0).date()).isEqualTo(Instant.parse("2026-11-16T10:00:00Z"));
    }

    @Test
    void anonymisedAddressesAreMatchedByNameAndVisibleStart() throws Exception {
        TallyResult t = Tally.count(PonyMailJson.readFolder(DIR), null, foo(), Map.of(), List.of(),
                VoteTallyTest.AFTER_72_HOURS, List.of());

        assertThat(t.voters()).extracting(TallyResult.Voter::email, TallyResult.Voter::binding, TallyResult.Voter::matchedBy)
                .containsExactly(tuple("jr...@apache.org", true, Roster.MatchedBy.NAME),
                        tuple("bo...@apache.org", true, Roster.MatchedBy.NAME),
                        tuple("ca...@apache.org", true, Roster.MatchedBy.NAME),
                        tuple("da...@example.com", false, null),
                        tuple("he...@apache.org", true, Roster.MatchedBy.NAME));
        assertThat(t.binding()).isEqualTo(new TallyResult.Counts(4, 0, 0));
        assertThat(t.passed()).isTrue();
    }

    @Test
    void aMissingEmailJsonIsReportedNotSilentlyDropped() throws Exception {
        Path only = Files.createTempDirectory("pm");
        Files.copy(DIR.resolve("thread.json"), only.resolve("thread.json"));
        ReadResult r = PonyMailJson.readFolder(only);

        assertThat(r.messages()).hasSize(1);
        assertThat(r.problems()).hasSize(4).first().asString().startsWith(
                "No body for the mail Re: [VOTE] Release Apache Foo 1.2.0 RC1 from Bob Binding <bo...@apache.org>");
    }

    @Test
    void aThreadLinkIsFetchedThroughTheApiOneMailAtATime() throws Exception {
        String link = "http://127.0.0.1:" + server.getAddress().getPort() + "/thread/q8w7e6r5t4y3u2i1o0p9a8s7d6f5g4h3";
        ReadResult r = new PonyMailFetcher().fetch(PonyMailFetcher.ThreadLink.parse(link), Progress.NONE);

        assertThat(r.messages()).hasSize(5);
        assertThat(requests).containsExactly("/api/thread.lua?q8w7e6r5t4y3u2i1o0p9a8s7d6f5g4h3",
                "/api/email.lua?b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0", "/api/email.lua?c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4",
                "/api/email.lua?d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4", "/api/email.lua?h3h3h3h3h3h3h3h3h3h3h3h3h3h3h3h3");
        assertThat(TallyJson.write(Tally.count(r, null, foo(), Map.of(), List.of(), VoteTallyTest.AFTER_72_HOURS, List.of())))
                .isEqualTo(TallyJson.write(Tally.count(PonyMailJson.readFolder(DIR), null, foo(), Map.of(), List.of(),
                        VoteTallyTest.AFTER_72_HOURS, List.of())));
    }

    @Test
    void anUnknownThreadIsAPlainError() {
        String link = "http://localhost:" + server.getAddress().getPort() + "/api/thread.lua?id=nope";
        assertThatThrownBy(() -> new PonyMailFetcher().fetch(PonyMailFetcher.ThreadLink.parse(link), Progress.NONE))
                .isInstanceOf(VoteException.class)
                .hasMessage("localhost answered 404 for http://localhost:" + server.getAddress().getPort()
                        + "/api/thread.lua?id=nope.");
    }

    @Test
    void plainHttpIsRefusedExceptToThisMachine() throws Exception {
        assertThatThrownBy(() -> PonyMailFetcher.ThreadLink.parse("http://lists.apache.org/thread/abc"))
                .isInstanceOf(VoteException.class)
                .hasMessage("The link uses plain http: http://lists.apache.org/thread/abc");
        PonyMailFetcher.ThreadLink l = PonyMailFetcher.ThreadLink.parse("https://lists.apache.org/thread/abc123?dev@foo.apache.org");
        assertThat(l.threadApi()).hasToString("https://lists.apache.org/api/thread.lua?id=abc123");
        assertThat(l.threadPage()).isEqualTo("https://lists.apache.org/thread/abc123");
    }
}
