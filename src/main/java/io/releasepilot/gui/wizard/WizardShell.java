package io.releasepilot.gui.wizard;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.release.RecordEvaluator;
import io.releasepilot.release.ReleaseStatus;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.StepView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.StatusBar;

import java.util.List;
import java.util.Optional;

/** The wizard: the step list on the left, the current step's pane, Back/Next and a status bar. */
public final class WizardShell extends BorderPane {
    private final List<WizardStep> all;
    /** The steps shown: all of them, less the podling round for a release that is not a podling's. */
    private final javafx.collections.ObservableList<WizardStep> steps = FXCollections.observableArrayList();
    private boolean updatingList;
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final ListView<WizardStep> stepList;
    private final ReleaseSession session;
    private final Label banner = new Label();
    private final Label whatsNext = new Label();

    public WizardShell(List<WizardStep> steps, ReleaseSession session) {
        this.all = List.copyOf(steps);
        this.session = session;
        this.steps.setAll(shownSteps());
        stepList = new ListView<>(this.steps);
        stepList.setId("stepList");
        stepList.getStyleClass().add(Styles.STEP_LIST);
        stepList.setPrefWidth(210);
        stepList.setCellFactory(list -> new StepCell(session));
        session.stepsProperty().addListener((obs, old, now) -> {
            if (!states(old).equals(states(now))) {
                stepList.refresh();
            }
            showBanner();
        });
        session.nextProperty().addListener((obs, old, now) -> showNext());
        banner.setId("stepBanner");
        banner.setWrapText(true);
        banner.getStyleClass().add(Styles.BANNER_WARN);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(8, 20, 8, 20));
        whatsNext.setId("whatsNext");
        whatsNext.setWrapText(true);
        whatsNext.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(whatsNext, Priority.ALWAYS);
        session.documentProperty().addListener((obs, old, now) -> updateShown());
        stepList.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!updatingList && now.intValue() >= 0 && now.intValue() != current.get()) {
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
            return i < 0 || i >= this.steps.size() - 1 || !this.steps.get(i).completeProperty().get()
                    && !StepId.byId(this.steps.get(i).id()).map(StepId::skippable).orElse(false);
        }, completeDependencies()));
        next.setOnAction(e -> go(current.get() + 1));

        StatusBar statusBar = new StatusBar();
        statusBar.setId("statusBar");
        statusBar.textProperty().bind(session.statusProperty());
        HBox nav = new HBox(8, whatsNext, back, next);
        nav.setAlignment(Pos.CENTER_RIGHT);
        nav.setPadding(new Insets(8, 12, 8, 12));

        BorderPane bottom = new BorderPane();
        bottom.setTop(nav);
        bottom.setBottom(statusBar);

        setLeft(stepList);
        setBottom(bottom);
        showNext();
        if (!this.steps.isEmpty()) {
            go(Math.max(0, indexOf(rememberedStep())));
        }
    }

    /** The step this release's window showed last (empty for a new release). */
    private String rememberedStep() {
        io.releasepilot.release.Workspace ws = session.workspaceProperty().get();
        return ws == null || session.documentProperty().get() == null ? ""
                : WindowState.lastStep(ws).orElse("");
    }

    private int indexOf(String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private List<WizardStep> shownSteps() {
        io.releasepilot.release.ReleaseRecord r = session.documentProperty().get();
        boolean podling = r != null && r.profile().podling();
        return all.stream().filter(s -> podling || !StepId.byId(s.id()).map(StepId::podlingOnly).orElse(false))
                .toList();
    }

    /** Shows or hides the podling round when the profile says (or no longer says) podling. */
    private void updateShown() {
        List<WizardStep> wanted = shownSteps();
        if (wanted.equals(steps)) {
            return;
        }
        WizardStep at = currentStep();
        updatingList = true;
        try {
            steps.setAll(wanted);
            int index = at == null ? -1 : steps.indexOf(at);
            current.set(index);
            if (index >= 0) {
                stepList.getSelectionModel().select(index);
            }
        } finally {
            updatingList = false;
        }
        if (current.get() < 0 && !steps.isEmpty()) {
            go(0);
        }
    }

    /** What the step list shows of the record: each step's state (re-rendering only when that changes). */
    private static List<StepState> states(List<StepView> views) {
        return views == null ? List.of() : views.stream().map(StepView::status).toList();
    }

    /** "Next: Sign — the archive was rebuilt …": the next thing to do, from the release record. */
    private void showNext() {
        ReleaseStatus.NextAction n = session.nextProperty().get();
        if (session.documentProperty().get() == null) {
            whatsNext.setText(Messages.get("wizard.next.noRelease"));
        } else if (n == null) {
            whatsNext.setText(Messages.get("wizard.next.allDone"));
        } else {
            whatsNext.setText(Messages.get("wizard.next.step", n.window(), n.why()));
        }
    }

    /** Above the current step: why it is stale or failed, or until when it waits. */
    private void showBanner() {
        WizardStep step = currentStep();
        Optional<StepView> view = step == null ? Optional.empty()
                : StepId.byId(step.id()).flatMap(session::viewOf);
        String text = view.map(v -> switch (v.status()) {
            case STALE -> Messages.get("wizard.banner.stale", v.reason());
            case FAILED -> Messages.get("wizard.banner.failed", v.reason());
            case WAITING -> Messages.get("wizard.banner.waiting", RecordEvaluator.time(v.until()));
            default -> "";
        }).orElse("");
        banner.setText(text);
        banner.setVisible(!text.isEmpty());
        banner.setManaged(!text.isEmpty());
    }

    private javafx.beans.Observable[] completeDependencies() {
        java.util.List<javafx.beans.Observable> deps = new java.util.ArrayList<>();
        deps.add(current);
        deps.add(steps);
        all.forEach(s -> deps.add(s.completeProperty()));
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
        io.releasepilot.release.Workspace ws = session.workspaceProperty().get();
        if (ws != null && session.documentProperty().get() != null) {
            WindowState.remember(ws, step.id()).ifPresent(why -> session.statusProperty().set(
                    Messages.get("wizard.stateNotSaved", why)));
        }
        BorderPane pane = new BorderPane(step.view());
        pane.setTop(banner);
        setCenter(pane);
        step.onEnter();
        showBanner();
    }

    public WizardStep currentStep() {
        return current.get() < 0 ? null : steps.get(current.get());
    }

    /** A step in the list: its title with its state in the release record (done, stale, failed, waiting). */
    private static final class StepCell extends ListCell<WizardStep> {
        private final ReleaseSession session;
        private BooleanBinding boundComplete;

        StepCell(ReleaseSession session) {
            this.session = session;
        }

        @Override
        protected void updateItem(WizardStep step, boolean empty) {
            super.updateItem(step, empty);
            textProperty().unbind();
            if (empty || step == null) {
                setText(null);
                boundComplete = null;
                return;
            }
            Optional<StepId> id = StepId.byId(step.id());
            if (id.isPresent() && session.documentProperty().get() != null) {
                StepState state = session.stateOf(id.get());
                setText(icon(state) + "  " + step.title());
                return;
            }
            boundComplete = Bindings.createBooleanBinding(() -> step.completeProperty().get(), step.completeProperty());
            textProperty().bind(Bindings.when(boundComplete)
                    .then("\u2713  " + step.title())
                    .otherwise("\u25CB  " + step.title()));
        }

        static String icon(StepState state) {
            return switch (state) {
                case DONE -> "\u2713";
                case WAITING -> "\u231B";
                case STALE -> "\u26A0";
                case FAILED -> "\u2717";
                default -> "\u25CB";
            };
        }
    }
}
