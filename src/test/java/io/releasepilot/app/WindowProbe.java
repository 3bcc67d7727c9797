package io.releasepilot.app;

import io.releasepilot.gui.common.FxDialogService;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real app (real glass, real window manager) for {@link WindowGeometryTest} in its own Java, and does
 * what a user does on commands read from standard input: maximize, the Verify button, a dialog. Prints
 * {@code ok <command>} once each is done, so the test can read the window geometry from outside.
 */
public final class WindowProbe {
    private WindowProbe() {
    }

    public static void main(String[] args) {
        Thread driver = new Thread(WindowProbe::drive, "probe");
        driver.setDaemon(true);
        driver.start();
        ReleasePilotApp.launchWith(Path.of(args[0]));
    }

    private static void drive() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            waitFor(() -> main() != null && main().isShowing());
            System.out.println("ok started");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.strip();
                switch (cmd) {
                    case "maximize" -> fx(() -> main().setMaximized(true));
                    case "verify" -> fx(() -> ((Button) main().getScene().lookup("#verifyButton")).fire());
                    case "dialog" -> Platform.runLater(() -> new FxDialogService(WindowProbe::main)
                            .showInfo("Probe dialog", "A dialog owned by the main window."));
                    case "close-dialog" -> fx(() -> Window.getWindows().stream()
                            .filter(w -> w instanceof Stage s && "Probe dialog".equals(s.getTitle()))
                            .toList().forEach(Window::hide));
                    case "exit" -> {
                        Platform.exit();
                        return;
                    }
                    default -> {
                        System.out.println("unknown " + cmd);
                        continue;
                    }
                }
                Thread.sleep(300);
                System.out.println("ok " + cmd);
            }
        } catch (java.io.IOException | InterruptedException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            System.out.println("failed " + e);
            Platform.exit();
        }
    }

    private static Stage main() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() == null)
                .map(Stage.class::cast).findFirst().orElse(null);
    }

    private static void fx(Runnable action) throws InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            action.run();
            done.complete(null);
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        for (int i = 0; i < 600; i++) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            try {
                Platform.runLater(() -> f.complete(condition.getAsBoolean()));
            } catch (IllegalStateException notStartedYet) {
                f.complete(false);
            }
            if (f.get(30, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new java.util.concurrent.TimeoutException("the main window did not show");
    }
}
