package io.releasepilot.notes;

import io.releasepilot.git.GitRepository;
import io.releasepilot.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One commit by one person reads "1 commit … by 1 contributor", not "1 commits … 1 contributors". */
class ReleaseNotesWordingTest {

    @Test
    void countsOfOneAreSingular(@TempDir Path tmp) throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("repo"));
        repo.write("a.txt", "a\n").commit("feat: the first feature");
        repo.tag("v0.1.0");
        try (GitRepository git = GitRepository.open(repo.dir())) {
            String md = ReleaseNotes.generate(git, null, "v0.1.0", "Release notes").markdown();
            assertThat(md).contains("1 commit up to v0.1.0 by 1 contributor.\n").contains("(1 commit)\n");
        }
    }
}
