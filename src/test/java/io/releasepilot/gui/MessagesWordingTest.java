package io.releasepilot.gui;

import io.releasepilot.gui.common.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts in the source preview read right for none, one and many. */
class MessagesWordingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0 | No files go in; nothing is left out.
            1 | 1 | 1 file goes in; 1 is left out:
            5 | 2 | 5 files go in; 2 are left out:
            """)
    void sourcePreviewCountsReadRight(int in, int out, String line) {
        String text = Messages.get("source.preview", "a.tar.gz", "a", in, out, "");
        assertThat(text.lines().toList().get(2)).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1 | Removed 1 folder in revision 72345; 2 kept.
            3 | Removed 3 folders in revision 72345; 2 kept.
            """)
    void pruneCountsReadRightAndTheRevisionIsNotGrouped(int removed, String line) {
        assertThat(Messages.get("prune.result", removed, 72345L, 2)).isEqualTo(line);
        assertThat(Messages.get("prune.status.ready", 1)).isEqualTo("1 folder is proposed for removal. Untick any"
                + " you want to keep.");
    }

    @org.junit.jupiter.api.Test
    void aDistRevisionReadsAsSvnWritesIt() {
        assertThat(Messages.get("stage.result", "https://dist.apache.org/repos/dist/dev/demo/1.0.0-rc1/", 72345L))
                .isEqualTo("Staged in https://dist.apache.org/repos/dist/dev/demo/1.0.0-rc1/ (revision 72345).");
        assertThat(Messages.get("publish.result", "https://dist.apache.org/repos/dist/release/demo/1.0.0/", 72346L))
                .isEqualTo("Published in https://dist.apache.org/repos/dist/release/demo/1.0.0/ (revision 72346).");
    }
}
