package io.releasepilot.app;

/** Run by {@link GuiLauncherTest} in a child Java: prints what {@link GuiLauncher} decides there. */
public final class GuiLauncherProbe {
    private GuiLauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("javafxOnClassPath=" + GuiLauncher.javafxOnClassPath());
    }
}
