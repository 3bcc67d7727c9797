package io.releasepilot.gui.common;

import io.releasepilot.branch.BranchService;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pushes branches a step made to the repository's remote: the password (or token) is asked once, used for this
 * push only and cleared after it, and the push runs off the FX thread through the step's {@link TaskRunner}.
 */
public final class BranchPush {
    private final BranchService service = new BranchService();
    private final DialogService dialogs;
    private final TaskRunner tasks;
    private final StringProperty status;

    public BranchPush(DialogService dialogs, TaskRunner tasks, StringProperty status) {
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.status = status;
    }

    /**
     * Asks the password ({@code title}, {@code message}), then pushes {@code branches} to {@code remote} as
     * {@code user}; {@code pushed} gets the branches' names joined when all went.
     */
    public void push(Path repository, String remote, String user, List<String> branches, String title,
                     String message, Consumer<String> pushed) {
        Optional<char[]> asked = dialogs.askPassword(title, message);
        if (asked.isEmpty()) {
            status.set(Messages.get("branch.status.notPushed"));
            return;
        }
        char[] password = asked.get();
        String names = String.join(", ", branches);
        tasks.run(Messages.get("branch.status.pushing", names, remote), progress -> {
            try {
                for (String b : branches) {
                    progress.checkCancelled("pushing " + b);
                    service.push(repository, remote, b, user, password);
                }
                return names;
            } finally {
                Arrays.fill(password, '\0');
            }
        }, pushed);
    }
}
