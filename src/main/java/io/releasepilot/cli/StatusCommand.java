package io.releasepilot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.Json;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.RecordEvaluator;
import io.releasepilot.release.ReleaseStatus;
import io.releasepilot.release.StepState;
import io.releasepilot.release.StepView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code status --dir D}: each step of the current RC, its true state and outputs, and the next command. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show where a release stands: each step"
        + " of the current release candidate with its state (done, waiting, failed, stale and why), its results,"
        + " and the exact command for the next step.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @picocli.CommandLine.Mixin
    HomeOption home;
    @Option(names = "--dir", required = true, paramLabel = "RELEASE_DIR", description = "Release folder (holds"
            + " release.json).")
    java.nio.file.Path dir;
    @Option(names = "--json", description = "Print one JSON object: project, version, rc, steps, next.")
    boolean json;

    @Override
    public Integer call() throws ReleasePilotException, IOException {
        ReleaseDirOption release = new ReleaseDirOption();
        release.dir = dir;
        ReleaseStatus status = release.records().status();
        java.time.Instant now = java.time.Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(status)));
            return ExitCodes.OK;
        }
        out.printf("%s %s, RC %d%n%n", status.profile().displayName(), status.profile().version(), status.rc());
        for (StepView s : status.steps()) {
            out.printf("%-12s %-11s %s%n", s.step().id(), label(s.status()), s.at() == null ? ""
                    : RecordEvaluator.time(s.at()));
            if (s.status() == StepState.WAITING && s.until() != null) {
                out.printf("%-24s until %s%s%n", "", RecordEvaluator.time(s.until()), s.until().isAfter(now)
                        ? " (" + RecordEvaluator.remaining(now, s.until()) + " from now)" : "");
            }
            if (s.reason() != null && (s.status() == StepState.STALE || s.status() == StepState.FAILED)) {
                out.printf("%-24s %s%n", "", s.reason());
            }
        }
        out.println();
        status.next().ifPresentOrElse(n -> {
            out.println("Next: " + n.step().title() + " \u2014 " + n.why());
            out.println("  command: " + n.command());
            out.println("  window:  the \"" + n.window() + "\" step");
        }, () -> out.println("Every step this version of Release Pilot can do is done."));
        return ExitCodes.OK;
    }

    private static String label(StepState s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static ObjectNode toJson(ReleaseStatus status) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("project", status.profile().projectId());
        root.put("version", status.profile().version());
        root.put("rc", status.rc());
        ArrayNode steps = root.putArray("steps");
        for (StepView s : status.steps()) {
            ObjectNode n = steps.addObject();
            n.put("id", s.step().id());
            n.put("status", s.status().name());
            n.put("at", s.at() == null ? null : s.at().toString());
            if (s.until() != null) {
                n.put("until", s.until().toString());
            }
            n.put("reason", s.reason());
            n.set("outputs", s.outputs() == null ? Json.mapper().createObjectNode() : s.outputs().deepCopy());
        }
        status.next().ifPresentOrElse(nx -> {
            ObjectNode n = root.putObject("next");
            n.put("step", nx.step().id());
            n.put("command", nx.command());
            n.put("window", nx.window());
            n.put("why", nx.why());
            if (nx.waiting()) {
                n.put("waitingUntil", nx.waitingUntil().toString());
            }
        }, () -> root.putNull("next"));
        return root;
    }
}
