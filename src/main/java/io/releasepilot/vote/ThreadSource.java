package io.releasepilot.vote;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import io.releasepilot.mail.inbox.EmlFolderReader;
import io.releasepilot.mail.inbox.ImapFolderReader;
import io.releasepilot.mail.inbox.MboxReader;
import io.releasepilot.mail.inbox.ReadResult;
import io.releasepilot.core.ReleasePilotException;

import java.nio.file.Path;
import java.util.Objects;

/** Where a vote thread is read from: an mbox, a folder of .eml, saved Pony Mail JSON, an IMAP folder, a link. */
public sealed interface ThreadSource {
    /** Reads the messages; {@code password} is used (and cleared) only by {@link Imap}. */
    ReadResult read(char[] password, Progress progress) throws ReleasePilotException, CancelledException;

    /** What to show and record ("votes.mbox", the thread link …); never a password. */
    String describe();

    default boolean needsPassword() {
        return false;
    }

    /**
     * An mbox, read in two passes: the headers of every mail (to find the vote threads), then the bodies of the
     * threads' mails only. {@code voteId} (may be null) adds the thread of a call whose subject lacks [VOTE].
     */
    record Mbox(Path file, String voteId) implements ThreadSource {
        public Mbox {
            Objects.requireNonNull(file, "file");
        }

        public Mbox(Path file) {
            this(file, null);
        }

        @Override
        public ReadResult read(char[] password, Progress progress) throws ReleasePilotException, CancelledException {
            MboxReader reader = new MboxReader();
            ReadResult headers = reader.read(file, progress, m -> false);
            java.util.Set<String> wanted = VoteThread.threadIds(headers.messages(), voteId);
            return reader.read(file, progress, m -> wanted.contains(m.messageId()));
        }

        @Override
        public String describe() {
            return file.toString();
        }
    }

    record EmlFolder(Path folder) implements ThreadSource {
        public EmlFolder {
            Objects.requireNonNull(folder, "folder");
        }

        @Override
        public ReadResult read(char[] password, Progress progress) throws ReleasePilotException, CancelledException {
            return new EmlFolderReader().read(folder, progress);
        }

        @Override
        public String describe() {
            return folder.toString();
        }
    }

    record PonyMail(Path folder) implements ThreadSource {
        public PonyMail {
            Objects.requireNonNull(folder, "folder");
        }

        @Override
        public ReadResult read(char[] password, Progress progress) throws ReleasePilotException {
            return PonyMailJson.readFolder(folder);
        }

        @Override
        public String describe() {
            return folder.toString();
        }
    }

    record Imap(ImapFolderReader.Location location) implements ThreadSource {
        public Imap {
            Objects.requireNonNull(location, "location");
        }

        @Override
        public ReadResult read(char[] password, Progress progress) throws ReleasePilotException, CancelledException {
            if (password == null) {
                throw new VoteException("No password for " + location.display() + ".", "Give it with --password-file or when asked.");
            }
            return new ImapFolderReader().read(location, password, progress);
        }

        @Override
        public String describe() {
            return location.display();
        }

        @Override
        public boolean needsPassword() {
            return true;
        }
    }

    record Url(PonyMailFetcher.ThreadLink link) implements ThreadSource {
        public Url {
            Objects.requireNonNull(link, "link");
        }

        @Override
        public ReadResult read(char[] password, Progress progress) throws ReleasePilotException, CancelledException {
            return new PonyMailFetcher().fetch(link, progress);
        }

        @Override
        public String describe() {
            return link.threadPage();
        }
    }
}
