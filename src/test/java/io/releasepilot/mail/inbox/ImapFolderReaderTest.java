package io.releasepilot.mail.inbox;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.releasepilot.core.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads the vote thread from a real IMAP server (GreenMail on a free port). */
class ImapFolderReaderTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    GreenMailUser user;

    @BeforeEach
    void deliverTheThread() throws Exception {
        user = MAIL.setUser("jane@example.org", "jane", "s3cret-imap");
        try (Stream<Path> files = Files.list(MessageParserTest.DIR)) {
            for (Path p : files.sorted().toList()) {
                user.deliver(GreenMailUtil.newMimeMessage(Files.newInputStream(p)));
            }
        }
    }

    String url() {
        return "imap://jane@127.0.0.1:" + MAIL.getImap().getPort() + "/INBOX";
    }

    @Test
    void readsEveryMailOfTheFolderAndClearsThePassword() throws Exception {
        char[] password = "s3cret-imap".toCharArray();
        ReadResult r = new ImapFolderReader().read(ImapFolderReader.Location.parse(url()), password, Progress.NONE);

        assertThat(r.problems()).isEmpty();
        assertThat(r.messages()).hasSize(14);
        assertThat(r.messages()).extracting(InboundMessage::fromName).contains("Zoë Müller", "Carol Apple");
        assertThat(password).containsOnly('\0');
    }

    @Test
    void aWrongPasswordIsAPlainErrorWithoutThePassword() {
        assertThatThrownBy(() -> new ImapFolderReader().read(ImapFolderReader.Location.parse(url()),
                "wrong-pass".toCharArray(), Progress.NONE))
                .isInstanceOf(InboxException.class)
                .hasMessage("The IMAP server 127.0.0.1 refused the login of jane.")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong-pass"));
    }

    @Test
    void aPasswordInTheUrlIsRefused() {
        assertThatThrownBy(() -> ImapFolderReader.Location.parse("imaps://jane:s3cret@imap.example.org/INBOX"))
                .isInstanceOf(InboxException.class)
                .hasMessage("The IMAP URL contains a password; it is not used and should not be written there.")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("s3cret"));
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> new ImapFolderReader().read(ImapFolderReader.Location.parse(
                url().replace("INBOX", "Lists/dev")), "s3cret-imap".toCharArray(), Progress.NONE))
                .isInstanceOf(InboxException.class)
                .hasMessage("The IMAP folder \"Lists/dev\" does not exist on 127.0.0.1.");
    }

    @Test
    void locationDefaultsThePortAndShowsNoSecret() throws Exception {
        ImapFolderReader.Location l = ImapFolderReader.Location.parse("imaps://jane%40example.org@imap.example.org/Lists%2Fdev");
        assertThat(l.display()).isEqualTo("imaps://jane@example.org@imap.example.org:993/Lists/dev");
        assertThat(new String(Files.readAllBytes(MessageParserTest.DIR.resolve("01-call.eml")), StandardCharsets.UTF_8))
                .contains("[VOTE]");
    }
}
