package io.releasepilot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code svnserve} in the foreground, with its own svnserve.conf, password file and the shared authz rules. */
public final class SvnServe extends DistServer {

    SvnServe(Path tempDir) {
        super(tempDir);
        try {
            Files.writeString(root.resolve("passwd"), "[users]\n" + RM + " = " + RM_PASSWORD + "\n"
                    + COMMITTER + " = " + COMMITTER_PASSWORD + "\n", StandardCharsets.UTF_8);
            Files.writeString(root.resolve("svnserve.conf"), "[general]\nanon-access = read\nauth-access = write\n"
                    + "password-db = " + root.resolve("passwd") + "\nauthz-db = " + root.resolve("authz")
                    + "\nrealm = Release Pilot test\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String repositoryUrl() {
        return "svn://127.0.0.1:" + port + "/dist";
    }

    @Override
    protected List<String> command() {
        return List.of("svnserve", "-d", "--foreground", "-r", root.resolve("repos").toString(),
                "--listen-host", "127.0.0.1", "--listen-port", Integer.toString(port),
                "--config-file", root.resolve("svnserve.conf").toString());
    }
}
