package io.releasepilot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command answers --help with exit 0, and every option and parameter says what it is for. */
class HelpTest {

    static List<CommandSpec> allCommands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(Cli.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cmd, List<CommandSpec> into) {
        into.add(cmd.getCommandSpec());
        cmd.getSubcommands().values().forEach(c -> collect(c, into));
    }

    private static List<String> path(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            names.add(0, s.name());
        }
        return names;
    }

    @Test
    void everyCommandShowsItsHelpAndExitsZero() {
        List<CommandSpec> commands = allCommands();
        assertThat(commands).extracting(CommandSpec::qualifiedName).contains("release-pilot profile init",
                "release-pilot source build", "release-pilot source preflight", "release-pilot keys append");
        for (CommandSpec spec : commands) {
            for (String help : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(path(spec));
                args.add(help);
                CliRun run = CliRun.run(args.toArray(String[]::new));
                assertThat(run.exitCode()).as("%s: %s", args, run.err()).isZero();
                assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: " + spec.qualifiedName());
                assertThat(run.err()).as(String.join(" ", args)).isEmpty();
            }
        }
    }

    @Test
    void everyOptionAndParameterHasADescription() {
        List<String> undescribed = new ArrayList<>();
        for (CommandSpec spec : allCommands()) {
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                String text = String.join(" ", arg.description()).strip();
                if (text.isEmpty()) {
                    undescribed.add(spec.qualifiedName() + " " + arg.paramLabel()
                            + (arg.isOption() ? " " + ((CommandLine.Model.OptionSpec) arg).longestName() : ""));
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void runningACommandBuildsOnlyThatCommandAndEverythingElseSeesTheWholeTree() {
        assertThat(Cli.commandLineFor("--home", "/tmp/h", "dist", "stage", "--dry-run").getSubcommands())
                .containsOnlyKeys("dist");
        assertThat(Cli.commandLineFor("--home=/tmp/h", "status").getSubcommands()).containsOnlyKeys("status");
        assertThat(Cli.commandLineFor("--help").getSubcommands().keySet())
                .isEqualTo(Cli.commandLine().getSubcommands().keySet()).hasSize(RootCommand.COMMANDS.size());
        assertThat(Cli.commandLineFor("nosuch").getSubcommands()).hasSize(RootCommand.COMMANDS.size());
        assertThat(Cli.commandLineFor().getSubcommands()).hasSize(RootCommand.COMMANDS.size());
    }

    @Test
    void everyOptionValueHasALabelNotPicocliDefault() {
        List<String> lowerCase = new ArrayList<>();
        for (CommandSpec spec : allCommands()) {
            for (CommandLine.Model.OptionSpec option : spec.options()) {
                String label = option.paramLabel();
                if (option.arity().max() > 0 && label.startsWith("<")) {
                    lowerCase.add(spec.qualifiedName() + " " + option.longestName() + "=" + label);
                }
            }
        }
        assertThat(lowerCase).as("option values are named like RELEASE_DIR or FILE, as in the other commands")
                .isEmpty();
    }

    @Test
    void everyCommandThatRunsTakesHomeAfterItsName() {
        List<String> without = new ArrayList<>();
        for (CommandSpec spec : allCommands()) {
            if (spec.subcommands().isEmpty() && spec.findOption("--home") == null) {
                without.add(spec.qualifiedName());
            }
        }
        assertThat(without).as("the top-level help says --home goes before or after the command").isEmpty();
    }

    @Test
    void homeWorksBeforeTheCommandAndTheTopLevelHelpNamesIt(@TempDir Path tmp) throws Exception {
        CliRun top = CliRun.run("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("--home=DIR").contains("RELEASE_PILOT_HOME");

        Path home = tmp.resolve("home");
        CliRun before = CliRun.run("--home", home.toString(), "keys", "list");
        assertThat(before.exitCode()).as(before.err()).isZero();
        CliRun after = CliRun.run("keys", "list", "--home", home.toString());
        assertThat(before.out()).isEqualTo(after.out());

        CliRun init = CliRun.run("--home", home.toString(), "profile", "init", "--dir", tmp.resolve("rel").toString(),
                "--project", "kvrocks", "--version", "2.4.0", "--name", "Jane Doe", "--apache-id", "jdoe",
                "--email", "jdoe@apache.org");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(Files.readString(home.resolve("settings.json"))).contains(tmp.resolve("rel").toString());
    }
}
