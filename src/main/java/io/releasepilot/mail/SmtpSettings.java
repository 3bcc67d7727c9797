package io.releasepilot.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to send: host, port, protection and user name. It holds no password: that is asked for each
 * time and handed to {@link SmtpSender#send} as characters.
 *
 * @param username the login, or empty to send without logging in
 */
public record SmtpSettings(String host, int port, SmtpSecurity security, String username) {
    /** The ASF's mail relay for committers: port 587 with STARTTLS, your Apache id and LDAP password. */
    public static final String APACHE_RELAY = "mail-relay.apache.org";
    public static final int SUBMISSION_PORT = 587;
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+]?");

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        username = username == null ? "" : username.strip();
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP host and port 1-65535 are required");
        }
        if (security == SmtpSecurity.NONE && !isLoopback(host)) {
            throw new IllegalArgumentException("Unencrypted SMTP is only for this machine, not " + host);
        }
    }

    /** The defaults for an apache.org sender: the ASF relay, port 587, STARTTLS, the Apache id as user. */
    public static SmtpSettings apacheDefaults(String apacheId) {
        return new SmtpSettings(APACHE_RELAY, SUBMISSION_PORT, SmtpSecurity.STARTTLS, apacheId);
    }

    /** Checks user input ({@code HOST:PORT}, the protection name, the user) and says what is wrong. */
    public static SmtpSettings parse(String hostPort, String security, String username) throws MailException {
        String text = hostPort == null ? "" : hostPort.strip();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = colon < 0 ? SUBMISSION_PORT : Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new MailException("\"" + MailTemplate.escape(text) + "\" is not HOST:PORT.",
                    "Write it like " + APACHE_RELAY + ":" + SUBMISSION_PORT + ".", e);
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new MailException("\"" + MailTemplate.escape(text) + "\" is not HOST:PORT with a port from 1 to"
                    + " 65535.", "Write it like " + APACHE_RELAY + ":" + SUBMISSION_PORT + ".");
        }
        SmtpSecurity sec = SmtpSecurity.byId(security == null ? "starttls" : security).orElseThrow(() ->
                new MailException("\"" + MailTemplate.escape(String.valueOf(security)) + "\" is not a kind of SMTP"
                        + " protection.", "Use starttls (port 587), tls (port 465) or none (only for a server on"
                        + " this machine)."));
        if (sec == SmtpSecurity.NONE && !isLoopback(host)) {
            throw new MailException("Sending without encryption is refused for " + host + ": your password and the"
                    + " mail would cross the network in clear text.", "Use --security starttls (port 587) or tls"
                    + " (port 465); none is only for a server on this machine (127.0.0.1, localhost).");
        }
        return new SmtpSettings(host, port, sec, username);
    }

    /** True for localhost and loopback IP literals; other names are never looked up, so never loopback. */
    public static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (!IP_LITERAL.matcher(h).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public boolean logsIn() {
        return !username.isEmpty();
    }

    /** "jdoe at mail-relay.apache.org:587 (STARTTLS)" */
    public String describe() {
        return (logsIn() ? username + " at " : "") + host + ":" + port + " (" + security.name() + ")";
    }
}
