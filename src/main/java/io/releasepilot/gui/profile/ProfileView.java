package io.releasepilot.gui.profile;

import io.releasepilot.core.DataFileException;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.ErrorPresenter;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.release.ProfileField;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/** The Release profile step's pane: the form, per-field messages, the names that follow, and Save. */
public final class ProfileView extends BorderPane {
    private final ProfileViewModel model;
    private final GridPane preview = new GridPane();

    public ProfileView(ProfileViewModel model, DialogService dialogs) {
        this.model = model;

        Label title = new Label(Messages.get("profile.title"));
        title.getStyleClass().add(Styles.TITLE);
        Label intro = new Label(Messages.get("profile.intro"));
        intro.getStyleClass().add(Styles.INTRO);
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(170);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, inputs);

        int row = 0;
        row = section(form, row, "profile.section.project");
        row = field(form, row, ProfileField.PROJECT_ID);
        CheckBox podling = new CheckBox(Messages.get("profile.podling"));
        podling.setId("profile_PODLING");
        podling.setWrapText(true);
        podling.setMinHeight(Region.USE_PREF_SIZE);
        podling.selectedProperty().bindBidirectional(model.podlingProperty());
        form.add(podling, 1, row++);
        row = field(form, row, ProfileField.DISPLAY_NAME);
        row = section(form, row, "profile.section.release");
        row = field(form, row, ProfileField.VERSION);
        row = field(form, row, ProfileField.RC_NUMBER);
        row = field(form, row, ProfileField.GIT_REPOSITORY);
        Button browse = new Button(Messages.get("profile.browse"));
        browse.setId("browseRepository");
        browse.setOnAction(e -> dialogs.chooseDirectory(Messages.get("profile.browse.title"), null)
                .map(Path::toString).ifPresent(model.field(ProfileField.GIT_REPOSITORY)::set));
        form.add(browse, 1, row++);
        row = field(form, row, ProfileField.RC_TAG_PATTERN);
        row = field(form, row, ProfileField.RELEASE_TAG_PATTERN);
        row = field(form, row, ProfileField.BRANCH_PATTERN);
        row = section(form, row, "profile.section.where");
        row = field(form, row, ProfileField.DIST_DEV_URL);
        row = field(form, row, ProfileField.DIST_RELEASE_URL);
        row = field(form, row, ProfileField.DEV_LIST);
        row = field(form, row, ProfileField.ANNOUNCE_LIST);
        row = section(form, row, "profile.section.you");
        row = field(form, row, ProfileField.RM_NAME);
        row = field(form, row, ProfileField.RM_APACHE_ID);
        row = field(form, row, ProfileField.RM_EMAIL);
        field(form, row, ProfileField.SIGNING_KEY);

        Label previewTitle = new Label(Messages.get("profile.preview"));
        previewTitle.getStyleClass().add(Styles.TITLE);
        previewTitle.setWrapText(true);
        previewTitle.setMinHeight(Region.USE_PREF_SIZE);
        preview.getStyleClass().add(Styles.PREVIEW);
        preview.setId("profilePreview");
        preview.setVgap(8);
        model.preview().addListener((ListChangeListener<ProfileViewModel.PreviewLine>) c -> showPreview(model.preview()));
        showPreview(model.preview());

        Button save = new Button(Messages.get("profile.save"));
        save.setId("saveProfile");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.validProperty().not().or(model.dirtyProperty().not()));
        ErrorPresenter errors = new ErrorPresenter(dialogs);
        save.setOnAction(e -> {
            DataFileException problem = model.save();
            if (problem != null) {
                errors.show(Messages.get("profile.save.failed"), problem);
            }
        });
        Label state = new Label();
        state.setId("profileState");
        state.textProperty().bind(Bindings.when(model.completeProperty())
                .then(Messages.get("profile.next"))
                .otherwise(Bindings.when(model.validProperty())
                        .then(Messages.get("profile.unsaved"))
                        .otherwise(Messages.get("profile.invalid"))));
        state.getStyleClass().add(Styles.NEXT_HINT);
        state.setWrapText(true);
        HBox actions = new HBox(12, save, state);
        actions.setPadding(new Insets(10, 20, 10, 20));

        VBox header = new VBox(8, title, intro);
        header.setPadding(new Insets(20, 20, 8, 20));
        VBox body = new VBox(12, form);
        body.setPadding(new Insets(0, 20, 20, 20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox side = new VBox(8, previewTitle, preview);
        side.setPadding(new Insets(0, 20, 20, 0));
        side.setPrefWidth(400);
        side.setMinWidth(320);
        preview.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        setTop(header);
        setCenter(new HBox(12, scroll, side));
        setBottom(actions);
    }

    private static int section(GridPane form, int row, String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add(Styles.PREVIEW_KEY);
        GridPane.setMargin(label, new Insets(10, 0, 2, 0));
        form.add(label, 0, row, 2, 1);
        return row + 1;
    }

    private int field(GridPane form, int row, ProfileField f) {
        Label label = new Label(f.label());
        TextField input = new TextField();
        input.setId("profile_" + f.name());
        // A whole fingerprint is wider than the field at the default window size: say where it comes from instead.
        input.setPromptText(f == ProfileField.SIGNING_KEY ? Messages.get("profile.prompt.SIGNING_KEY") : f.example());
        input.setTooltip(new Tooltip(Messages.get("profile.help." + f.name())));
        input.textProperty().bindBidirectional(model.field(f));
        label.setLabelFor(input);
        Label error = new Label();
        error.setId("error_" + f.name());
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(model.error(f));
        error.visibleProperty().bind(model.error(f).isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.error(f).addListener((obs, old, now) -> {
            if (now.isEmpty()) {
                input.getStyleClass().remove(Styles.INVALID);
            } else if (!input.getStyleClass().contains(Styles.INVALID)) {
                input.getStyleClass().add(Styles.INVALID);
            }
        });
        form.add(label, 0, row);
        form.add(input, 1, row);
        form.add(error, 1, row + 1);
        return row + 2;
    }

    private void showPreview(List<ProfileViewModel.PreviewLine> lines) {
        preview.getChildren().clear();
        if (lines.isEmpty()) {
            Label none = new Label(Messages.get("profile.preview.none"));
            none.setWrapText(true);
            none.setMinHeight(Region.USE_PREF_SIZE);
            preview.add(none, 0, 0);
            return;
        }
        int row = 0;
        for (ProfileViewModel.PreviewLine line : lines) {
            if (line.value().isEmpty()) {
                continue;
            }
            Label key = new Label(Messages.get(line.label()));
            key.getStyleClass().add(Styles.PREVIEW_KEY);
            String text = "preview.kind".equals(line.label())
                    ? Messages.get("preview.kind." + line.value()) : line.value();
            Label value = new Label(text);
            value.getStyleClass().add(Styles.PREVIEW_VALUE);
            value.setId("preview_" + line.label().substring("preview.".length()));
            value.setWrapText(true);
            key.setMinWidth(Region.USE_PREF_SIZE);
            preview.add(new VBox(2, key, value), 0, row++);
        }
    }
}
