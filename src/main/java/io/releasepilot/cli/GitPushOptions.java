package io.releasepilot.cli;

import io.releasepilot.branch.BranchService;
import io.releasepilot.core.IoErrors;
import io.releasepilot.core.ReleasePilotException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code --push [REMOTE] --username U --password-file F}: the commands that make branches push them when asked. */
final class GitPushOptions {
    @Option(names = "--push", paramLabel = "REMOTE", arity = "0..1", fallbackValue = "origin", description = "Also"
            + " push what this command makes to this remote (default when given without a value: origin). Pushing"
            + " is your choice; without --push everything stays local.")
    String remote;
    @Option(names = "--username", paramLabel = "U", description = "User name for an https remote (with --push).")
    String username;
    @Option(names = "--password-file", paramLabel = "F", description = "Password or token for this push only.")
    Path passwordFile;

    boolean asked() {
        return remote != null;
    }

    /** The remote, as it may be printed (credentials in a URL are hidden). */
    String shown() {
        return IoErrors.redact(remote);
    }

    /** Pushes {@code branches} of {@code repository}; the password is read once and cleared after the last push. */
    void push(Path repository, List<String> branches, PrintWriter out, PrintWriter err, String after)
            throws ReleasePilotException {
        char[] password = Passphrases.gitPushPassword(passwordFile, err);
        try {
            BranchService service = new BranchService();
            for (String b : branches) {
                service.push(repository, remote, b, username, password);
                out.println("Pushed " + b + " to " + shown() + after);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
