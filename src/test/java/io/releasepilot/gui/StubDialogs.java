package io.releasepilot.gui;

import io.releasepilot.gui.common.DialogService;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers dialogs from a script and records what was shown, so GUI tests never block on a real dialog. */
public final class StubDialogs implements DialogService {
    public final Deque<Path> directories = new ArrayDeque<>();
    public final Deque<Path> files = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    /** The details (expandable part) of each error shown, in order. */
    public final List<String> errorDetails = new ArrayList<>();
    public boolean confirmAnswer = true;

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.ofNullable(directories.poll());
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initial) {
        return Optional.ofNullable(files.poll());
    }

    public final Deque<Path> saveFiles = new ArrayDeque<>();

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName) {
        return Optional.ofNullable(saveFiles.poll());
    }

    @Override
    public void showError(String title, String message, String details) {
        errors.add(title + ": " + message);
        errorDetails.add(details == null ? "" : details);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(title + ": " + message);
        return confirmAnswer;
    }

    /** Passwords to answer with, in order; none left means the user cancelled. The prompts shown are kept. */
    public final Deque<String> passwords = new ArrayDeque<>();
    public final List<String> passwordPrompts = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();

    @Override
    public Optional<char[]> askPassword(String title, String message) {
        passwordPrompts.add(message);
        return Optional.ofNullable(passwords.poll()).map(String::toCharArray);
    }
}
