package io.releasepilot.core;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TempFoldersTest {

    @Test
    void createsTheMissingFoldersBelowTheRoot() throws Exception {
        Path root = TempFolders.create("release-pilot-test-");
        try {
            Path deep = root.resolve("a/b/c");
            TempFolders.createFoldersBelow(root, deep);
            assertThat(deep).isDirectory();
            TempFolders.createFoldersBelow(root, deep);
            assertThat(deep).isDirectory();
        } finally {
            TempFolders.delete(root);
        }
        assertThat(root).doesNotExist();
    }

    @Test
    void neverBringsBackARootThatWasDeleted() throws Exception {
        Path root = TempFolders.create("release-pilot-test-");
        TempFolders.delete(root);
        assertThatThrownBy(() -> TempFolders.createFoldersBelow(root, root.resolve("top/data")))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(root).doesNotExist();
    }

    @Test
    void refusesAFolderOutsideTheRoot() throws Exception {
        Path root = TempFolders.create("release-pilot-test-");
        try {
            Path outside = root.resolveSibling(root.getFileName() + "-outside");
            assertThatThrownBy(() -> TempFolders.createFoldersBelow(root, outside))
                    .hasMessageContaining("is not inside");
            assertThat(Files.exists(outside)).isFalse();
        } finally {
            TempFolders.delete(root);
        }
    }
}
