package io.releasepilot.cli;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code rc next --dir D}: starts the next release candidate after a failed or cancelled vote. */
@Command(name = "rc", mixinStandardHelpOptions = true, description = "Release candidates of a release.",
        subcommands = RcCommand.Next.class)
public final class RcCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "next", mixinStandardHelpOptions = true, description = "Start the next release candidate (after"
            + " a failed or cancelled vote). The current one is kept as history; the new one starts from the source"
            + " step (profile, key, KEYS and notes carry over).")
    static final class Next implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        HomeOption home;
        @Option(names = "--dir", required = true, paramLabel = "RELEASE_DIR", description = "Release folder.")
        java.nio.file.Path dir;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why the current RC ended, for the history"
                + " (e.g. \"vote cancelled: missing LICENSE entry\").")
        String reason;

        @Override
        public Integer call() throws ReleasePilotException {
            ReleaseDirOption release = new ReleaseDirOption();
            release.dir = dir;
            int old = release.load().currentRc();
            ReleaseRecord next = release.records().nextRc(reason);
            ReleaseNames names = ReleaseNames.of(next.profile());
            spec.commandLine().getOut().println("RC " + old + " is kept as history. Started RC " + next.currentRc()
                    + ": tag " + names.rcTag() + ", folder " + names.rcFolder() + ".");
            spec.commandLine().getOut().println("Next: release-pilot source tag --dir " + dir + "   (then source build"
                    + " --dir " + dir + ")");
            return ExitCodes.OK;
        }
    }
}
