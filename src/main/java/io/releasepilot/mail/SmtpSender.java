package io.releasepilot.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

/**
 * Sends a ready mail by SMTP. The password is used for the one login and is never kept; the server's
 * certificate and host name are always checked; with STARTTLS the server must offer it, else nothing is sent.
 * It logs in only when a user name is given and the server offers AUTH.
 */
public final class SmtpSender {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final SSLSocketFactory tlsFactory;
    private final Clock clock;
    private final Duration timeout;

    /** Trusts the certificates the JDK trusts. */
    public SmtpSender() {
        this(null, Clock.systemUTC());
    }

    /** Trusts what {@code tlsFactory} trusts (tests: a test server's own certificate); null for the JDK's. */
    public SmtpSender(SSLSocketFactory tlsFactory, Clock clock) {
        this(tlsFactory, clock, TIMEOUT);
    }

    /** With a shorter time limit for each connect, read and write (tests). */
    SmtpSender(SSLSocketFactory tlsFactory, Clock clock, Duration timeout) {
        this.tlsFactory = tlsFactory;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** What was sent: the Message-ID and when. */
    public record Receipt(String messageId, Instant sentAt) {
    }

    /**
     * Sends {@code draft}. {@code password} is not changed or kept; the caller clears it.
     *
     * @throws MailException  when the draft is not ready
     * @throws SmtpException  when the server cannot be reached or refuses; {@link SmtpException#problem()} says how
     */
    public Receipt send(MailDraft draft, SmtpSettings settings, char[] password) throws MailException {
        Session session = Session.getInstance(properties(settings));
        MimeMessage message = MimeMessages.of(draft, session);
        try (Transport transport = session.getTransport("smtp")) {
            if (settings.logsIn()) {
                // Jakarta Mail takes the password as a String: it lives only for this call and is never logged.
                transport.connect(settings.host(), settings.port(), settings.username(),
                        password == null ? "" : new String(password));
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
            return new Receipt(draft.messageId(), clock.instant());
        } catch (MessagingException e) {
            throw explain(e, settings, timeout);
        }
    }

    Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        String millis = Long.toString(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        p.put("mail.smtp.auth", Boolean.toString(s.logsIn()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        if (s.security() == SmtpSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else if (s.security() == SmtpSecurity.TLS) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        if (tlsFactory != null && s.security() != SmtpSecurity.NONE) {
            p.put("mail.smtp.ssl.socketFactory", tlsFactory);
        }
        return p;
    }

    private static SmtpException explain(MessagingException e, SmtpSettings s, Duration timeout) {
        String where = s.host() + ":" + s.port();
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() != t ? t.getCause() : null) {
            root = t;
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof SSLException) {
                break;
            }
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof AuthenticationFailedException) {
            return new SmtpException(SmtpException.Problem.WRONG_PASSWORD, "The SMTP server " + where
                    + " refused the user name or password for " + s.username() + "; nothing was sent.",
                    s.host().equals(SmtpSettings.APACHE_RELAY)
                            ? "Use your Apache id and your LDAP password (the one for id.apache.org), then try again."
                            : "Check the user name and password, then try again.", e);
        }
        if (text.contains("starttls is required") || text.contains("does not support starttls")) {
            return new SmtpException(SmtpException.Problem.STARTTLS_NOT_OFFERED, "STARTTLS required: " + where
                    + " does not offer STARTTLS, so nothing was sent (your password and the mail would have crossed"
                    + " the network unencrypted).", "Check the server and port (the ASF relay is "
                    + SmtpSettings.APACHE_RELAY + ":587); for a server that speaks TLS from the start (port 465)"
                    + " choose TLS.", e);
        }
        if (root instanceof ConnectException) {
            return new SmtpException(SmtpException.Problem.CONNECTION_REFUSED, "Could not connect to " + where
                    + ": the connection was refused; nothing was sent.", "Check the server name and port, and that"
                    + " your network lets you reach it.", e);
        }
        if (root instanceof SocketTimeoutException) {
            return new SmtpException(SmtpException.Problem.TIMEOUT, "The SMTP server " + where + " did not answer"
                    + " within " + timeout.toSeconds() + " seconds; the mail may not have been sent.",
                    "Check your network; before trying again, look in the list archive whether it arrived.", e);
        }
        if (root instanceof UnknownHostException) {
            return new SmtpException(SmtpException.Problem.UNKNOWN_HOST, "The SMTP server " + s.host()
                    + " is not known (no such host name); nothing was sent.", "Check the server name.", e);
        }
        if (root instanceof SSLException) {
            return new SmtpException(SmtpException.Problem.TLS_FAILED, "The secure connection to " + where
                    + " failed: " + root.getMessage() + "; nothing was sent.", "Check that the port speaks "
                    + s.security().name() + " (587: STARTTLS, 465: TLS) and that the server's certificate is"
                    + " valid for " + s.host() + ".", e);
        }
        if (e instanceof SendFailedException) {
            return new SmtpException(SmtpException.Problem.RECIPIENT_REFUSED, "The SMTP server " + where
                    + " refused the mail or a recipient: " + e.getMessage(), "Check the addresses in To and Cc;"
                    + " some relays only accept mail from your own address.", e);
        }
        return new SmtpException(SmtpException.Problem.OTHER, "Sending through " + where + " failed: "
                + e.getMessage(), "Check the server settings and try again.", e);
    }
}
