package io.releasepilot.gui.wizard;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.release.RecordEvaluator;
import io.releasepilot.release.StepGuide;
import io.releasepilot.release.StepState;
import io.releasepilot.release.StepView;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** After the last step that exists: every step of the release with what is done and what remains. */
public final class SummaryStep implements WizardStep {
    private final ReleaseSession session;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final BorderPane view = new BorderPane();

    public SummaryStep(ReleaseSession session) {
        this.session = session;
        ListView<String> list = new ListView<>(lines);
        list.setId("summaryList");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox body = new VBox(10, list);
        body.setPadding(new Insets(20));
        view.setTop(StepHeader.of("summary.title", "summary.intro"));
        view.setCenter(body);
        session.stepsProperty().addListener((obs, old, now) -> refresh());
    }

    private void refresh() {
        lines.setAll(session.stepsProperty().get().stream().map(SummaryStep::line).toList());
    }

    private static String line(StepView v) {
        String state = StepGuide.available(v.step()) ? v.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                : Messages.get("summary.notBuilt");
        String detail = v.status() == StepState.STALE || v.status() == StepState.FAILED ? " \u2014 " + v.reason()
                : v.at() != null ? " \u2014 " + RecordEvaluator.time(v.at()) : "";
        return Messages.get("summary.line", v.step().title(), state, detail);
    }

    @Override
    public String id() {
        return "summary";
    }

    @Override
    public String title() {
        return Messages.get("summary.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public void onEnter() {
        refresh();
    }
}
