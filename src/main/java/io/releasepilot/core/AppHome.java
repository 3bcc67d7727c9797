package io.releasepilot.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Release Pilot keeps per-user files: settings and, later, the secret keyring.
 *
 * <p>{@code --home DIR} wins, then the {@code RELEASE_PILOT_HOME} environment variable, then the operating
 * system's application-data folder: {@code $XDG_CONFIG_HOME/release-pilot} (default {@code ~/.config}) on
 * Linux, {@code ~/Library/Application Support/Release Pilot} on macOS, {@code %APPDATA%\Release Pilot} on
 * Windows.
 */
public record AppHome(Path dir) {
    public static final String ENV_VARIABLE = "RELEASE_PILOT_HOME";

    public AppHome {
        Objects.requireNonNull(dir, "dir");
        dir = dir.toAbsolutePath().normalize();
    }

    /** The home for this process: {@code explicitHome} if given, else from the environment and the OS. */
    public static AppHome resolve(Path explicitHome) {
        return resolve(explicitHome, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    static AppHome resolve(Path explicitHome, Map<String, String> env, String osName, Path userHome) {
        if (explicitHome != null) {
            return new AppHome(explicitHome);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AppHome(Path.of(fromEnv));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? userHome.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            return new AppHome(base.resolve("Release Pilot"));
        }
        if (os.contains("mac")) {
            return new AppHome(userHome.resolve("Library").resolve("Application Support").resolve("Release Pilot"));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? userHome.resolve(".config") : Path.of(xdg);
        return new AppHome(base.resolve("release-pilot"));
    }

    /** Refuses a home that names a file (a mistyped --home or RELEASE_PILOT_HOME): it must be a folder. */
    public void requireFolder() throws DataFileException {
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new DataFileException("The Release Pilot home " + dir + " is a file, not a folder.",
                    "Give --home (or RELEASE_PILOT_HOME) a folder; it is created if it does not exist.", null);
        }
    }

    public Path settingsFile() {
        return dir.resolve("settings.json");
    }
}
