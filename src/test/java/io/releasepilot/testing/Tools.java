package io.releasepilot.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** Runs external tools (gpg, sha512sum, openssl …) for tests. On CI a missing tool fails the test. */
public final class Tools {
    private Tools() {
    }

    public record Result(int exitCode, String out, String err) {
    }

    /** Skips the test when {@code tool} is missing, or fails it when the CI variable is "true". */
    public static void require(String tool) {
        boolean present;
        try {
            present = run(null, List.of("sh", "-c", "command -v " + tool)).exitCode() == 0;
        } catch (RuntimeException e) {
            present = false;
        }
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(tool + " is required on CI but is not installed (.ci/run installs it)");
            }
            Assumptions.assumeTrue(false, tool + " is not installed; skipping");
        }
    }

    public static Result run(Path dir, List<String> command) {
        return run(dir, command, java.util.Map.of(), null);
    }

    public static Result run(Path dir, List<String> command, java.util.Map<String, String> env, byte[] stdin) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> err.complete(readAll(p.getErrorStream())));
            t.start();
            String out = readAll(p.getInputStream());
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            return new Result(p.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The SHA-512 of {@code file} as coreutils' sha512sum computes it (the reference the record must match). */
    public static String sha512(Path file) {
        require("sha512sum");
        Result r = run(null, List.of("sha512sum", file.toString()));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("sha512sum failed: " + r.err());
        }
        return r.out().split("\\s+")[0];
    }
}
