package io.releasepilot.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real SMTP against GreenMail: plain with AUTH, TLS, wrong password, STARTTLS required, refused, timeout. */
class SmtpSenderTest {
    private static final String PASSWORD = "s3cret-Pw-4711";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("jdoe@apache.org", "jdoe", PASSWORD))
            .withPerMethodLifecycle(true);

    private final MailComposer composer = new MailComposer(Clock.fixed(MailFixtures.SENT, ZoneOffset.UTC));

    private MailDraft vote() throws MailException {
        MailDraft d = composer.compose(MailKind.VOTE, MailFixtures.complete(false), null, null);
        assertThat(d.ready()).as(d.problemsText()).isTrue();
        return d;
    }

    private static int smtpPort() {
        return GREEN_MAIL.getSmtp().getPort();
    }

    private static Message[] readInboxOverImap(String user) throws Exception {
        Properties p = new Properties();
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", GREEN_MAIL.getImap().getPort(), user, user);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        return inbox.getMessages();
    }

    @Test
    void sendsOverPlainSmtpWithAuthAndTheListReadsItBackOverImap(@TempDir Path dir) throws Exception {
        MailDraft draft = vote();
        SmtpSender.Receipt receipt = new SmtpSender().send(draft,
                SmtpSettings.parse("127.0.0.1:" + smtpPort(), "none", "jdoe"), PASSWORD.toCharArray());

        assertThat(receipt.messageId()).isEqualTo(draft.messageId());
        Message[] inbox = readInboxOverImap("dev@kvrocks.apache.org");
        assertThat(inbox).hasSize(1);
        assertThat(inbox[0].getSubject()).isEqualTo("[VOTE] Release Apache Kvrocks 2.4.0-rc1");
        assertThat(inbox[0].getHeader("Message-ID")).containsExactly(draft.messageId());
        assertThat(((String) inbox[0].getContent())).contains(MailFixtures.COMMIT);
        MailFiles.saveInMailDir(draft, dir);
        assertNoPasswordIn(dir, "");
    }

    @Test
    void sendsOverTlsTrustingTheTestCertificateOnly(@TempDir Path dir) throws Exception {
        try (TlsFront tls = new TlsFront(dir, smtpPort())) {
            new SmtpSender(tls.clientFactory(), Clock.systemUTC()).send(vote(),
                    SmtpSettings.parse("127.0.0.1:" + tls.port(), "tls", "jdoe"), PASSWORD.toCharArray());
        }
        assertThat(readInboxOverImap("dev@kvrocks.apache.org")).hasSize(1);
    }

    @Test
    void tlsToAServerWithAnUntrustedCertificateFailsClearly(@TempDir Path dir) throws Exception {
        try (TlsFront tls = new TlsFront(dir, smtpPort())) {
            assertThatThrownBy(() -> new SmtpSender().send(vote(),
                    SmtpSettings.parse("127.0.0.1:" + tls.port(), "tls", "jdoe"), PASSWORD.toCharArray()))
                    .isInstanceOfSatisfying(SmtpException.class, e -> {
                        assertThat(e.problem()).isEqualTo(SmtpException.Problem.TLS_FAILED);
                        assertThat(e.getMessage()).startsWith("The secure connection to 127.0.0.1:" + tls.port()
                                + " failed").endsWith("nothing was sent.");
                    });
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void wrongPasswordGivesAClearMessageAndSendsNothing() throws Exception {
        String wrong = "wrong-Pw-0815";
        assertThatThrownBy(() -> new SmtpSender().send(vote(),
                SmtpSettings.parse("127.0.0.1:" + smtpPort(), "none", "jdoe"), wrong.toCharArray()))
                .isInstanceOfSatisfying(SmtpException.class, e -> {
                    assertThat(e.problem()).isEqualTo(SmtpException.Problem.WRONG_PASSWORD);
                    assertThat(e.getMessage()).isEqualTo("The SMTP server 127.0.0.1:" + smtpPort()
                            + " refused the user name or password for jdoe; nothing was sent.");
                    assertThat(e.userText()).doesNotContain(wrong);
                });
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsRequiredAgainstAServerWithoutItFailsAndSendsNothing() throws Exception {
        assertThatThrownBy(() -> new SmtpSender().send(vote(),
                SmtpSettings.parse("127.0.0.1:" + smtpPort(), "starttls", "jdoe"), PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SmtpException.class, e -> {
                    assertThat(e.problem()).isEqualTo(SmtpException.Problem.STARTTLS_NOT_OFFERED);
                    assertThat(e.getMessage()).startsWith("STARTTLS required: 127.0.0.1:" + smtpPort()
                            + " does not offer STARTTLS, so nothing was sent");
                    assertThat(e.userText()).doesNotContain(PASSWORD);
                });
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aClosedPortIsReportedAsConnectionRefused() throws Exception {
        int port = TlsFront.freePort();
        assertThatThrownBy(() -> new SmtpSender().send(vote(),
                SmtpSettings.parse("127.0.0.1:" + port, "none", ""), null))
                .isInstanceOfSatisfying(SmtpException.class, e -> {
                    assertThat(e.problem()).isEqualTo(SmtpException.Problem.CONNECTION_REFUSED);
                    assertThat(e.getMessage()).isEqualTo("Could not connect to 127.0.0.1:" + port
                            + ": the connection was refused; nothing was sent.");
                });
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SmtpSender sender = new SmtpSender(null, Clock.systemUTC(), Duration.ofSeconds(1));
            assertThatThrownBy(() -> sender.send(vote(),
                    SmtpSettings.parse("127.0.0.1:" + silent.getLocalPort(), "none", ""), null))
                    .isInstanceOfSatisfying(SmtpException.class, e -> {
                        assertThat(e.problem()).isEqualTo(SmtpException.Problem.TIMEOUT);
                        assertThat(e.getMessage()).contains("did not answer within 1 seconds");
                    });
        }
    }

    @Test
    void unencryptedSmtpIsRefusedForAnyServerButThisMachine() {
        assertThatThrownBy(() -> SmtpSettings.parse("mail-relay.apache.org:587", "none", "jdoe"))
                .isInstanceOf(MailException.class)
                .hasMessage("Sending without encryption is refused for mail-relay.apache.org: your password and"
                        + " the mail would cross the network in clear text.");
        assertThat(SmtpSettings.isLoopback("localhost")).isTrue();
        assertThat(SmtpSettings.isLoopback("::1")).isTrue();
        assertThat(SmtpSettings.isLoopback("10.0.0.1")).isFalse();
    }

    @Test
    void defaultsSuitAnApacheOrgSender() {
        SmtpSettings s = SmtpSettings.apacheDefaults("jdoe");
        assertThat(s.describe()).isEqualTo("jdoe at mail-relay.apache.org:587 (STARTTLS)");
        assertThat(new SmtpSender().properties(s)).containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true").containsEntry("mail.smtp.auth", "true");
    }

    @Test
    void aDraftThatIsNotReadyIsNeverSent() {
        assertThatThrownBy(() -> new SmtpSender().send(
                composer.compose(MailKind.VOTE, MailData.of(MailFixtures.profile(false)), null, null),
                SmtpSettings.parse("127.0.0.1:" + smtpPort(), "none", "jdoe"), PASSWORD.toCharArray()))
                .isInstanceOf(MailException.class).hasMessageContaining("is not ready");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    static void assertNoPasswordIn(Path dir, String output) throws IOException {
        assertThat(output).doesNotContain(PASSWORD);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(PASSWORD);
            }
        }
    }
}
