package io.releasepilot.gui.wizard;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.release.Workspace;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the window was in a release: the step last shown, kept in the release folder
 * ({@value #FILE}) each time it changes, so that a window closed or killed at any step reopens there.
 * Only a step id is kept; a missing or unreadable file just means "start at the first step".
 */
final class WindowState {
    static final String FILE = "window-state.properties";
    private static final String STEP = "step";
    private static final int MAX_BYTES = 4096;

    private WindowState() {
    }

    static Optional<String> lastStep(Workspace ws) {
        Path file = ws.dir().resolve(FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return Optional.ofNullable(p.getProperty(STEP)).map(String::strip).filter(s -> !s.isEmpty());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a damaged hint is ignored: the window starts at the first step
        }
    }

    /** Remembers {@code stepId}; a failure to write is returned as the reason (the window goes on). */
    static Optional<String> remember(Workspace ws, String stepId) {
        Properties p = new Properties();
        p.setProperty(STEP, stepId);
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Release Pilot: the step the window showed last");
            AtomicFiles.write(ws.dir().resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
