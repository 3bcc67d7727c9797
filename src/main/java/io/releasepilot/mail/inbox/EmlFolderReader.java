package io.releasepilot.mail.inbox;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code .eml} files directly in a folder (a mail client's "Save as"), in name order. Links and
 * sub-folders are not followed; files larger than the limit are skipped and reported.
 */
public final class EmlFolderReader {
    public static final int MAX_FILES = 20_000;
    private final int maxMessageBytes;

    public EmlFolderReader() {
        this(MboxReader.DEFAULT_MAX_MESSAGE_BYTES);
    }

    public EmlFolderReader(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public ReadResult read(Path folder, Progress progress) throws InboxException, CancelledException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new InboxException(folder + " is not a folder.", "Give the folder that holds the saved .eml files.");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml")
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                    if (files.size() > MAX_FILES) {
                        throw new InboxException(folder + " holds more than " + MAX_FILES + " .eml files.",
                                "Put only the vote thread's mails in the folder.");
                    }
                }
            }
        } catch (IOException e) {
            throw new InboxException("Could not list " + folder + ": " + e.getMessage(), "Check that the folder is readable.", e);
        }
        if (files.isEmpty()) {
            throw new InboxException(folder + " holds no .eml files.",
                    "Save the vote thread's mails from your mail client as .eml files into this folder.");
        }
        files.sort(null);
        progress.begin("Reading " + files.size() + " mails", files.size());
        List<InboundMessage> messages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            progress.checkCancelled("Reading " + folder);
            String name = f.getFileName().toString();
            try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes(maxMessageBytes + 1);
                if (bytes.length > maxMessageBytes) {
                    problems.add(name + ": larger than " + maxMessageBytes + " bytes, skipped");
                } else {
                    messages.add(MessageParser.parse(bytes, name));
                }
            } catch (IOException e) {
                problems.add(name + ": could not be read (" + e.getMessage() + ")");
            } catch (InboxException e) {
                problems.add(e.getMessage());
            }
            progress.worked(1);
        }
        return new ReadResult(messages, problems);
    }
}
