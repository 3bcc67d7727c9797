package io.releasepilot.mail.inbox;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams an mbox file (the lists.apache.org "download mbox" export is mboxrd): a message starts at a
 * {@code From } line that follows a blank line (or starts the file) and looks like a separator
 * ({@code From MAILER-DAEMON Wed Nov 25 01:00:00 2026}); one {@code >} is removed from {@code >From }, {@code >>From }
 * … lines. Memory holds one message at a time; a message larger than the limit is skipped and reported.
 */
public final class MboxReader {
    /** Largest message kept (vote mails are a few KB; attachments make the rest). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    /** Most messages read from one file. */
    public static final int MAX_MESSAGES = 200_000;
    private static final Pattern SEPARATOR = Pattern.compile("From \\S+ .*\\d{4}\\s*");
    private static final Pattern ESCAPED_FROM = Pattern.compile(">+From .*", Pattern.DOTALL);

    private final int maxMessageBytes;

    public MboxReader() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    public MboxReader(int maxMessageBytes) {
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024");
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    public ReadResult read(Path mbox, Progress progress) throws InboxException, CancelledException {
        return read(mbox, progress, m -> true);
    }

    /**
     * Reads an mbox; a mail's body is decoded only when {@code withBody} accepts its headers (the others come
     * with an empty body), so a big archive costs a header scan plus the bodies that matter.
     */
    public ReadResult read(Path mbox, Progress progress, java.util.function.Predicate<InboundMessage> withBody)
            throws InboxException, CancelledException {
        if (!Files.isRegularFile(mbox, LinkOption.NOFOLLOW_LINKS)) {
            throw new InboxException(mbox + " is not an mbox file (not found, a folder or a link).",
                    "Give the mbox file downloaded from lists.apache.org (Download as mbox).");
        }
        try (InputStream in = Files.newInputStream(mbox)) {
            progress.begin("Reading " + mbox.getFileName(), Files.size(mbox));
            return read(in, mbox.getFileName().toString(), progress, withBody);
        } catch (IOException e) {
            throw new InboxException("Could not read " + mbox + ": " + e.getMessage(), "Check that the file is readable.", e);
        }
    }

    /** Reads an mbox stream; {@code name} names it in problems. */
    public ReadResult read(InputStream raw, String name, Progress progress) throws IOException, CancelledException {
        return read(raw, name, progress, m -> true);
    }

    private ReadResult read(InputStream raw, String name, Progress progress,
                            java.util.function.Predicate<InboundMessage> withBody) throws IOException, CancelledException {
        List<InboundMessage> messages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ByteArrayOutputStream current = null;
        boolean oversized = false;
        boolean previousBlank = true;
        boolean preambleReported = false;
        long lineNo = 0;
        long startLine = 0;
        int count = 0;
        byte[] line;
        LineReader reader = new LineReader(raw);
        while ((line = reader.next()) != null) {
            lineNo++;
            progress.worked(line.length);
            if (previousBlank && isSeparator(line)) {
                if (current != null || oversized) {
                    count++;
                    finish(current, oversized, name, count, startLine, messages, problems, withBody);
                    progress.checkCancelled("Reading " + name);
                    if (count >= MAX_MESSAGES) {
                        problems.add(name + ": stopped after " + MAX_MESSAGES + " messages");
                        return new ReadResult(messages, problems);
                    }
                }
                current = new ByteArrayOutputStream(4096);
                oversized = false;
                startLine = lineNo;
                previousBlank = false;
                continue;
            }
            previousBlank = isBlank(line);
            if (current == null && !oversized) { // before the first separator
                if (!previousBlank && !preambleReported) {
                    problems.add(name + ", line " + lineNo + ": text before the first \"From \" line was ignored");
                    preambleReported = true;
                }
                continue;
            }
            if (oversized) {
                continue;
            }
            int offset = unescapeOffset(line);
            if (current.size() + line.length - offset > maxMessageBytes) {
                oversized = true;
                current = null;
                continue;
            }
            current.write(line, offset, line.length - offset);
        }
        if (current != null || oversized) {
            count++;
            finish(current, oversized, name, count, startLine, messages, problems, withBody);
        }
        return new ReadResult(messages, problems);
    }

    private void finish(ByteArrayOutputStream current, boolean oversized, String name, int count, long startLine,
                        List<InboundMessage> messages, List<String> problems,
                        java.util.function.Predicate<InboundMessage> withBody) {
        if (oversized) {
            problems.add(name + ", message " + count + " (line " + startLine + "): larger than "
                    + maxMessageBytes + " bytes, skipped");
            return;
        }
        try {
            byte[] bytes = current.toByteArray();
            String where = name + ", message " + count + " (line " + startLine + ")";
            InboundMessage headers = MessageParser.parseHeaders(bytes, where);
            messages.add(withBody.test(headers) ? MessageParser.parse(bytes, where) : headers);
        } catch (InboxException e) {
            problems.add(e.getMessage());
        }
    }

    static boolean isSeparator(byte[] line) {
        if (line.length < 6 || line[0] != 'F' || line[1] != 'r' || line[2] != 'o' || line[3] != 'm' || line[4] != ' ') {
            return false;
        }
        String s = new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
        return SEPARATOR.matcher(s).matches();
    }

    private static int unescapeOffset(byte[] line) {
        if (line.length > 5 && line[0] == '>') {
            String s = new String(line, 0, Math.min(line.length, 64), StandardCharsets.ISO_8859_1);
            if (ESCAPED_FROM.matcher(s).matches()) {
                return 1;
            }
        }
        return 0;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Raw lines including their line end, from a 64 KiB buffer; a line longer than 1 MiB is cut into pieces. */
    private static final class LineReader {
        private static final int MAX_LINE = 1024 * 1024;
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream(256);

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            partial.reset();
            while (true) {
                if (pos == end) {
                    end = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return partial.size() == 0 ? null : partial.toByteArray();
                    }
                }
                int i = pos;
                while (i < end && buf[i] != '\n') {
                    i++;
                }
                boolean found = i < end;
                int stop = found ? i + 1 : end;
                if (partial.size() == 0 && found) {
                    byte[] line = java.util.Arrays.copyOfRange(buf, pos, stop);
                    pos = stop;
                    return line;
                }
                partial.write(buf, pos, stop - pos);
                pos = stop;
                if (found || partial.size() >= MAX_LINE) {
                    return partial.toByteArray();
                }
            }
        }
    }
}
