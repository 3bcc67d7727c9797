package io.releasepilot.testing;

import io.releasepilot.gui.wizard.WizardStep;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Opens a wizard step the way a user does: scrolls the step list to it and clicks it. */
public final class WizardRobot {
    private WizardRobot() {
    }

    /**
     * Clicks the step titled {@code title} in the step list (scrolled into view first; clicked again if the list
     * re-rendered under the click) until that step is shown.
     */
    public static void openStep(FxRobot robot, String title) {
        ListView<?> list = robot.lookup("#stepList").queryAs(ListView.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                int index = -1;
                for (int i = 0; i < list.getItems().size(); i++) {
                    if (list.getItems().get(i) instanceof WizardStep s && s.title().equals(title)) {
                        index = i;
                    }
                }
                if (index < 0) {
                    return false;
                }
                int at = index;
                robot.interact(() -> list.scrollTo(at));
                Node cell = robot.lookup("#stepList .list-cell").queryAll().stream()
                        .filter(n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().endsWith(title))
                        .findFirst().orElse(null);
                if (cell != null) {
                    robot.clickOn(cell);
                }
                WaitForAsyncUtils.waitForFxEvents();
                return list.getSelectionModel().getSelectedItem() instanceof WizardStep s && s.title().equals(title);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("could not open the step " + title, e);
        }
    }

    /** Waits (up to a minute) until the label {@code id} starts with {@code prefix}; says what it shows if not. */
    public static void await(FxRobot robot, String id, String prefix) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, id).startsWith(prefix));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " says: " + text(robot, id), e);
        }
    }

    /** The text of the label {@code id}. */
    public static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(javafx.scene.control.Label.class).getText();
    }
}
