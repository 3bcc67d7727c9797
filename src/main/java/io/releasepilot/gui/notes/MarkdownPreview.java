package io.releasepilot.gui.notes;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A plain rendering of the Markdown the notes use: headings, bullets, bold and code spans. */
final class MarkdownPreview {
    private MarkdownPreview() {
    }

    static void render(TextFlow flow, String markdown) {
        flow.getChildren().clear();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("# ")) {
                flow.getChildren().add(text(line.substring(2) + "\n", FontWeight.BOLD, 20));
            } else if (line.startsWith("## ")) {
                flow.getChildren().add(text(line.substring(3) + "\n", FontWeight.BOLD, 15));
            } else if (line.startsWith("- ") || line.startsWith("* ")) {
                flow.getChildren().add(text("  \u2022 ", FontWeight.NORMAL, 13));
                inline(flow, line.substring(2));
                flow.getChildren().add(new Text("\n"));
            } else {
                inline(flow, line);
                flow.getChildren().add(new Text("\n"));
            }
        }
    }

    private static void inline(TextFlow flow, String line) {
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            if (line.startsWith("**", i) && line.indexOf("**", i + 2) > 0) {
                flush(flow, plain);
                int end = line.indexOf("**", i + 2);
                flow.getChildren().add(text(line.substring(i + 2, end), FontWeight.BOLD, 13));
                i = end + 2;
            } else if (line.charAt(i) == '`' && line.indexOf('`', i + 1) > 0) {
                flush(flow, plain);
                int end = line.indexOf('`', i + 1);
                Text code = new Text(line.substring(i + 1, end));
                code.setFont(Font.font("monospace", 12));
                flow.getChildren().add(code);
                i = end + 1;
            } else {
                plain.append(line.charAt(i++));
            }
        }
        flush(flow, plain);
    }

    private static void flush(TextFlow flow, StringBuilder plain) {
        if (plain.length() > 0) {
            flow.getChildren().add(text(plain.toString(), FontWeight.NORMAL, 13));
            plain.setLength(0);
        }
    }

    private static Text text(String s, FontWeight weight, double size) {
        Text t = new Text(s);
        t.setFont(Font.font(null, weight, size));
        return t;
    }
}
