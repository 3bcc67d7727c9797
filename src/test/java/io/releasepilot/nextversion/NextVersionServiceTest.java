package io.releasepilot.nextversion;

import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next version after a release, on a real repository: the branch to the next patch, the main line to
 * x.(y+1).0a1 after a feature release, committed on new branches without touching the working tree.
 */
class NextVersionServiceTest {
    @TempDir
    Path tmp;
    private final NextVersionService service = new NextVersionService();

    @Test
    void afterAFeatureReleaseTheBranchMovesToTheNextPatchAndMainToTheNextMinorsFirstAlpha() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("ai"));
        repo.write("pyproject.toml", "[project]\nname = \"ai\"\nversion = \"2.4.0\"\n").write("README.md", "hi\n");
        repo.commit("Release 2.4.0");
        repo.git("branch", "-M", "main");
        repo.tag("v2.4.0");
        repo.git("branch", "2.4");
        String head = repo.git("rev-parse", "HEAD").strip();
        ReleaseProfile p = ReleaseProfile.withDefaults("ai", false, "2.4.0").withGitRepository(repo.dir().toString());

        List<NextVersionService.Target> targets = service.targets(p, List.of("v2.4.0"), List.of("2.4", "main"), "main");
        assertThat(targets).extracting(t -> t.line() + " " + t.startPoint() + " " + t.to() + " " + t.branch())
                .containsExactly("2.4 2.4 2.4.1 next-version-2.4.1", "main main 2.5.0a1 next-version-2.5.0a1");

        List<NextVersionService.Plan> plans = List.of(service.plan(repo.dir(), targets.get(0), Optional.empty()),
                service.plan(repo.dir(), targets.get(1), Optional.empty()));
        assertThat(plans.get(0).diff()).isEqualTo("--- a/pyproject.toml\n+++ b/pyproject.toml\n@@ line 3 @@\n"
                + "-version = \"2.4.0\"\n+version = \"2.4.1\"\n");
        service.commit(null, repo.dir(), plans, "Jane Doe", "jdoe@apache.org");

        assertThat(repo.git("show", "next-version-2.4.1:pyproject.toml")).contains("version = \"2.4.1\"");
        assertThat(repo.git("show", "next-version-2.5.0a1:pyproject.toml")).contains("version = \"2.5.0a1\"");
        assertThat(repo.git("log", "-1", "--format=%an <%ae> %s", "next-version-2.4.1").strip())
                .isEqualTo("Jane Doe <jdoe@apache.org> Move 2.4 to 2.4.1 after the 2.4.0 release");
        // The working tree, the index and the current branch are as they were.
        assertThat(repo.git("rev-parse", "HEAD").strip()).isEqualTo(head);
        assertThat(repo.git("status", "--porcelain")).isEmpty();
    }

    @Test
    void aRetractedVersionNumberIsNeverReused() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("httpd"));
        repo.write("include/ap_release.h", "#define AP_SERVER_MAJORVERSION_NUMBER 2\n"
                + "#define AP_SERVER_MINORVERSION_NUMBER 4\n#define AP_SERVER_PATCHLEVEL_NUMBER   12\n");
        repo.commit("2.4.12");
        repo.tag("2.4.12");
        repo.tag("2.4.13");
        ReleaseProfile p = ReleaseProfile.withDefaults("httpd", false, "2.4.12");
        p = new ReleaseProfile(p.projectId(), p.displayName(), false, "2.4.12", 1, repo.dir().toString(), "{version}-rc{rc}",
                "{version}", "{major}.{minor}.x", p.distDevUrl(), p.distReleaseUrl(), p.devList(), p.announceList(),
                "", "", "", "", "", "");

        NextVersionService.Target t = service.targets(p, List.of("2.4.12", "2.4.13"), List.of("master"), "master")
                .get(0);
        assertThat(t.to().toString()).isEqualTo("2.4.14");
        NextVersionService.Plan plan = service.plan(repo.dir(), t, Optional.of("include/ap_release.h"));
        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.after())
                .contains("AP_SERVER_PATCHLEVEL_NUMBER   14"));
    }
}
