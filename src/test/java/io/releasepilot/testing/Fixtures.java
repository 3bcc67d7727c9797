package io.releasepilot.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test data copied into {@code src/test/resources/fixtures} (provenance in its README.md), read from the class path. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixture file at {@code relative} (for example {@code keys/tika-KEYS}); fails loudly when it is missing. */
    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/fixtures/" + relative);
        if (url == null) {
            throw new IllegalStateException("Missing test fixture src/test/resources/fixtures/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
