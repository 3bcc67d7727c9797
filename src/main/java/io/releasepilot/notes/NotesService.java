package io.releasepilot.notes;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.IoErrors;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitRepository;
import io.releasepilot.release.NotesOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.StepId;
import io.releasepilot.release.Workspace;
import io.releasepilot.version.NamePattern;
import io.releasepilot.version.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The release notes step for the window and the command line alike: the range (the previous release's tag to
 * the RC tag), the draft from git history, and the saved Markdown file, recorded with what it covers.
 */
public final class NotesService {

    /** The draft: its Markdown, the range, how many commits, and the contributors' names. */
    public record Draft(String markdown, String from, String to, int commits, List<String> contributors) {
        public Draft {
            contributors = List.copyOf(contributors);
        }
    }

    public List<String> tags(Path repository) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(repository)) {
            return repo.tags();
        }
    }

    /**
     * The default end of the range: the current RC's tag once it exists, else HEAD (the notes are usually
     * drafted before the RC is tagged).
     */
    public static String defaultTo(ReleaseProfile p, List<String> tags) throws ReleasePilotException {
        String rcTag = ReleaseNames.of(p).rcTag();
        return tags.contains(rcTag) ? rcTag : "HEAD";
    }

    /** The newest release tag before this version, by the profile's release tag pattern. */
    public static Optional<String> previousRelease(ReleaseProfile p, List<String> tags) throws ReleasePilotException {
        NamePattern pattern = NamePattern.parse(p.releaseTagPattern());
        Version current = Version.parse(p.version());
        return tags.stream()
                .filter(t -> pattern.match(t).filter(m -> m.version().compareTo(current) < 0).isPresent())
                .max(Comparator.comparing(t -> pattern.match(t).orElseThrow().version()));
    }

    public static String title(ReleaseProfile p) {
        return p.displayName() + " " + p.version() + " release notes";
    }

    /** {@code notes/RELEASE-NOTES-<version>.md} in the release folder. */
    public static Path file(Workspace ws, ReleaseProfile p) {
        return ws.notesDir().resolve("RELEASE-NOTES-" + p.version() + ".md");
    }

    /** Drafts the notes from the commits between {@code from} (null: the beginning) and {@code to}. */
    public Draft draft(Path repository, String from, String to, String title) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(repository)) {
            ReleaseNotes.Notes notes = ReleaseNotes.generate(repo, from, to, title);
            return new Draft(notes.markdown(), from, to, notes.commits().size(),
                    notes.contributors().stream().map(ReleaseNotes.Contributor::name).toList());
        }
    }

    /**
     * Saves the (possibly edited) Markdown to the release's notes file and records the notes step with the
     * range and contributors of {@code draft}.
     */
    public Path save(RecordService records, String markdown, Draft draft) throws ReleasePilotException {
        ReleaseProfile p = records.load().profile();
        Path f = file(records.workspace(), p);
        try {
            AtomicFiles.write(f, markdown.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ReleasePilotException("Could not write " + f + ": " + IoErrors.reason(e) + ".",
                    "Check that you may write to the release folder and that the disk has room.", e);
        }
        String relative = records.workspace().dir().relativize(f).toString().replace('\\', '/');
        records.done(StepId.NOTES, new NotesOutputs(relative, draft == null ? null : draft.from(),
                draft == null ? null : draft.to(), draft == null ? 0 : draft.commits(),
                draft == null ? List.of() : draft.contributors()));
        return f;
    }
}
