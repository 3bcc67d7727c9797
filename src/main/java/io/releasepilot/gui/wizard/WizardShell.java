package io.releasepilot.gui.wizard;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

import java.util.List;

/** The wizard: the step list on the left, the current step's pane, Back/Next and a status bar. */
public final class WizardShell extends BorderPane {
    private final List<WizardStep> steps;
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final ListView<WizardStep> stepList;

    public WizardShell(List<WizardStep> steps, ReleaseSession session) {
        this.steps = List.copyOf(steps);
        stepList = new ListView<>(FXCollections.observableArrayList(this.steps));
        stepList.setId("stepList");
        stepList.getStyleClass().add(Styles.STEP_LIST);
        stepList.setPrefWidth(210);
        stepList.setCellFactory(list -> new StepCell());
        stepList.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0 && now.intValue() != current.get()) {
                go(now.intValue());
            }
        });

        Button back = new Button(Messages.get("wizard.back"));
        back.setId("backButton");
        back.disableProperty().bind(current.lessThanOrEqualTo(0));
        back.setOnAction(e -> go(current.get() - 1));

        Button next = new Button(Messages.get("wizard.next"));
        next.setId("nextButton");
        next.setDefaultButton(false);
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            int i = current.get();
            return i < 0 || i >= this.steps.size() - 1 || !this.steps.get(i).completeProperty().get();
        }, completeDependencies()));
        next.setOnAction(e -> go(current.get() + 1));

        StatusBar statusBar = new StatusBar();
        statusBar.setId("statusBar");
        statusBar.textProperty().bind(session.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox nav = new HBox(8, spacer, back, next);
        nav.setAlignment(Pos.CENTER_RIGHT);
        nav.setPadding(new Insets(8, 12, 8, 12));

        BorderPane bottom = new BorderPane();
        bottom.setTop(nav);
        bottom.setBottom(statusBar);

        setLeft(stepList);
        setBottom(bottom);
        if (!this.steps.isEmpty()) {
            go(0);
        }
    }

    private javafx.beans.Observable[] completeDependencies() {
        java.util.List<javafx.beans.Observable> deps = new java.util.ArrayList<>();
        deps.add(current);
        steps.forEach(s -> deps.add(s.completeProperty()));
        return deps.toArray(javafx.beans.Observable[]::new);
    }

    /** Shows step {@code index} if the current one lets the user leave. */
    public void go(int index) {
        if (index < 0 || index >= steps.size()) {
            return;
        }
        int from = current.get();
        if (from >= 0 && from != index && !steps.get(from).onLeave()) {
            stepList.getSelectionModel().select(from);
            return;
        }
        current.set(index);
        stepList.getSelectionModel().select(index);
        WizardStep step = steps.get(index);
        setCenter(step.view());
        step.onEnter();
    }

    public WizardStep currentStep() {
        return current.get() < 0 ? null : steps.get(current.get());
    }

    private static final class StepCell extends ListCell<WizardStep> {
        private BooleanBinding boundComplete;

        @Override
        protected void updateItem(WizardStep step, boolean empty) {
            super.updateItem(step, empty);
            textProperty().unbind();
            if (empty || step == null) {
                setText(null);
                boundComplete = null;
                return;
            }
            boundComplete = Bindings.createBooleanBinding(() -> step.completeProperty().get(), step.completeProperty());
            textProperty().bind(Bindings.when(boundComplete)
                    .then("\u2713  " + step.title())
                    .otherwise("\u25CB  " + step.title()));
        }
    }
}
