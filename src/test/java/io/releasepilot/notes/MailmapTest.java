package io.releasepilot.notes;

import io.releasepilot.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The four .mailmap forms git documents, resolved exactly as {@code git check-mailmap} resolves them. */
class MailmapTest {
    static final String MAILMAP = """
            # gitmailmap(5): the four forms, a comment, a case-folded address and a blank line
            Proper Name <commit@example.org>
            <proper@apache.org> <old@example.org>
            Jane Doe <jdoe@apache.org> <jane@home.example>
            Joe R. Developer <joe@apache.org> Joe <bugs@example.com>

            Other Joe <other@apache.org> Joseph <bugs@example.com>   # same address, other name
            Case Folded <folded@apache.org> <MiXeD@Example.ORG>
            """;

    static final List<String[]> IDENTITIES = List.of(
            new String[] {"Some Name", "commit@example.org"},      // form 1: name only
            new String[] {"Old Self", "old@example.org"},          // form 2: address only
            new String[] {"jane", "jane@home.example"},            // form 3: name and address by address
            new String[] {"Joe", "bugs@example.com"},              // form 4: by name and address
            new String[] {"Joseph", "bugs@example.com"},           // form 4, another name at the same address
            new String[] {"Nobody Mapped", "bugs@example.com"},    // address known only with other names
            new String[] {"Mixed", "mixed@example.org"},           // addresses compare case-insensitively
            new String[] {"Unlisted", "unlisted@example.org"});    // not in the file

    @Test
    void resolvesEveryFormLikeGitCheckMailmap(@TempDir Path tmp) throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("repo"));
        repo.write(".mailmap", MAILMAP).commit("mailmap");
        Mailmap mailmap = Mailmap.parse(MAILMAP);
        for (String[] id : IDENTITIES) {
            String gits = repo.git("check-mailmap", id[0] + " <" + id[1] + ">");
            String[] ours = mailmap.resolve(id[0], id[1]);
            assertThat(ours[0] + " <" + ours[1] + ">").as(id[0] + " <" + id[1] + ">").isEqualTo(gits);
        }
    }

    @Test
    void documentsWhatEachFormDoes() {
        Mailmap mailmap = Mailmap.parse(MAILMAP);
        assertThat(mailmap.resolve("Some Name", "commit@example.org"))
                .containsExactly("Proper Name", "commit@example.org");
        assertThat(mailmap.resolve("Old Self", "old@example.org")).containsExactly("Old Self", "proper@apache.org");
        assertThat(mailmap.resolve("jane", "jane@home.example")).containsExactly("Jane Doe", "jdoe@apache.org");
        assertThat(mailmap.resolve("Joe", "bugs@example.com")).containsExactly("Joe R. Developer", "joe@apache.org");
        assertThat(mailmap.resolve("Nobody Mapped", "bugs@example.com"))
                .containsExactly("Nobody Mapped", "bugs@example.com");
    }

    @Test
    void noFileMapsNothing() {
        assertThat(Mailmap.parse(null).resolve("A", "a@b.c")).containsExactly("A", "a@b.c");
    }
}
