package io.releasepilot.gui.profile;

import io.releasepilot.core.DataFileException;
import io.releasepilot.release.FieldProblem;
import io.releasepilot.release.ProfileField;
import io.releasepilot.release.ProfileValidator;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.settings.Settings;
import io.releasepilot.version.VersionFormatException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Release profile step's state: one property per field, live validation per field, the names that follow
 * from the profile, and saving through the session. Holds no {@code Node}.
 */
public final class ProfileViewModel {
    /** One derived name for the preview: what it is and its value. */
    public record PreviewLine(String label, String value) {
    }

    private final ReleaseSession session;
    private final Map<ProfileField, StringProperty> fields = new EnumMap<>(ProfileField.class);
    private final Map<ProfileField, StringProperty> errors = new EnumMap<>(ProfileField.class);
    private final BooleanProperty podling = new SimpleBooleanProperty();
    private final ObservableList<PreviewLine> preview = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
    private boolean loading;

    public ProfileViewModel(ReleaseSession session) {
        this.session = session;
        for (ProfileField f : ProfileField.values()) {
            fields.put(f, new SimpleStringProperty(""));
            errors.put(f, new SimpleStringProperty(""));
        }
        fields.get(ProfileField.PROJECT_ID).addListener((obs, old, now) -> followDefaults(old, podling.get()));
        podling.addListener((obs, old, now) -> followDefaults(field(ProfileField.PROJECT_ID).get(), old));
        fields.values().forEach(p -> p.addListener((obs, old, now) -> changed()));
        podling.addListener((obs, old, now) -> changed());
        complete.bind(valid.and(dirty.not()).and(session.documentProperty().isNotNull()));
        reload();
    }

    /** Fills the fields from the saved profile, or with defaults for a new release. */
    public void reload() {
        ReleaseRecord doc = session.documentProperty().get();
        ReleaseProfile p;
        if (doc != null) {
            p = doc.profile();
        } else {
            Settings s = session.settingsProperty().get();
            p = ReleaseProfile.withDefaults("", false, "")
                    .withReleaseManager(s.defaultName(), s.defaultApacheId(), s.defaultEmail());
        }
        loading = true;
        try {
            set(p);
        } finally {
            loading = false;
        }
        validate();
        dirty.set(doc == null);
    }

    private void set(ReleaseProfile p) {
        field(ProfileField.PROJECT_ID).set(p.projectId());
        podling.set(p.podling());
        field(ProfileField.DISPLAY_NAME).set(p.displayName());
        field(ProfileField.VERSION).set(p.version());
        field(ProfileField.RC_NUMBER).set(Integer.toString(p.rcNumber()));
        field(ProfileField.GIT_REPOSITORY).set(p.gitRepository());
        field(ProfileField.RC_TAG_PATTERN).set(p.rcTagPattern());
        field(ProfileField.RELEASE_TAG_PATTERN).set(p.releaseTagPattern());
        field(ProfileField.BRANCH_PATTERN).set(p.branchPattern());
        field(ProfileField.DIST_DEV_URL).set(p.distDevUrl());
        field(ProfileField.DIST_RELEASE_URL).set(p.distReleaseUrl());
        field(ProfileField.DEV_LIST).set(p.devList());
        field(ProfileField.ANNOUNCE_LIST).set(p.announceList());
        field(ProfileField.RM_NAME).set(p.rmName());
        field(ProfileField.RM_APACHE_ID).set(p.rmApacheId());
        field(ProfileField.RM_EMAIL).set(p.rmEmail());
        field(ProfileField.SIGNING_KEY).set(p.signingKeyFingerprint());
    }

    /** While a field still holds the default for the old id, it follows the new id. */
    private void followDefaults(String oldId, boolean oldPodling) {
        if (loading) {
            return;
        }
        String id = field(ProfileField.PROJECT_ID).get().strip().toLowerCase(java.util.Locale.ROOT);
        boolean pod = podling.get();
        String oldKey = oldId == null ? "" : oldId.strip().toLowerCase(java.util.Locale.ROOT);
        follow(ProfileField.DISPLAY_NAME, ReleaseProfile.defaultDisplayName(oldKey), ReleaseProfile.defaultDisplayName(id));
        follow(ProfileField.DIST_DEV_URL, ReleaseProfile.defaultDistDevUrl(oldKey, oldPodling),
                ReleaseProfile.defaultDistDevUrl(id, pod));
        follow(ProfileField.DIST_RELEASE_URL, ReleaseProfile.defaultDistReleaseUrl(oldKey, oldPodling),
                ReleaseProfile.defaultDistReleaseUrl(id, pod));
        follow(ProfileField.DEV_LIST, ReleaseProfile.defaultDevList(oldKey), ReleaseProfile.defaultDevList(id));
    }

    private void follow(ProfileField f, String oldDefault, String newDefault) {
        String current = field(f).get();
        if (current.isBlank() || current.equals(oldDefault)) {
            field(f).set(newDefault);
        }
    }

    private void changed() {
        if (loading) {
            return;
        }
        dirty.set(true);
        validate();
    }

    /** The profile as typed; an RC number that is not a number becomes 0 (and is reported). */
    public ReleaseProfile toProfile() {
        ReleaseRecord doc = session.documentProperty().get();
        ReleaseProfile saved = doc == null ? null : doc.profile();
        int rc;
        try {
            rc = Integer.parseInt(field(ProfileField.RC_NUMBER).get().strip());
        } catch (NumberFormatException e) {
            rc = 0;
        }
        return new ReleaseProfile(text(ProfileField.PROJECT_ID), text(ProfileField.DISPLAY_NAME), podling.get(),
                text(ProfileField.VERSION), rc, text(ProfileField.GIT_REPOSITORY), text(ProfileField.RC_TAG_PATTERN),
                text(ProfileField.RELEASE_TAG_PATTERN), text(ProfileField.BRANCH_PATTERN),
                text(ProfileField.DIST_DEV_URL), text(ProfileField.DIST_RELEASE_URL), text(ProfileField.DEV_LIST),
                text(ProfileField.ANNOUNCE_LIST), text(ProfileField.RM_NAME), text(ProfileField.RM_APACHE_ID),
                text(ProfileField.RM_EMAIL), text(ProfileField.SIGNING_KEY), saved == null ? "" : saved.signingBackend(),
                saved == null ? "" : saved.gnupgHome());
    }

    private String text(ProfileField f) {
        return field(f).get();
    }

    private void validate() {
        ReleaseProfile p = toProfile();
        List<FieldProblem> problems = ProfileValidator.validate(p);
        errors.values().forEach(e -> e.set(""));
        for (FieldProblem problem : problems) {
            StringProperty e = errors.get(problem.field());
            if (e.get().isEmpty()) {
                e.set(problem.message() + " Example: " + problem.field().example());
            }
        }
        String rcText = field(ProfileField.RC_NUMBER).get().strip();
        if (!rcText.matches("\\d{1,3}")) {
            errors.get(ProfileField.RC_NUMBER).set("\"" + rcText + "\" is not a number. Example: 1");
        }
        valid.set(problems.isEmpty() && errors.get(ProfileField.RC_NUMBER).get().isEmpty());
        updatePreview(p);
    }

    private void updatePreview(ReleaseProfile p) {
        try {
            ReleaseNames n = ReleaseNames.of(p);
            preview.setAll(
                    new PreviewLine("preview.artifact", n.sourceArtifact()),
                    new PreviewLine("preview.kind", n.kind().needsNewBranch() ? "feature" : "patch"),
                    new PreviewLine("preview.branch", n.branch()),
                    new PreviewLine("preview.rcTag", n.rcTag()),
                    new PreviewLine("preview.releaseTag", n.releaseTag()),
                    new PreviewLine("preview.rcFolder", n.distDevRcUrl()),
                    new PreviewLine("preview.releaseFolder", n.distReleaseUrl()),
                    new PreviewLine("preview.mainLine", n.version().nextMainLine().map(Object::toString).orElse("")));
        } catch (VersionFormatException | RuntimeException e) {
            preview.clear();
        }
    }

    /** Saves the profile; returns the problem that stopped it, or null when saved. */
    public DataFileException save() {
        if (!valid.get()) {
            return new DataFileException("The profile has problems; they are shown beside the fields.",
                    "Correct the fields marked in red, then save.", null);
        }
        try {
            session.saveProfile(toProfile());
            dirty.set(false);
            session.statusProperty().set("Saved " + session.workspaceProperty().get().releaseFile());
            return null;
        } catch (DataFileException e) {
            return e;
        }
    }

    public StringProperty field(ProfileField f) {
        return fields.get(f);
    }

    public StringProperty error(ProfileField f) {
        return errors.get(f);
    }

    public BooleanProperty podlingProperty() {
        return podling;
    }

    public ObservableList<PreviewLine> preview() {
        return preview;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }
}
