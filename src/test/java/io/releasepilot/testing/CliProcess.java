package io.releasepilot.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the real command line ({@code io.releasepilot.app.Main}) as another JVM with the test class path. */
public final class CliProcess {
    private CliProcess() {
    }

    public static Process start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.releasepilot.app.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.redirectOutput(workDir.resolve("out-" + System.nanoTime() + ".txt").toFile());
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("LC_ALL", "C");
        return pb.start();
    }

    /** Waits for {@code p} and returns its exit code and error output. */
    public static Tools.Result finish(Process p) throws IOException, InterruptedException {
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Tools.Result(code, "", err);
    }
}
