package io.releasepilot.installer;

import io.releasepilot.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Linux installer as a user gets it: {@code packaging/build-installer.sh} builds the {@code .deb} from what
 * {@code mvn package} made, it is installed ({@code apt-get install ./release-pilot_….deb} as root; otherwise, or when
 * a Release Pilot is already installed on this machine, unpacked with {@code dpkg -x} into a temporary folder), and
 * the installed launcher opens the main window under Xvfb and openbox (started here as child processes). The window
 * is found by its title, closed the way a user does (Alt+F4 through the window manager), and the app must end with
 * exit code 0, without relaunching itself in a child Java and without JavaFX's "Unsupported JavaFX configuration".
 * The {@code .rpm} is built and read with {@code rpm} (not installed: this is a Debian machine).
 * Runs after the package phase ({@code mvn verify}, failsafe). Linux only; on CI a missing tool fails it.
 */
class InstalledAppIT {
    private static final String PACKAGE = "release-pilot";
    private static final String LAUNCHER = "opt/release-pilot/bin/Release Pilot";
    private final List<Process> children = new ArrayList<>();
    private boolean installed;
    private String display;

    @AfterEach
    void stop() throws InterruptedException {
        for (int i = children.size() - 1; i >= 0; i--) {
            Process p = children.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (installed && Tools.run(null, List.of("dpkg-query", "--show", PACKAGE)).exitCode() == 0) {
            Tools.Result r = Tools.run(null, List.of("dpkg", "--purge", PACKAGE));
            assertThat(r.exitCode()).as("dpkg --purge %s: %s", PACKAGE, r.err()).isZero();
            assertThat(Files.notExists(Path.of("/usr/bin/release-pilot"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .as("the command's link /usr/bin/release-pilot goes with the package").isTrue();
        }
    }

    @Test
    void theDebInstallsAndTheInstalledAppOpensItsWindowAndEndsCleanlyWhenItIsClosed(@TempDir Path tmp)
            throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        Assumptions.assumeTrue(linux || ci, "the .deb is built and installed on Linux only");
        assertThat(linux).as("CI runs the installer test on Linux").isTrue();
        for (String tool : List.of("jpackage", "fakeroot", "dpkg-deb", "dpkg", "Xvfb", "openbox", "xdotool")) {
            Tools.require(tool);
        }
        Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));

        Path deb = buildDeb(project, tmp.resolve("installer"));
        assertThat(field(deb, "Package")).isEqualTo(PACKAGE);
        assertThat(field(deb, "Depends").split(",\\s*")).as("Depends of %s", deb).contains("libgtk-3-0");

        Path launcher = install(deb, tmp.resolve("unpacked"));
        assertThat(launcher).isExecutable();
        assertThat(launcher.getParent().resolveSibling("lib/app/javafx")).as("JavaFX's module jars, for the module path")
                .isDirectoryContaining("glob:**/javafx-graphics-*-linux.jar")
                .isDirectoryNotContaining("regex:.*/javafx-[a-z]+-[0-9.]+\\.jar");

        startX(tmp);
        Path errors = tmp.resolve("app.err");
        Process app = start(List.of(launcher.toString(), "--home", tmp.resolve("home").toString()), errors);
        String window = visibleWindow("^Release Pilot$", app, errors);
        assertThat(app.descendants().count()).as("the installed app starts its window itself, no child Java")
                .isZero();

        // Alt+F4 as a user closes it; a window mapped a moment ago may not have the focus yet when the key arrives
        // (seen once under a loaded CI), so the close is tried again as a user would, three times at most.
        boolean ended = false;
        for (int attempt = 0; attempt < 3 && !ended; attempt++) {
            // not asserted: on a later try the window may be going away already
            Map<String, String> env = Map.of("DISPLAY", display);
            Tools.run(null, List.of("xdotool", "windowactivate", "--sync", window), env, null);
            Tools.run(null, List.of("xdotool", "key", "--clearmodifiers", "alt+F4"), env, null);
            ended = app.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(ended).as("the app ends when its window is closed").isTrue();
        String err = Files.readString(errors);
        assertThat(app.exitValue()).as("exit code; standard error: %s", err).isZero();
        assertThat(err).doesNotContain("Unsupported JavaFX configuration").doesNotContain("Exception");
    }

    @Test
    void theRpmRequiresGtkAndCarriesTheJavafxModuleJarsForTheModulePath(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || "true".equalsIgnoreCase(System.getenv("CI")), "the .rpm is built on Linux only");
        for (String tool : List.of("jpackage", "rpmbuild", "rpm")) {
            Tools.require(tool);
        }
        Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dest = tmp.resolve("installer");

        Path rpm = build(project, dest, "rpm", "release-pilot-[0-9.]+-1\\.[a-z0-9_]+\\.rpm");

        assertThat(rpmQuery(rpm, "--requires").lines().map(String::strip)).contains("gtk3", "xdg-utils");
        assertThat(rpmQuery(rpm, "--list").lines().filter(f -> f.startsWith("/opt/release-pilot/lib/app/javafx/")))
                .hasSize(3).allMatch(f -> f.matches(".*/javafx-(base|controls|graphics)-[0-9.]+-linux\\.jar"));
        assertThat(rpmQuery(rpm, "--list").lines()).contains("/opt/release-pilot/bin/Release Pilot");
    }

    private static String rpmQuery(Path rpm, String what) {
        Tools.Result r = Tools.run(null, List.of("rpm", "--query", "--package", what, rpm.toString()));
        assertThat(r.exitCode()).as("rpm -qp %s: %s", what, r.err()).isZero();
        return r.out();
    }

    /** Builds the .deb with the documented script from target/ (no second Maven build) and returns it. */
    private static Path buildDeb(Path project, Path dest) throws IOException {
        return build(project, dest, "deb", "release-pilot_[0-9.]+-1_[a-z0-9]+\\.deb");
    }

    /** Runs build-installer.sh for one type on what mvn package built, and returns the one file it made. */
    private static Path build(Path project, Path dest, String type, String fileName) throws IOException {
        assertThat(project.resolve("target/release-pilot.jar")).as("built by mvn package before this test")
                .isRegularFile();
        // dpkg-deb's default xz takes most of the .deb's build time; gzip -1 makes the same package, faster.
        Tools.Result r = Tools.run(project, List.of("bash", "packaging/build-installer.sh", "--skip-build",
                        "--dest", dest.toString(), type),
                Map.of("DPKG_DEB_COMPRESSOR_TYPE", "gzip", "DPKG_DEB_COMPRESSOR_LEVEL", "1"), null);
        assertThat(r.exitCode()).as("build-installer.sh %s:%n%s%n%s", type, r.out(), r.err()).isZero();
        try (Stream<Path> files = Files.list(dest)) {
            List<Path> made = files.toList();
            assertThat(made).as("what build-installer.sh %s made in %s", type, dest).hasSize(1);
            assertThat(made.get(0).getFileName().toString()).matches(fileName);
            return made.get(0);
        }
    }

    private static String field(Path deb, String name) {
        Tools.Result r = Tools.run(null, List.of("dpkg-deb", "--field", deb.toString(), name));
        assertThat(r.exitCode()).as("dpkg-deb --field %s: %s", name, r.err()).isZero();
        return r.out().strip();
    }

    /**
     * Installs the package as root with apt-get (which also brings its Depends); else, or when a Release Pilot is
     * already installed here (it is left alone), unpacks it into {@code unpacked}. Returns the launcher.
     */
    private Path install(Path deb, Path unpacked) {
        boolean root = "0".equals(Tools.run(null, List.of("id", "-u")).out().strip());
        boolean alreadyInstalled = Tools.run(null, List.of("dpkg-query", "--show", "--showformat=${Status}", PACKAGE))
                .out().contains("ok installed");
        if (root && !alreadyInstalled) {
            Tools.require("apt-get");
            installed = true;
            Tools.Result r = Tools.run(null, List.of("apt-get", "install", "-y", "-q", "--no-install-recommends",
                    deb.toString()), Map.of("DEBIAN_FRONTEND", "noninteractive"), null);
            assertThat(r.exitCode()).as("apt-get install %s:%n%s%n%s", deb, r.out(), r.err()).isZero();
            Tools.Result version = Tools.run(null, List.of("/usr/bin/release-pilot", "--version"));
            assertThat(version.exitCode()).as("release-pilot --version on the PATH: %s", version.err()).isZero();
            assertThat(version.out()).as("release-pilot --version").startsWith("release-pilot ");
            return Path.of("/").resolve(LAUNCHER);
        }
        System.err.println("InstalledAppIT: " + (root ? "a Release Pilot is already installed" : "not root")
                + ", so the .deb is unpacked with dpkg -x into " + unpacked + " instead of installed");
        Tools.Result r = Tools.run(null, List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()));
        assertThat(r.exitCode()).as("dpkg-deb -x: %s", r.err()).isZero();
        return unpacked.resolve(LAUNCHER);
    }

    private void startX(Path tmp) throws IOException, InterruptedException {
        // -displayfd 1: Xvfb picks a free display number itself and prints it.
        Process xvfb = start(List.of("Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"),
                tmp.resolve("xvfb.err"));
        String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(number).as("Xvfb display number").isNotNull().matches("[0-9]+");
        display = ":" + number;
        start(List.of("openbox", "--sm-disable"), tmp.resolve("openbox.err"));
        for (int i = 0; i < 100; i++) {
            if (Tools.run(null, List.of("xdotool", "getdisplaygeometry"), Map.of("DISPLAY", display), null)
                    .exitCode() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Xvfb did not answer on " + display);
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
        Tools.Result r = Tools.run(null, List.of(command), Map.of("DISPLAY", display), null);
        assertThat(r.exitCode()).as("%s: %s", String.join(" ", command), r.err()).isZero();
        return r;
    }

    /** The X window id of the visible window whose title matches, waiting up to two minutes for the app to map it. */
    private String visibleWindow(String title, Process app, Path errors) throws InterruptedException, IOException {
        for (int i = 0; i < 1200; i++) {
            Tools.Result r = Tools.run(null, List.of("xdotool", "search", "--onlyvisible", "--name", title),
                    Map.of("DISPLAY", display), null);
            if (r.exitCode() == 0 && !r.out().isBlank()) {
                return r.out().lines().findFirst().orElseThrow().strip();
            }
            if (!app.isAlive()) {
                throw new AssertionError("The installed app ended (exit code " + app.exitValue()
                        + ") before its window showed: " + Files.readString(errors));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No visible window titled " + title + " on " + display + ": "
                + Files.readString(errors));
    }
}
