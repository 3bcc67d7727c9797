package io.releasepilot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.Json;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.TimelinePlan;
import io.releasepilot.release.TimelineRow;
import io.releasepilot.release.TimelineService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code timeline --dir D}: the release's dated checklist from the planned RC date, with rows of one's own. */
@Command(name = "timeline", mixinStandardHelpOptions = true, description = {
        "The release's dated checklist, counted from the planned RC date: plan mail (T-14), key and KEYS (T-10),"
                + " branch and last day for changes (T-7), notes (T-3), RC tag, build, signatures, staging and the"
                + " vote mail (T), the vote's 72 hours and the result (T+3), publishing, the announcement 24 hours"
                + " later and the next version. Each row says where its step stands: done, waiting, late or to do.",
        "Days are UTC days. Rows you add are kept in release.json with the rest of the release."})
public final class TimelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOption home;
    @Option(names = "--dir", required = true, paramLabel = "RELEASE_DIR", description = "Release folder.")
    Path dir;
    @Option(names = "--rc-date", paramLabel = "YYYY-MM-DD", description = "The day you plan to cut RC 1; every date"
            + " counts from it.")
    String rcDate;
    @Option(names = "--add", arity = "2", paramLabel = "DATE TEXT", description = "Add a row of your own: its day"
            + " (YYYY-MM-DD) and one line saying what to do, e.g. --add 2026-12-03 \"Ask infra about the download"
            + " page\". May be given more than once.")
    List<String> add;
    @Option(names = "--remove", paramLabel = "N", description = "Remove row N (a row you added; the number is the"
            + " table's first column).")
    Integer remove;
    @Option(names = "--done", paramLabel = "N", description = "Mark row N (a row you added) done.")
    Integer done;
    @Option(names = "--undone", paramLabel = "N", description = "Mark row N (a row you added) not done again.")
    Integer undone;
    @Option(names = "--json", description = "Print one JSON object: rcDate, today and the rows with their state"
            + " and command.")
    boolean json;

    @Override
    public Integer call() throws ReleasePilotException, IOException {
        ReleaseDirOption release = new ReleaseDirOption();
        release.dir = dir;
        Clock clock = Clock.systemUTC();
        TimelineService timeline = new TimelineService(release.records(), clock);
        if (rcDate != null) {
            timeline.setRcDate(date(rcDate, "--rc-date"));
        }
        if (add != null) {
            for (int i = 0; i + 1 < add.size(); i += 2) {
                timeline.add(date(add.get(i), "--add"), add.get(i + 1));
            }
        }
        if (remove != null) {
            timeline.remove(remove);
        }
        if (done != null) {
            timeline.markDone(done, true);
        }
        if (undone != null) {
            timeline.markDone(undone, false);
        }
        TimelinePlan plan = timeline.plan();
        List<TimelineRow> rows = timeline.rows();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(plan, rows, today)));
            return ExitCodes.OK;
        }
        ReleaseProfile p = release.load().profile();
        out.printf("%s %s: %s (today is %s, UTC)%n%n", p.displayName(), p.version(), plan.rcDate() == null
                ? "no RC date planned yet" : "RC 1 planned for " + plan.rcDate(), today);
        if (plan.rcDate() == null) {
            out.println("Set it: release-pilot timeline --dir " + dir + " --rc-date YYYY-MM-DD (the day you plan to cut"
                    + " RC 1).");
        }
        if (!rows.isEmpty()) {
            out.printf("%3s  %-10s  %-5s  %-7s  %s%n", "#", "date", "day", "state", "what");
        }
        for (TimelineRow r : rows) {
            out.printf("%3d  %s  %-5s  %-7s  %s%s%n", r.number(), r.date(), r.offset(), r.state().label(), r.what(),
                    r.added() ? "  (yours)" : r.detail().isEmpty() ? "" : "  (" + r.detail() + ")");
        }
        return ExitCodes.OK;
    }

    private static LocalDate date(String text, String option) throws ReleasePilotException {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ReleasePilotException(option + " " + text + ": not a date.", "Give the day as YYYY-MM-DD, e.g."
                    + " 2026-12-01.");
        }
    }

    static ObjectNode toJson(TimelinePlan plan, List<TimelineRow> rows, LocalDate today) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("rcDate", plan.rcDate() == null ? null : plan.rcDate().toString());
        root.put("today", today.toString());
        ArrayNode list = root.putArray("rows");
        for (TimelineRow r : rows) {
            ObjectNode n = list.addObject();
            n.put("number", r.number());
            n.put("date", r.date().toString());
            n.put("day", r.offset());
            n.put("what", r.what());
            n.put("step", r.step() == null ? null : r.step().id());
            n.put("state", r.state().name());
            n.put("detail", r.detail());
            n.put("command", r.command());
            n.put("added", r.added());
        }
        return root;
    }
}
