package io.releasepilot.gui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Sizes and places windows explicitly: a window's content gets its intended size (never larger than the screen's
 * usable area), and the window is centred on the screen of its owner (or the primary screen) with its title bar
 * on screen. Window managers otherwise place new windows where they like, e.g. half above the screen's top edge.
 */
public final class WindowPlacement {
    /** Room for a title bar and frame, which JavaFX only knows once the window is shown. */
    static final double DECORATION = 40;

    private WindowPlacement() {
    }

    /** A scene of {@code width} x {@code height}, shrunk to fit the usable area of the screen {@code near} is on. */
    public static Scene scene(Parent root, double width, double height, Window near) {
        Rectangle2D area = usableArea(near);
        return new Scene(root, Math.min(width, area.getWidth()), Math.min(height, area.getHeight() - DECORATION));
    }

    /**
     * Centres {@code stage} (its scene set) on the screen {@code near} is on; call before showing it. Placed again
     * once shown: some window managers place a window owned by a maximized one at the screen's corner, title bar
     * off screen.
     */
    public static void center(Stage stage, Window near) {
        place(stage, near);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            place(stage, near);
            keepTitleBarOnScreen(stage, near);
        });
    }

    /**
     * For a few seconds after the window shows, a window manager that moves it up or left off the screen (which
     * some do, late, on a busy machine) is answered by placing it again.
     */
    private static void keepTitleBarOnScreen(Stage stage, Window near) {
        javafx.beans.value.ChangeListener<Number> watch = (obs, old, now) -> {
            Rectangle2D area = usableArea(near);
            if (stage.getY() < area.getMinY() || stage.getX() < area.getMinX()) {
                javafx.application.Platform.runLater(() -> place(stage, near));
            }
        };
        stage.xProperty().addListener(watch);
        stage.yProperty().addListener(watch);
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
        settle.setOnFinished(e -> {
            stage.xProperty().removeListener(watch);
            stage.yProperty().removeListener(watch);
        });
        settle.play();
        watch.changed(null, null, null);
    }

    private static void place(Stage stage, Window near) {
        Rectangle2D area = usableArea(near);
        Scene scene = stage.getScene();
        double w = scene == null ? 0 : scene.getWidth();
        double h = scene == null ? 0 : scene.getHeight() + DECORATION;
        stage.setX(area.getMinX() + Math.max(0, (area.getWidth() - w) / 2));
        stage.setY(area.getMinY() + Math.max(0, (area.getHeight() - h) / 2));
    }

    private static Rectangle2D usableArea(Window near) {
        if (near != null && !Double.isNaN(near.getX())) {
            var screens = Screen.getScreensForRectangle(near.getX(), near.getY(), Math.max(1, near.getWidth()),
                    Math.max(1, near.getHeight()));
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
