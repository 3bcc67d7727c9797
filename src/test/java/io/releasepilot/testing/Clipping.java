package io.releasepilot.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** Finds text a user cannot read whole: labels and buttons cut off with "…", prompts wider than their field. */
public final class Clipping {
    private Clipping() {
    }

    /** Each visible label, button or prompt under {@code root} whose text is cut off, with what it shows. */
    public static List<String> of(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String full = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && c.isVisible() && !t.getText().equals(full) && !t.getText().equals(l.getText())) {
                    found.add(name(l) + " shows \"" + t.getText() + "\" of \"" + l.getText() + "\"");
                }
            }
        }
        if (node instanceof TextField f && f.getPromptText() != null && !f.getPromptText().isEmpty()
                && f.getText().isEmpty()) {
            double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
            for (Text t : texts(f)) {
                if (f.getPromptText().equals(t.getText()) && t.getLayoutBounds().getWidth() > room + 0.5) {
                    found.add(name(f) + " prompt \"" + f.getPromptText() + "\" needs "
                            + Math.round(t.getLayoutBounds().getWidth()) + " px, has " + Math.round(room));
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, found);
            }
        }
    }

    private static List<Text> texts(Parent p) {
        List<Text> out = new ArrayList<>();
        for (Node c : p.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                out.add(t);
            } else if (c instanceof Parent q) {
                out.addAll(texts(q));
            }
        }
        return out;
    }

    private static String name(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }
}
