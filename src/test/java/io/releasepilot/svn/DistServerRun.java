package io.releasepilot.svn;

import io.releasepilot.testing.DistServer;
import io.releasepilot.testing.Tools;

import java.util.List;
import java.util.Map;

/** svnlook calls behind the server's back. */
final class DistServerRun {
    private DistServerRun() {
    }

    static String svnlookHistory(DistServer server, String path) {
        return Tools.run(null, List.of("svnlook", "history", "--show-ids", server.repositoryPath().toString(), path),
                Map.of("LANG", "C"), null).out();
    }
}
