package io.releasepilot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real git repository made with the git command, for tests. */
public final class GitFixture {
    private final Path dir;
    private int clock = 0;

    public GitFixture(Path dir) throws IOException {
        Tools.require("git");
        this.dir = dir;
        Files.createDirectories(dir);
        git("init", "-q", "-b", "main");
        git("config", "user.name", "Test Committer");
        git("config", "user.email", "committer@apache.org");
        git("config", "commit.gpgsign", "false");
        git("config", "tag.gpgsign", "false");
    }

    public Path dir() {
        return dir;
    }

    public String git(String... args) {
        return gitAs("Test Author", "author@apache.org", args);
    }

    public String gitAs(String name, String email, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        String date = "2026-01-0" + Math.min(9, 1 + clock / 24) + "T" + String.format("%02d", clock % 24) + ":00:00Z";
        Tools.Result r = Tools.run(null, cmd, Map.of("GIT_AUTHOR_NAME", name, "GIT_AUTHOR_EMAIL", email,
                "GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date, "TZ", "UTC"), null);
        assertThat(r.exitCode()).as("git %s: %s", List.of(args), r.err()).isZero();
        return r.out().strip();
    }

    public GitFixture write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return this;
    }

    public String commit(String message) {
        clock++;
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return git("rev-parse", "HEAD");
    }

    public String commitAs(String name, String email, String message) {
        clock++;
        git("add", "-A");
        gitAs(name, email, "commit", "-q", "-m", message);
        return git("rev-parse", "HEAD");
    }

    public void tag(String name) {
        git("tag", "-a", name, "-m", "Tag " + name);
    }
}
