package io.releasepilot.mail.inbox;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads a folder on an IMAP server, read-only: {@code imaps://user@host[:port]/Folder/Path} (or {@code imap://}).
 * The password never goes in the URL: it is given as a {@code char[]} and cleared after the login.
 */
public final class ImapFolderReader {
    public static final int MAX_MESSAGES = 20_000;
    private static final int TIMEOUT_MS = 30_000;
    private final int maxMessageBytes;

    public ImapFolderReader() {
        this(MboxReader.DEFAULT_MAX_MESSAGE_BYTES);
    }

    public ImapFolderReader(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Where to read: validated here so a bad URL fails before a password is asked. */
    public record Location(boolean tls, String host, int port, String user, String folder) {
        public Location {
            if (host == null || host.isBlank() || user == null || user.isBlank() || folder == null || folder.isBlank()) {
                throw new IllegalArgumentException("host, user and folder are required");
            }
        }

        /** The URL as shown to the user (never with a password). */
        public String display() {
            return (tls ? "imaps" : "imap") + "://" + user + "@" + host + ":" + port + "/" + folder;
        }

        public static Location parse(String url) throws InboxException {
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw new InboxException("Not an IMAP URL: " + e.getMessage(),
                        "Write it as imaps://USER@HOST/FOLDER, for example imaps://jane@imap.example.org/Lists/dev", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("imap") && !scheme.equals("imaps")) {
                throw new InboxException("Not an IMAP URL (it must start with imaps:// or imap://).",
                        "Write it as imaps://USER@HOST/FOLDER.");
            }
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null && userInfo.contains(":")) {
                throw new InboxException("The IMAP URL contains a password; it is not used and should not be written there.",
                        "Remove it from the URL (imaps://USER@HOST/FOLDER) and give it with --password-file or when asked.");
            }
            if (userInfo == null || userInfo.isBlank() || uri.getHost() == null) {
                throw new InboxException("The IMAP URL needs a user and a host.", "Write it as imaps://USER@HOST/FOLDER.");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String folder = URLDecoder.decode(path.startsWith("/") ? path.substring(1) : path, StandardCharsets.UTF_8);
            if (folder.isBlank()) {
                folder = "INBOX";
            }
            boolean tls = scheme.equals("imaps");
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 993 : 143;
            return new Location(tls, uri.getHost(), port,
                    URLDecoder.decode(userInfo, StandardCharsets.UTF_8), folder);
        }
    }

    /** Reads every message of the folder; {@code password} is cleared before this returns. */
    public ReadResult read(Location where, char[] password, Progress progress) throws InboxException, CancelledException {
        Properties props = new Properties();
        String protocol = where.tls() ? "imaps" : "imap";
        props.setProperty("mail." + protocol + ".connectiontimeout", Integer.toString(TIMEOUT_MS));
        props.setProperty("mail." + protocol + ".timeout", Integer.toString(TIMEOUT_MS));
        props.setProperty("mail." + protocol + ".writetimeout", Integer.toString(TIMEOUT_MS));
        if (where.tls()) {
            props.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(props);
        List<InboundMessage> messages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Store store = session.getStore(protocol)) {
            try {
                store.connect(where.host(), where.port(), where.user(), new String(password));
            } finally {
                Arrays.fill(password, '\0');
            }
            Folder folder = store.getFolder(where.folder());
            if (!folder.exists()) {
                throw new InboxException("The IMAP folder \"" + where.folder() + "\" does not exist on " + where.host() + ".",
                        "Check the folder name (it is case-sensitive; sub-folders are written Parent/Child).");
            }
            folder.open(Folder.READ_ONLY);
            try {
                Message[] all = folder.getMessages();
                if (all.length > MAX_MESSAGES) {
                    throw new InboxException("The IMAP folder \"" + where.folder() + "\" holds " + all.length
                            + " messages, more than " + MAX_MESSAGES + ".", "Use a folder that holds the vote thread.");
                }
                FetchProfile fp = new FetchProfile();
                fp.add(FetchProfile.Item.SIZE);
                folder.fetch(all, fp);
                progress.begin("Reading " + all.length + " mails from " + where.host(), all.length);
                for (Message m : all) {
                    progress.checkCancelled("Reading " + where.display());
                    String name = where.folder() + ", message " + m.getMessageNumber();
                    if (m.getSize() > maxMessageBytes) {
                        problems.add(name + ": larger than " + maxMessageBytes + " bytes, skipped");
                        continue;
                    }
                    BoundedBuffer buf = new BoundedBuffer(maxMessageBytes);
                    try {
                        m.writeTo(buf);
                        messages.add(MessageParser.parse(buf.toByteArray(), name));
                    } catch (BoundedBuffer.TooLarge e) {
                        problems.add(name + ": larger than " + maxMessageBytes + " bytes, skipped");
                    } catch (InboxException e) {
                        problems.add(e.getMessage());
                    }
                    progress.worked(1);
                }
            } finally {
                folder.close(false);
            }
        } catch (AuthenticationFailedException e) {
            throw new InboxException("The IMAP server " + where.host() + " refused the login of " + where.user() + ".",
                    "Check the user name and the password (some providers need an app password).", e);
        } catch (MessagingException | IOException e) {
            throw new InboxException("Could not read " + where.display() + ": " + e.getMessage(),
                    "Check the host, the port and that the server speaks " + protocol.toUpperCase(Locale.ROOT) + ".", e);
        } finally {
            Arrays.fill(password, '\0');
        }
        return new ReadResult(messages, problems);
    }

    private static final class BoundedBuffer extends OutputStream {
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;
        }

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int max;

        BoundedBuffer(int max) {
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            out.write(b, off, len);
        }

        private void check(int more) throws TooLarge {
            if (out.size() + (long) more > max) {
                throw new TooLarge();
            }
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
