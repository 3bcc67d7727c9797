package io.releasepilot.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the window's Java is chosen: a Java started with JavaFX on the module path (mvn javafx:run, the installed app's
 * launcher) starts the window itself; {@code java -jar} (JavaFX on the class path) starts a child Java with the
 * JavaFX module jars on the module path. The real windows are in {@link WindowGeometryTest} and the installed
 * app in {@code InstalledAppIT}.
 */
class GuiLauncherTest {

    @Test
    void javafxOnTheModulePathIsSeenAsANamedModuleSoTheWindowStartsWithoutAChildJava() throws Exception {
        assertThat(probe(true)).isEqualTo("javafxOnClassPath=false");
    }

    @Test
    void javafxOnTheClassPathIsSeenAsUnnamedSoTheWindowStartsInAChildJava() throws Exception {
        assertThat(probe(false)).isEqualTo("javafxOnClassPath=true");
    }

    @Test
    void childCommandMovesTheJavafxModuleJarsToTheModulePathAndDropsTheEmptyPlaceholders(@TempDir Path tmp)
            throws IOException {
        Path javaHome = fakeJavaHome(tmp);
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        List<Path> jars = new ArrayList<>();
        for (String name : List.of("app.jar", "javafx-base-22.0.2.jar", "javafx-base-22.0.2-linux.jar",
                "picocli-4.7.7.jar", "javafx-graphics-22.0.2-mac-aarch64.jar", "javafx-graphics-22.0.2.jar")) {
            jars.add(Files.write(lib.resolve(name), new byte[0]));
        }
        String classPath = String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());

        List<String> cmd = GuiLauncher.childCommand("io.releasepilot.app.Main", List.of("--home", "/h"), classPath,
                javaHome, List.of("-Xmx1g", "-javaagent:agent.jar", "-Djava.class.path=x"));

        assertThat(cmd).containsExactly(javaHome.resolve("bin/java").toString(), "-Xmx1g",
                "-Dreleasepilot.relaunched=true",
                "--module-path", lib.resolve("javafx-base-22.0.2-linux.jar") + File.pathSeparator
                        + lib.resolve("javafx-graphics-22.0.2-mac-aarch64.jar"),
                "--add-modules", "javafx.controls",
                "-cp", lib.resolve("app.jar") + File.pathSeparator + lib.resolve("picocli-4.7.7.jar"),
                "io.releasepilot.app.Main", "--home", "/h");
    }

    @Test
    void aRuntimeWithoutAJavaCommandGivesNoChildCommand(@TempDir Path tmp) throws IOException {
        // A jpackage image's runtime has no bin/java: the window then starts in this Java.
        Path fx = Files.write(tmp.resolve("javafx-base-22.0.2-linux.jar"), new byte[0]);
        Path runtime = Files.createDirectories(tmp.resolve("runtime/lib"));

        assertThat(GuiLauncher.childCommand("Main", List.of(), fx.toString(), runtime.getParent(), List.of())).isEmpty();
    }

    @Test
    void noJavafxModuleJarsGiveNoChildCommand(@TempDir Path tmp) throws IOException {
        Path placeholder = Files.write(tmp.resolve("javafx-base-22.0.2.jar"), new byte[0]);

        assertThat(GuiLauncher.childCommand("Main", List.of(), placeholder.toString(), fakeJavaHome(tmp), List.of()))
                .isEmpty();
    }

    @Test
    void onlyClassifierJarsAreJavafxModules() {
        assertThat(GuiLauncher.javafxModuleJar("javafx-controls-22.0.2-linux.jar")).isTrue();
        assertThat(GuiLauncher.javafxModuleJar("javafx-controls-22.0.2-win.jar")).isTrue();
        assertThat(GuiLauncher.javafxModuleJar("javafx-controls-22.0.2-mac-aarch64.jar")).isTrue();
        assertThat(GuiLauncher.javafxModuleJar("javafx-controls-22.0.2.jar")).isFalse();
        assertThat(GuiLauncher.javafxModuleJar("javafx-maven-plugin-0.0.8.jar")).isFalse();
        assertThat(GuiLauncher.javafxModuleJar("controlsfx-11.2.4.jar")).isFalse();
    }

    private static Path fakeJavaHome(Path tmp) throws IOException {
        Path java = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        return java.getParent().getParent();
    }

    /** Runs {@link GuiLauncherProbe} in a child Java with JavaFX on the module path or on the class path. */
    private static String probe(boolean modulePath) throws IOException, InterruptedException {
        List<String> fx = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Path p : GuiLauncher.classPathEntries(System.getProperty("java.class.path"))) {
            String name = p.getFileName().toString();
            if (GuiLauncher.javafxModuleJar(name)) {
                fx.add(p.toString());
            } else if (!name.startsWith("javafx-") && !name.contains("monocle") && !name.contains("testfx")) {
                rest.add(p.toString());
            }
        }
        assertThat(fx).as("JavaFX module jars on the test class path").isNotEmpty();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (modulePath) {
            cmd.addAll(List.of("--module-path", String.join(File.pathSeparator, fx), "--add-modules", "javafx.graphics"));
        } else {
            rest.addAll(fx);
        }
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, rest), GuiLauncherProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }
}
