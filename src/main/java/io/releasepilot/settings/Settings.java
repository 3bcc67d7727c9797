package io.releasepilot.settings;

import java.util.ArrayList;
import java.util.List;

/** Per-user settings: recently opened release folders and the defaults for a new release. */
public record Settings(int schemaVersion, List<String> recentWorkspaces, String defaultName,
                       String defaultApacheId, String defaultEmail) {
    public static final int CURRENT_SCHEMA = 1;
    public static final int MAX_RECENT = 10;

    public Settings {
        recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
        defaultName = defaultName == null ? "" : defaultName;
        defaultApacheId = defaultApacheId == null ? "" : defaultApacheId;
        defaultEmail = defaultEmail == null ? "" : defaultEmail;
    }

    public static Settings empty() {
        return new Settings(CURRENT_SCHEMA, List.of(), "", "", "");
    }

    /** {@code folder} first in the recent list, without duplicates, at most {@link #MAX_RECENT}. */
    public Settings withRecent(String folder) {
        List<String> list = new ArrayList<>();
        list.add(folder);
        recentWorkspaces.stream().filter(f -> !f.equals(folder)).limit(MAX_RECENT - 1L).forEach(list::add);
        return new Settings(schemaVersion, list, defaultName, defaultApacheId, defaultEmail);
    }

    /** The recent list without {@code folder} (a release that can no longer be opened). */
    public Settings withoutRecent(String folder) {
        return new Settings(schemaVersion, recentWorkspaces.stream().filter(f -> !f.equals(folder)).toList(),
                defaultName, defaultApacheId, defaultEmail);
    }

    public Settings withDefaults(String name, String apacheId, String email) {
        return new Settings(schemaVersion, recentWorkspaces, name, apacheId, email);
    }
}
