package io.releasepilot.cli;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.IoErrors;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.notes.NotesService;
import io.releasepilot.release.ReleaseProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code notes}: a Markdown draft of the release notes between two tags. */
@Command(name = "notes", mixinStandardHelpOptions = true, description = "Draft release notes (Markdown) from the"
        + " commits between two tags, with the contributors (.mailmap respected). With --dir: from the previous"
        + " release's tag to the current RC's, saved in the release's notes/ folder and recorded.")
public final class NotesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOption home;
    @Mixin
    ReleaseDirOption release;
    @Option(names = "--repo", paramLabel = "DIR", description = "Local git clone (default with --dir: the profile's).")
    Path repo;
    @Option(names = "--from", paramLabel = "TAG", description = "The previous release's tag (default: with --dir the"
            + " newest release tag before this version, else the beginning).")
    String from;
    @Option(names = "--to", paramLabel = "TAG", description = "The last tag of the range (default with --dir: the"
            + " current RC's tag, or HEAD before it is tagged).")
    String to;
    @Option(names = "--title", paramLabel = "T", description = "Heading (default: <Display name> <version> release"
            + " notes, or Release notes for <to>).")
    String title;
    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of printing (with --dir the"
            + " default is notes/RELEASE-NOTES-<version>.md in the release folder).")
    Path out;

    @Override
    public Integer call() throws ReleasePilotException {
        NotesService service = new NotesService();
        if (release.given()) {
            ReleaseProfile p = release.load().profile();
            Path repository = repo != null ? repo : Path.of(p.gitRepository());
            java.util.List<String> tags = service.tags(repository);
            String toTag = ReleaseDirOption.or(to, NotesService.defaultTo(p, tags));
            String fromTag = from != null ? from : NotesService.previousRelease(p, tags).orElse(null);
            NotesService.Draft draft = service.draft(repository, fromTag, toTag,
                    ReleaseDirOption.or(title, NotesService.title(p)));
            if (out != null) {
                write(out, draft.markdown());
                spec.commandLine().getOut().println(out);
            } else {
                keepPrevious(NotesService.file(release.records().workspace(), p), draft.markdown());
                spec.commandLine().getOut().println(service.save(release.records(), draft.markdown(), draft));
                spec.commandLine().getErr().println("Recorded: " + draft.commits() + " commit"
                        + (draft.commits() == 1 ? "" : "s") + " from " + (fromTag == null ? "the beginning" : fromTag)
                        + " to " + toTag + ". Edit the file as you like; the mails link it.");
            }
            return ExitCodes.OK;
        }
        if (repo == null || to == null) {
            throw new ReleasePilotException("Missing " + (repo == null ? "--repo" : "--to") + ".",
                    "Give --dir RELEASE_DIR, or --repo DIR and --to TAG.");
        }
        NotesService.Draft draft = service.draft(repo, from, to, title == null ? "Release notes for " + to : title);
        if (out == null) {
            spec.commandLine().getOut().print(draft.markdown());
        } else {
            write(out, draft.markdown());
            spec.commandLine().getOut().println(out);
        }
        return ExitCodes.OK;
    }

    /**
     * A new draft replaces the notes file, which the release manager may have edited: unless it is the same text,
     * the old file is kept beside it as {@code <name>.previous} (one level), so no edit is lost.
     */
    private void keepPrevious(Path notes, String markdown) throws ReleasePilotException {
        try {
            if (!Files.isRegularFile(notes)) {
                return;
            }
            byte[] old = Files.readAllBytes(notes);
            if (java.util.Arrays.equals(old, markdown.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
            Path previous = notes.resolveSibling(notes.getFileName() + ".previous");
            AtomicFiles.write(previous, old);
            spec.commandLine().getErr().println("The notes file was there already; its text is kept in " + previous
                    + " (compare it with the new draft and copy over what you had written).");
        } catch (IOException e) {
            throw new ReleasePilotException("Could not keep the existing notes " + notes + " before writing a new"
                    + " draft: " + IoErrors.reason(e) + "; nothing was changed.",
                    "Copy the file somewhere safe, or check that you may write to the release folder.", e);
        }
    }

    private static void write(Path out, String markdown) throws ReleasePilotException {
        try {
            AtomicFiles.write(out, markdown.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ReleasePilotException("Could not write " + out + ": " + IoErrors.reason(e) + ".",
                    "Check that you may write there and that the disk has room.", e);
        }
    }
}
