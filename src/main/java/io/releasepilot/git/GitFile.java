package io.releasepilot.git;

import java.io.IOException;
import java.io.InputStream;

/**
 * One entry of a committed tree: its path (with '/'), kind and size, and a way to read its content. A symbolic
 * link's content is its target.
 */
public record GitFile(String path, Kind kind, long size, Content content) {

    /** Regular file, executable file, or symbolic link. */
    public enum Kind { FILE, EXECUTABLE, SYMLINK }

    /** Opens the entry's bytes; may be called once per entry. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
