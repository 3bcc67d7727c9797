package io.releasepilot.gui.notes;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.DataFileException;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitRepository;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.notes.ReleaseNotes;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.version.NamePattern;
import io.releasepilot.version.Version;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/** The Release notes step's state: which tags, the Markdown draft being edited, and whether it is saved. */
public final class NotesViewModel {
    private final ReleaseSession session;
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty markdown = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty saved = new SimpleBooleanProperty();
    private boolean loading;
    private final io.releasepilot.gui.common.TaskRunner tasks = new io.releasepilot.gui.common.TaskRunner(status,
            Messages.get("notes.status.cancelled"));

    public NotesViewModel(ReleaseSession session) {
        this.session = session;
        markdown.addListener((obs, old, now) -> {
            if (!loading) {
                saved.set(false);
            }
        });
    }

    private ReleaseProfile profile() {
        ReleaseRecord doc = session.documentProperty().get();
        return doc == null ? null : doc.profile();
    }

    public Path file() throws ReleasePilotException {
        return session.workspaceProperty().get().notesDir().resolve("RELEASE-NOTES-" + profile().version() + ".md");
    }

    public void enter() {
        ReleaseProfile p = profile();
        if (p == null) {
            status.set(Messages.get("notes.status.noRelease"));
            return;
        }
        try (GitRepository repo = GitRepository.open(Path.of(p.gitRepository()))) {
            tags.setAll(repo.tags());
            if (to.get().isEmpty()) {
                to.set(ReleaseNames.of(p).rcTag());
            }
            if (from.get().isEmpty()) {
                previousRelease(p).ifPresent(from::set);
            }
            Path f = file();
            if (Files.exists(f) && markdown.get().isEmpty()) {
                loading = true;
                markdown.set(Files.readString(f, StandardCharsets.UTF_8));
                loading = false;
                saved.set(true);
                status.set(Messages.get("notes.status.loaded", f));
            }
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        } catch (IOException e) {
            status.set(e.getMessage());
        }
    }

    /** The newest release tag before this version, by the profile's release tag pattern. */
    private Optional<String> previousRelease(ReleaseProfile p) throws ReleasePilotException {
        NamePattern pattern = NamePattern.parse(p.releaseTagPattern());
        Version current = Version.parse(p.version());
        return tags.stream()
                .filter(t -> pattern.match(t).filter(m -> m.version().compareTo(current) < 0).isPresent())
                .max(Comparator.comparing(t -> pattern.match(t).orElseThrow().version()));
    }

    /** Reads the history off the FX thread (large repositories have long ones). */
    public void generate() {
        ReleaseProfile p = profile();
        String fromTag = from.get() == null || from.get().isBlank() ? null : from.get().strip();
        String toTag = to.get() == null ? "" : to.get().strip();
        String title = p.displayName() + " " + p.version() + " release notes";
        tasks.run(Messages.get("notes.status.reading"), progress -> {
            try (GitRepository repo = GitRepository.open(Path.of(p.gitRepository()))) {
                return ReleaseNotes.generate(repo, fromTag, toTag, title);
            }
        }, notes -> {
            markdown.set(notes.markdown());
            status.set(Messages.get("notes.status.generated", notes.commits().size(), notes.contributors().size()));
        });
    }

    public javafx.beans.property.BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public void save() {
        try {
            Path f = file();
            AtomicFiles.write(f, markdown.get().getBytes(StandardCharsets.UTF_8));
            session.saveProfile(profile());
            saved.set(true);
            status.set(Messages.get("notes.status.saved", f));
        } catch (DataFileException e) {
            status.set(e.userText());
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        } catch (IOException e) {
            status.set(Messages.get("notes.status.saveFailed", e.getMessage()));
        }
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty markdownProperty() {
        return markdown;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty savedProperty() {
        return saved;
    }
}
