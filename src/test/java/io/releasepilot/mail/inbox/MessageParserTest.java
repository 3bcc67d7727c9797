package io.releasepilot.mail.inbox;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How mails from real clients come out as text (test data: src/test/resources/io/releasepilot/vote/foo-rc1). */
class MessageParserTest {
    static final Path DIR = Path.of("src/test/resources/io/releasepilot/vote/foo-rc1");

    static InboundMessage parse(String name) throws Exception {
        return MessageParser.parse(Files.readAllBytes(DIR.resolve(name)), name);
    }

    @Test
    void gmailQuotedPrintableWithAnEncodedNonAsciiName() throws Exception {
        InboundMessage m = parse("02-gmail.eml");

        assertThat(m.fromName()).isEqualTo("Zoë Müller");
        assertThat(m.fromAddress()).isEqualTo("zoe.mueller@gmail.com");
        assertThat(m.messageId()).isEqualTo("CAGmail-zoe-1@mail.gmail.com");
        assertThat(m.inReplyTo()).isEqualTo("CAJ-call-foo-120-rc1@mail.gmail.com");
        assertThat(m.references()).containsExactly("CAJ-call-foo-120-rc1@mail.gmail.com");
        assertThat(m.date()).isEqualTo(Instant.parse("2026-11-16T11:15:00Z"));
        assertThat(m.textBody()).startsWith("+1 (binding)\r\n\r\nChecked signatures, checksums, LICENSE and NOTICE."
                + " Built with JDK17 on Ubuntu.\r\n\r\nZoë\r\n\r\nOn Mon, Nov 16, 2026 at 11:00\u202fAM");
    }

    @Test
    void outlookBase64InWindows1252() throws Exception {
        InboundMessage m = parse("03-outlook.eml");

        assertThat(m.subject()).isEqualTo("RE: [VOTE] Release Apache Foo 1.2.0 RC1");
        assertThat(m.textBody()).startsWith("-1 (binding)\r\n\r\nThe NOTICE file says Copyright 2025; it should be 2026.");
    }

    @Test
    void appleMailFormatFlowedWithDelSpIsUnflowed() throws Exception {
        InboundMessage m = parse("05-apple-flowed.eml");

        assertThat(m.textBody().split("\n")[0]).isEqualTo("Checked the signatures and built from source on macOS."
                + " All tests pass, so +1 (binding). From my side the release looks good.");
        assertThat(m.textBody()).contains("\n> On 16. Nov 2026, at 11:00, Jane Release <jrelease@apache.org> wrote:\n");
    }

    @Test
    void htmlOnlyReplyIsReducedToTextWithTheBlockquoteQuoted() throws Exception {
        InboundMessage m = parse("06-html-only.eml");

        assertThat(m.textBody()).isEqualTo("""
                +1 (non-binding)

                Verified the checksums on Windows — fine.
                On Mon, 16 Nov 2026 at 11:00, Jane Release <jrelease@apache.org> wrote:
                > [ ] +1 Release this package
                > I'll start with my own +1 (binding).""");
    }

    @Test
    void flowedTextKeepsTheSignatureSeparatorAndUnstuffs() {
        assertThat(Flowed.unflow("one \r\ntwo\r\n-- \r\n From here\r\n> quoted \r\n> more\r\n", false))
                .isEqualTo("one two\n-- \nFrom here\n> quoted more\n");
        assertThat(Flowed.unflow("tog \r\nether", true)).isEqualTo("together");
    }

    @Test
    void aMessageWithoutHeadersIsReadAndAnUnknownCharsetIsReadAsUtf8() throws Exception {
        InboundMessage bare = MessageParser.parse("Subject: hi\r\n\r\n".getBytes(), "bare");
        assertThat(bare.messageId()).isEmpty();
        assertThat(bare.date()).isNull();
        assertThat(bare.references()).isEqualTo(List.of());

        InboundMessage odd = MessageParser.parse(("Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n"
                + "Content-Type: text/plain; charset=\"no-such-charset\"\r\n\r\n+1 \u00e9\r\n--x\r\n"
                + "Content-Type: text/plain\r\nContent-Disposition: attachment\r\n\r\n-1\r\n--x--\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "odd");
        assertThat(odd.textBody()).isEqualTo("+1 \u00e9");
    }
}
