package io.releasepilot.mail.inbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

/**
 * Parses one RFC 5322 message (as found in an mbox, an .eml file or on an IMAP server) into an
 * {@link InboundMessage}: headers decoded (RFC 2047), the body's text part decoded (quoted-printable, base64,
 * its charset), format=flowed unflowed, and an HTML-only body reduced to text.
 */
public final class MessageParser {
    /** Parts nested deeper than this are not looked into (a hostile message cannot recurse us to death). */
    private static final int MAX_DEPTH = 8;
    private static final Session SESSION;

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the class path on every header
        // block and every decoded part (half the time of reading a list archive); its FactoryFinder takes the
        // system property of the same name first, so naming the Angus provider once makes that a plain lookup.
        String provider = jakarta.mail.util.StreamProvider.class.getName();
        if (System.getProperty(provider) == null) {
            System.setProperty(provider, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        SESSION = Session.getInstance(p);
    }

    private MessageParser() {
    }

    /** Parses a message; {@code where} names it in an error ("votes.mbox, message 12"). */
    public static InboundMessage parse(byte[] raw, String where) throws InboxException {
        try {
            return parse(new MimeMessage(SESSION, new SharedByteArrayInputStream(raw)));
        } catch (MessagingException | IOException | RuntimeException e) {
            // RuntimeException: Jakarta Mail throws IllegalArgumentException and friends on some broken headers.
            throw new InboxException(where + " is not a readable mail message: " + e.getMessage(),
                    "Export the thread again (mbox from lists.apache.org, or .eml from the mail client).", e);
        }
    }

    /**
     * Reads only the header block (ids, subject, sender, date) and leaves the body empty: the cheap first look
     * at every mail of a big archive, before the bodies of the vote thread are decoded.
     */
    public static InboundMessage parseHeaders(byte[] raw, String where) throws InboxException {
        int end = headerEnd(raw);
        try {
            return parse(new MimeMessage(SESSION, new SharedByteArrayInputStream(raw, 0, end)), false);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new InboxException(where + " is not a readable mail message: " + e.getMessage(),
                    "Export the thread again (mbox from lists.apache.org, or .eml from the mail client).", e);
        }
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return raw.length;
    }

    static InboundMessage parse(MimeMessage msg) throws MessagingException, IOException {
        return parse(msg, true);
    }

    private static InboundMessage parse(MimeMessage msg, boolean withBody) throws MessagingException, IOException {
        String[] fromHeader = msg.getHeader("From");
        String fromName = "";
        String fromAddress = "";
        if (fromHeader != null && fromHeader.length > 0) {
            InternetAddress from = firstAddress(fromHeader[0]);
            if (from != null) {
                fromAddress = from.getAddress() == null ? "" : from.getAddress();
                fromName = from.getPersonal() == null ? "" : from.getPersonal();
            }
        }
        Date sent = msg.getSentDate();
        return new InboundMessage(header(msg, "Message-ID"), header(msg, "In-Reply-To"),
                InboundMessage.idsIn(header(msg, "References")), decodedSubject(msg), fromName, fromAddress,
                sent == null ? null : sent.toInstant(), withBody ? text(msg, 0) : "");
    }

    private static InternetAddress firstAddress(String header) {
        try {
            InternetAddress[] all = InternetAddress.parseHeader(header, false);
            return all.length == 0 ? null : all[0];
        } catch (AddressException e) {
            return null; // an unreadable From: stays empty; the tally lists the mail as from an unknown sender
        }
    }

    private static String header(MimeMessage msg, String name) throws MessagingException {
        String value = msg.getHeader(name, " ");
        return value == null ? "" : value;
    }

    private static String decodedSubject(MimeMessage msg) throws MessagingException {
        String raw = msg.getHeader("Subject", " ");
        if (raw == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (java.io.UnsupportedEncodingException e) {
            return MimeUtility.unfold(raw);
        }
    }

    /** The readable text of a part: text/plain preferred, HTML reduced when it is the only text. */
    private static String text(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return "";
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && depth > 0) {
            return "";
        }
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.equals("text/plain")) {
            String text = decode(part, type);
            String format = type.getParameter("format");
            if (format != null && format.equalsIgnoreCase("flowed")) {
                String delSp = type.getParameter("delsp");
                text = Flowed.unflow(text, delSp != null && delSp.equalsIgnoreCase("yes"));
            }
            return text;
        }
        if (base.equals("text/html")) {
            return HtmlText.toText(decode(part, type));
        }
        if (base.startsWith("multipart/")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart mp)) {
                return "";
            }
            String html = null;
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                ContentType childType = contentType(child);
                if (childType.match("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    if (html == null) {
                        html = text(child, depth + 1);
                    }
                    continue;
                }
                String t = text(child, depth + 1);
                if (!t.isBlank()) {
                    return t;
                }
            }
            return html == null ? "" : html;
        }
        if (base.equals("message/rfc822")) {
            return ""; // a forwarded mail is not the sender's own text
        }
        return "";
    }

    private static ContentType contentType(Part part) throws MessagingException {
        String raw = part.getContentType();
        try {
            return new ContentType(raw == null ? "text/plain" : raw);
        } catch (ParseException e) {
            return new ContentType("text", "plain", null);
        }
    }

    private static String decode(Part part, ContentType type) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        return new String(bytes, charset(type.getParameter("charset")));
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8; // undeclared: US-ASCII by the RFC, and UTF-8 reads that too
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
