package io.releasepilot.mail.inbox;

import io.releasepilot.core.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MboxReaderTest {

    static ReadResult read(String mbox, int max) throws Exception {
        return new MboxReader(max).read(new ByteArrayInputStream(mbox.getBytes(StandardCharsets.UTF_8)), "t.mbox",
                Progress.NONE);
    }

    @Test
    void mboxrdFromLinesAreUnescapedOnceAndSeparatorsNeedABlankLineBefore() throws Exception {
        ReadResult r = read("""
                From MAILER-DAEMON Mon Nov 16 10:00:00 2026
                Message-ID: <a@x>
                Subject: one

                >From the survey
                >>From quoted
                From inside text without a blank line before Mon 2026

                From jane@apache.org Tue Nov 17 10:00:00 2026
                Message-ID: <b@x>
                Subject: two

                +1
                """, MboxReader.DEFAULT_MAX_MESSAGE_BYTES);

        assertThat(r.problems()).isEmpty();
        assertThat(r.messages()).extracting(InboundMessage::messageId).containsExactly("a@x", "b@x");
        assertThat(r.messages().get(0).textBody()).isEqualTo("From the survey\n>From quoted\n"
                + "From inside text without a blank line before Mon 2026\n\n");
    }

    @Test
    void anOversizedMessageIsSkippedAndReportedWithItsLine() throws Exception {
        ReadResult r = read("From MAILER-DAEMON Mon Nov 16 10:00:00 2026\nMessage-ID: <big@x>\n\n" + "x".repeat(3000)
                + "\n\nFrom MAILER-DAEMON Mon Nov 16 10:00:00 2026\nMessage-ID: <small@x>\n\n+1\n", 2048);

        assertThat(r.messages()).extracting(InboundMessage::messageId).containsExactly("small@x");
        assertThat(r.problems()).containsExactly("t.mbox, message 1 (line 1): larger than 2048 bytes, skipped");
    }

    @Test
    void textBeforeTheFirstSeparatorIsReportedOnce() throws Exception {
        ReadResult r = read("garbage\nmore\n\nFrom MAILER-DAEMON Mon Nov 16 10:00:00 2026\nMessage-ID: <a@x>\n\nhi\n", 4096);

        assertThat(r.messages()).hasSize(1);
        assertThat(r.problems()).containsExactly("t.mbox, line 1: text before the first \"From \" line was ignored");
    }

    @Test
    void aMissingFileIsAPlainError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MboxReader().read(Path.of("no-such.mbox"), Progress.NONE))
                .isInstanceOf(InboxException.class)
                .hasMessage("no-such.mbox is not an mbox file (not found, a folder or a link).");
    }
}
