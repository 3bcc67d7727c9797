package io.releasepilot.cli;

import io.releasepilot.app.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@link #run} with {@code --home home} after the command (settings and keys kept there). */
    public static CliRun runIn(java.nio.file.Path home, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--home";
        all[args.length + 1] = home.toString();
        return run(all);
    }

    /** {@link #runIn} that must succeed: exit 0, else the test fails with the command and what it printed. */
    public static CliRun okIn(java.nio.file.Path home, String... args) {
        CliRun r = runIn(home, args);
        org.assertj.core.api.Assertions.assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err())
                .isZero();
        return r;
    }
}
