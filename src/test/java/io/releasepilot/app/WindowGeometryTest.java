package io.releasepilot.app;

import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real app, with GTK glass (not Monocle), under Xvfb and the openbox window manager, both started here as
 * child processes: windows open at their intended size and on screen, and a dialog leaves a maximized main window
 * maximized. The geometry is what the X server says ({@code xwininfo}, {@code xprop}), not what JavaFX believes.
 */
class WindowGeometryTest {
    static final int SCREEN_W = 1600;
    static final int SCREEN_H = 1000;
    private final List<Process> children = new ArrayList<>();
    private String display;

    record Geometry(int x, int y, int width, int height, int frameTop, boolean maximized) {
        boolean onScreen() {
            return x >= 0 && y - frameTop >= 0 && x + width <= SCREEN_W && y + height <= SCREEN_H;
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (int i = children.size() - 1; i >= 0; i--) {
            Process p = children.get(i);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void windowsOpenAtTheirSizeOnScreenAndADialogKeepsTheMainWindowMaximized(@TempDir Path tmp) throws Exception {
        for (String tool : List.of("Xvfb", "openbox", "xwininfo", "xprop", "xdotool")) {
            Tools.require(tool);
        }
        startX(tmp);
        Process app = start(appCommand(tmp.resolve("home")), tmp.resolve("app.err"));
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(app.getOutputStream(), StandardCharsets.UTF_8);
        expect(out, "ok started", tmp);

        String mainId = windowId("^Release Pilot$");
        Geometry main = geometry(mainId);
        assertThat(main.width()).as("main window width").isEqualTo(1100);
        assertThat(main.height()).as("main window height").isEqualTo(760);
        assertThat(main.onScreen()).as("main window on screen: %s", main).isTrue();

        send(in, out, "maximize", tmp);
        Geometry maximized = geometry(mainId);
        assertThat(maximized.maximized()).as("maximized: %s", maximized).isTrue();
        assertThat(maximized.width()).isEqualTo(SCREEN_W);

        send(in, out, "verify", tmp);
        Geometry verify = geometry(windowId("^Verify a release candidate$"));
        assertThat(verify.width()).as("verify window width").isEqualTo(1100);
        assertThat(verify.height()).as("verify window height").isEqualTo(780);
        assertThat(verify.onScreen()).as("verify window with its title bar on screen: %s", verify).isTrue();

        send(in, out, "dialog", tmp);
        windowId("^Probe dialog$");
        assertThat(geometry(mainId)).as("main window while a dialog is open").isEqualTo(maximized);
        send(in, out, "close-dialog", tmp);
        assertThat(geometry(mainId)).as("main window after the dialog").isEqualTo(maximized);

        in.write("exit\n");
        in.flush();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(tmp.resolve("app.err"))).doesNotContain("Unsupported JavaFX configuration")
                .doesNotContain("Exception");
    }

    @Test
    void theJarStartsTheWindowWithoutTheUnsupportedConfigurationWarning(@TempDir Path tmp) throws Exception {
        for (String tool : List.of("Xvfb", "openbox", "xdotool")) {
            Tools.require(tool);
        }
        startX(tmp);
        // As java -jar does: JavaFX on the class path; Main starts the window with JavaFX on the module path.
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", String.join(File.pathSeparator, appClassPath(true)),
                Main.class.getName(), "--home", tmp.resolve("home").toString()));
        Process app = start(cmd, tmp.resolve("jar.err"));
        windowId("^Release Pilot$");
        // The window runs in Main's child Java: end it first, then Main.
        for (ProcessHandle child : app.descendants().toList()) {
            child.destroy();
        }
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("Main ends with its window").isTrue();
        assertThat(Files.readString(tmp.resolve("jar.err"))).doesNotContain("Unsupported JavaFX configuration")
                .doesNotContain("Exception");
    }

    @Test
    void withoutADisplayTheJarSaysSoPlainly(@TempDir Path tmp) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(), "-cp", String.join(File.pathSeparator, appClassPath(true)),
                Main.class.getName(), "--home", tmp.resolve("home").toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(text).isEqualTo("Release Pilot could not open its window: no display was found." + System.lineSeparator()
                + "Start it in a desktop session (DISPLAY or WAYLAND_DISPLAY set), or use the command line, which works"
                + " without one: java -jar release-pilot.jar --help" + System.lineSeparator());
    }

    private void startX(Path tmp) throws Exception {
        // -displayfd 1: Xvfb picks a free display number itself and prints it.
        Process x = start(List.of("Xvfb", "-displayfd", "1", "-screen", "0", SCREEN_W + "x" + SCREEN_H + "x24",
                "-nolisten", "tcp"), tmp.resolve("xvfb.err"));
        BufferedReader xout = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.UTF_8));
        String number = xout.readLine();
        assertThat(number).as("Xvfb display number").isNotNull().matches("[0-9]+");
        display = ":" + number;
        start(List.of("openbox", "--sm-disable"), tmp.resolve("openbox.err"));
        for (int i = 0; i < 100; i++) {
            if (x("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").out().contains("window id")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("openbox did not start on " + display);
    }

    private Process start(List<String> command, Path errors) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(errors.toFile());
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private Tools.Result x(String... command) {
        return Tools.run(null, List.of(command), Map.of("DISPLAY", display), null);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This test's class path without TestFX and Monocle; with or without the JavaFX jars. */
    private static List<String> appClassPath(boolean withJavafx) {
        List<String> entries = new ArrayList<>();
        for (Path p : GuiLauncher.classPathEntries(System.getProperty("java.class.path"))) {
            String name = p.getFileName().toString();
            if (name.contains("testfx") || name.contains("monocle") || name.startsWith("surefire")
                    || (!withJavafx && name.startsWith("javafx-"))) {
                continue;
            }
            entries.add(p.toString());
        }
        return entries;
    }

    private static List<String> appCommand(Path home) {
        List<String> fx = GuiLauncher.classPathEntries(System.getProperty("java.class.path")).stream()
                .filter(p -> p.getFileName().toString().startsWith("javafx-")).map(Path::toString).toList();
        return List.of(java(), "--module-path", String.join(File.pathSeparator, fx), "--add-modules",
                "javafx.controls", "-cp", String.join(File.pathSeparator, appClassPath(false)),
                WindowProbe.class.getName(), home.toString());
    }

    private static void send(Writer in, BufferedReader out, String command, Path tmp) throws IOException {
        in.write(command + "\n");
        in.flush();
        expect(out, "ok " + command, tmp);
    }

    private static void expect(BufferedReader out, String line, Path tmp) throws IOException {
        String got;
        while ((got = out.readLine()) != null) {
            if (got.equals(line)) {
                return;
            }
        }
        throw new AssertionError("The app ended before \"" + line + "\": " + Files.readString(tmp.resolve("app.err")));
    }

    /** The X window of the visible top-level window whose title matches, waiting for it to be mapped. */
    private String windowId(String title) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Tools.Result r = x("xdotool", "search", "--onlyvisible", "--name", title);
            if (r.exitCode() == 0 && !r.out().isBlank()) {
                return r.out().lines().findFirst().orElseThrow().strip();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No visible window titled " + title + " on " + display);
    }

    private Geometry geometry(String id) throws InterruptedException {
        Thread.sleep(700); // let the window manager settle
        String info = x("xwininfo", "-id", id).out();
        String extents = x("xprop", "-id", id, "_NET_FRAME_EXTENTS").out();
        String state = x("xprop", "-id", id, "_NET_WM_STATE").out();
        Matcher m = Pattern.compile("= (\\d+), (\\d+), (\\d+), (\\d+)").matcher(extents);
        int top = m.find() ? Integer.parseInt(m.group(3)) : 0;
        return new Geometry(field(info, "Absolute upper-left X"), field(info, "Absolute upper-left Y"),
                field(info, "Width"), field(info, "Height"), top,
                state.contains("_NET_WM_STATE_MAXIMIZED_VERT") && state.contains("_NET_WM_STATE_MAXIMIZED_HORZ"));
    }

    private static int field(String xwininfo, String name) {
        Matcher m = Pattern.compile("\\Q" + name + "\\E:\\s+(-?\\d+)").matcher(xwininfo);
        if (!m.find()) {
            throw new AssertionError("xwininfo has no " + name + ": " + xwininfo);
        }
        return Integer.parseInt(m.group(1));
    }
}
