package io.releasepilot.cli;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitRepository;
import io.releasepilot.notes.ReleaseNotes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code notes}: a Markdown draft of the release notes between two tags. */
@Command(name = "notes", mixinStandardHelpOptions = true, description = "Draft release notes (Markdown) from the"
        + " commits between two tags, with the contributors (.mailmap respected).")
public final class NotesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @picocli.CommandLine.Mixin
    HomeOption home;
    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "Local git clone of the project.")
    Path repo;
    @Option(names = "--from", paramLabel = "TAG", description = "The previous release's tag (default: the beginning).")
    String from;
    @Option(names = "--to", required = true, paramLabel = "TAG",
            description = "The tag (or commit) of this release, e.g. v2.4.0-rc1.")
    String to;
    @Option(names = "--title", paramLabel = "T", description = "Heading (default: Release notes for <to>).")
    String title;
    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of printing.")
    Path out;

    @Override
    public Integer call() throws ReleasePilotException {
        try (GitRepository git = GitRepository.open(repo)) {
            ReleaseNotes.Notes notes = ReleaseNotes.generate(git, from, to, title == null ? "Release notes for " + to
                    : title);
            if (out == null) {
                spec.commandLine().getOut().print(notes.markdown());
            } else {
                try {
                    AtomicFiles.write(out, notes.markdown().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new ReleasePilotException("Could not write " + out + ": " + e.getMessage(), "", e);
                }
                spec.commandLine().getOut().println(out);
            }
        }
        return ExitCodes.OK;
    }
}
