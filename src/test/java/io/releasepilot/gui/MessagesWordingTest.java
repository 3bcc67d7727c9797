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
}
