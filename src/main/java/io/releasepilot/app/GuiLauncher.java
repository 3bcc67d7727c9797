package io.releasepilot.app;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Starts the window the way JavaFX supports: with its jars on the module path. {@code java -jar} can only give
 * them on the class path (the jar manifest has no module path), where JavaFX prints "Unsupported JavaFX
 * configuration" and runs unsupported. So when JavaFX came from the class path, the window is started in a child
 * Java with the JavaFX jars moved to the module path (and everything else left on the class path); that child
 * finds JavaFX as named modules and starts quietly. Also says plainly when there is no display to open a window on.
 */
final class GuiLauncher {
    /** Set in the child so that it never starts another one. */
    static final String RELAUNCHED = "releasepilot.relaunched";

    private GuiLauncher() {
    }

    /** True when there is nothing to open a window on: Linux/BSD without DISPLAY and WAYLAND_DISPLAY. */
    static boolean noDisplay(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return false;
        }
        return blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static void printNoDisplay(PrintStream err, String detail) {
        err.println("Release Pilot could not open its window: no display was found"
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")") + ".");
        err.println("Start it in a desktop session (DISPLAY or WAYLAND_DISPLAY set), or use the command line,"
                + " which works without one: java -jar release-pilot.jar --help");
    }

    /** Whether JavaFX was loaded from the class path (an unnamed module) in this Java. */
    static boolean javafxOnClassPath() {
        return !javafx.application.Application.class.getModule().isNamed();
    }

    /**
     * The command that runs {@code mainClass} with {@code args} in a child Java, JavaFX on the module path; empty
     * when the JavaFX jars or the java command cannot be found (then the caller starts in this Java, as before).
     */
    static List<String> childCommand(String mainClass, List<String> args) {
        List<Path> entries = classPathEntries(System.getProperty("java.class.path", ""));
        List<String> modules = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            (name.startsWith("javafx-") && name.endsWith(".jar") ? modules : rest).add(p.toString());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            java = Path.of(System.getProperty("java.home"), "bin", "java.exe");
        }
        if (modules.isEmpty() || !Files.isExecutable(java)) {
            // No JavaFX jars to move, or a runtime without a java command (a jpackage image): start here.
            return List.of();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Djava.class.path")) {
                cmd.add(a);
            }
        }
        cmd.add("-D" + RELAUNCHED + "=true");
        cmd.add("--module-path");
        cmd.add(String.join(File.pathSeparator, modules));
        cmd.add("--add-modules");
        cmd.add("javafx.controls");
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, rest));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs {@code command} with this process's input and output and returns its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** The class path, with the {@code Class-Path} of each jar's manifest (as {@code java -jar} reads it) expanded. */
    static List<Path> classPathEntries(String classPath) {
        Set<Path> seen = new LinkedHashSet<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                add(Path.of(e).toAbsolutePath().normalize(), seen);
            }
        }
        return new ArrayList<>(seen);
    }

    private static void add(Path entry, Set<Path> seen) {
        if (!seen.add(entry) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest m = jar.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp == null) {
                return;
            }
            URI base = entry.getParent().toUri();
            for (String ref : cp.trim().split("\\s+")) {
                if (!ref.isEmpty()) {
                    URI u = base.resolve(ref);
                    if ("file".equals(u.getScheme())) {
                        add(Path.of(u).normalize(), seen);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a readable jar: it stays on the class path as it is, and Java reports it if it matters
        }
    }
}
