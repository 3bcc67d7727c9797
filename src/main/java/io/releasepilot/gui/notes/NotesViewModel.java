package io.releasepilot.gui.notes;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.notes.NotesService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseProfile;
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

/** The Release notes step's state: which tags, the Markdown draft being edited, and whether it is saved. */
public final class NotesViewModel {
    private final ReleaseSession session;
    private final NotesService service = new NotesService();
    /** The last draft from history: its range and contributors are recorded with the saved notes. */
    private NotesService.Draft draft;
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
                if (saved.get() && !tasks.busyProperty().get()) {
                    // "Saved …" / "Loaded the saved draft …" no longer describe what is in the editor.
                    status.set(Messages.get("notes.status.edited"));
                }
                saved.set(false);
            }
        });
    }

    private ReleaseProfile profile() {
        ReleaseRecord doc = session.documentProperty().get();
        return doc == null ? null : doc.profile();
    }

    public Path file() {
        return NotesService.file(session.workspaceProperty().get(), profile());
    }

    public void enter() {
        ReleaseProfile p = profile();
        if (p == null) {
            status.set(Messages.get("notes.status.noRelease"));
            return;
        }
        try {
            tags.setAll(service.tags(Path.of(p.gitRepository())));
            if (to.get().isEmpty()) {
                to.set(NotesService.defaultTo(p, tags));
            }
            if (from.get().isEmpty()) {
                NotesService.previousRelease(p, tags).ifPresent(from::set);
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

    /** Reads the history off the FX thread (large repositories have long ones). */
    public void generate() {
        ReleaseProfile p = profile();
        String fromTag = from.get() == null || from.get().isBlank() ? null : from.get().strip();
        String toTag = to.get() == null ? "" : to.get().strip();
        tasks.run(Messages.get("notes.status.reading"), progress -> service.draft(Path.of(p.gitRepository()), fromTag,
                toTag, NotesService.title(p)), notes -> {
                    draft = notes;
                    markdown.set(notes.markdown());
                    status.set(Messages.get("notes.status.generated", notes.commits(), notes.contributors().size()));
                });
    }

    public javafx.beans.property.BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public void save() {
        try {
            Path f = service.save(session.records(), markdown.get(), draft);
            session.reload();
            saved.set(true);
            status.set(Messages.get("notes.status.saved", f));
        } catch (ReleasePilotException e) {
            status.set(e.userText());
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
