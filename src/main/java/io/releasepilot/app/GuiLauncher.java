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
 * finds JavaFX as named modules and starts quietly. When JavaFX is already a named module of the boot layer (started
 * with {@code --module-path}, as {@code mvn javafx:run}, the child and the installed app's launcher do), nothing is
 * relaunched. Also says plainly when there is no display to open a window on.
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

    /**
     * Whether JavaFX is on the class path (an unnamed module) in this Java: true unless {@code javafx.graphics} is a
     * named module of the boot layer. Looks at the boot layer only, so no JavaFX class is loaded to decide.
     */
    static boolean javafxOnClassPath() {
        return !javafxInBootLayer(ModuleLayer.boot());
    }

    /** Whether {@code layer} holds {@code javafx.graphics} as a named module (the module path, or a jlinked runtime). */
    static boolean javafxInBootLayer(ModuleLayer layer) {
        return layer.findModule("javafx.graphics").isPresent();
    }

    /**
     * Whether a jar of JavaFX's Maven artifacts holds a module: {@code javafx-graphics-22.0.2-linux.jar} does; the
     * jar without the platform classifier ({@code javafx-graphics-22.0.2.jar}) is an empty placeholder and is left out.
     */
    static boolean javafxModuleJar(String fileName) {
        return fileName.matches("javafx-[a-z]+-[0-9][^-]*-.+\\.jar");
    }

    private static boolean javafxJar(String fileName) {
        return fileName.startsWith("javafx-") && fileName.endsWith(".jar");
    }

    /**
     * The command that runs {@code mainClass} with {@code args} in a child Java, JavaFX on the module path; empty
     * when the JavaFX jars or the java command cannot be found (then the caller starts in this Java, as before).
     */
    static List<String> childCommand(String mainClass, List<String> args) {
        return childCommand(mainClass, args, System.getProperty("java.class.path", ""),
                Path.of(System.getProperty("java.home")), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** {@link #childCommand(String, List)} for the given class path, Java home and this Java's own options. */
    static List<String> childCommand(String mainClass, List<String> args, String classPath, Path javaHome,
                                     List<String> jvmOptions) {
        List<Path> entries = classPathEntries(classPath);
        List<String> modules = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (javafxModuleJar(name)) {
                modules.add(p.toString());
            } else if (!javafxJar(name)) {
                rest.add(p.toString());
            }
        }
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            java = javaHome.resolve("bin").resolve("java.exe");
        }
        if (modules.isEmpty() || !Files.isExecutable(java)) {
            // No JavaFX jars to move, or a runtime without a java command (a jpackage image): start here.
            return List.of();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        for (String a : jvmOptions) {
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
