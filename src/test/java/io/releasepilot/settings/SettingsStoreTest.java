package io.releasepilot.settings;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsStoreTest {
    @TempDir
    Path home;

    @Test
    void keepsRecentWorkspacesNewestFirstWithoutDuplicates() throws Exception {
        SettingsStore store = new SettingsStore(new AppHome(home));
        Settings s = store.load();
        for (int i = 0; i < 12; i++) {
            s = s.withRecent("/releases/r" + i);
        }
        s = s.withRecent("/releases/r5").withDefaults("Jane Doe", "jdoe", "jdoe@apache.org");
        store.save(s);

        Settings back = new SettingsStore(new AppHome(home)).load();
        assertThat(back.recentWorkspaces()).hasSize(Settings.MAX_RECENT).startsWith("/releases/r5", "/releases/r11")
                .doesNotHaveDuplicates();
        assertThat(back.defaultEmail()).isEqualTo("jdoe@apache.org");
        assertThat(home.resolve("settings.json")).exists();
    }

    @Test
    void aDamagedSettingsFileIsReportedAndNeverOverwritten() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{ \"recentWorkspaces\": [ ");
        SettingsStore store = new SettingsStore(new AppHome(home));
        assertThatThrownBy(store::load).isInstanceOf(DataFileException.class).hasMessageContaining("is damaged");
        assertThat(store.loadOrEmpty().recentWorkspaces()).isEmpty();
        assertThatThrownBy(() -> store.save(Settings.empty().withRecent("/x")))
                .isInstanceOf(DataFileException.class).hasMessageContaining("Settings not saved");
        assertThat(Files.readString(home.resolve("settings.json"))).isEqualTo("{ \"recentWorkspaces\": [ ");
    }
}
