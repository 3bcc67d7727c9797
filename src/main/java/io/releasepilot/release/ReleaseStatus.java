package io.releasepilot.release;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A release at a glance: the candidate, each step's true state, and the next thing to do (the step, the
 * exact command, and the window's step name). Only steps this version of Release Pilot can do are listed.
 * A waiting step (the vote's 72 hours, the 24 hours between publishing and the announcement) says until when
 * and how long that is from now.
 */
public record ReleaseStatus(ReleaseProfile profile, int rc, List<StepView> steps, Optional<NextAction> next) {
    /** The ASF asks to announce a release only once the mirrors had a day to pick it up. */
    public static final Duration ANNOUNCE_WAIT = Duration.ofHours(24);

    /**
     * The next step to take, the command that takes it, what to do in the window, why, and — when the step is
     * waiting for others (a vote, the mirrors) — until when (null otherwise), for a countdown.
     */
    public record NextAction(StepId step, String command, String window, String why, Instant waitingUntil) {
        public NextAction(StepId step, String command, String window, String why) {
            this(step, command, window, why, null);
        }

        /** True while the step waits for others; {@link #waitingUntil()} says until when. */
        public boolean waiting() {
            return waitingUntil != null;
        }
    }

    public static ReleaseStatus of(ReleaseRecord r, List<StepView> all, Workspace ws, Instant now) {
        List<StepView> shown = withAnnounceWait(all, now).stream().filter(s -> StepGuide.available(s.step()))
                .toList();
        // a release with an earlier candidate is under way: a plan or branch skipped then is not offered again
        boolean underWay = r.candidates().size() > 1;
        return new ReleaseStatus(r.profile(), r.currentRc(), shown, next(shown, ws.dir(), now, underWay));
    }

    /**
     * {@code steps} with the announcement shown as WAITING until 24 hours after the release was published (while
     * nothing is recorded for it yet and that time is still ahead of {@code now}).
     */
    public static List<StepView> withAnnounceWait(List<StepView> steps, Instant now) {
        Optional<StepView> publish = steps.stream().filter(s -> s.step() == StepId.PUBLISH).findFirst();
        if (publish.isEmpty() || !publish.get().status().usable() || publish.get().at() == null) {
            return steps;
        }
        Instant due = publish.get().at().plus(ANNOUNCE_WAIT);
        if (!due.isAfter(now)) {
            return steps;
        }
        List<StepView> out = new ArrayList<>();
        for (StepView s : steps) {
            out.add(s.step() == StepId.ANNOUNCE && s.status() == StepState.NOT_STARTED
                    ? new StepView(StepId.ANNOUNCE, StepState.WAITING, null, due, "The release was published at "
                    + RecordEvaluator.time(publish.get().at()) + "; the ASF asks to announce it 24 hours later,"
                    + " once the mirrors and downloads.apache.org have it.", null) : s);
        }
        return List.copyOf(out);
    }

    private static Optional<NextAction> next(List<StepView> steps, Path dir, Instant now, boolean underWay) {
        for (int i = 0; i < steps.size(); i++) {
            StepView s = steps.get(i);
            if (s.status() == StepState.DONE) {
                continue;
            }
            if (s.status() == StepState.WAITING && s.until() != null && s.until().isAfter(now)) {
                String why = "Waiting until " + RecordEvaluator.time(s.until()) + " ("
                        + RecordEvaluator.remaining(now, s.until()) + " from now)."
                        + (s.step() == StepId.ANNOUNCE ? " " + s.reason() + meanwhile(steps, dir) : "");
                return Optional.of(new NextAction(s.step(), StepGuide.command(s.step(), dir),
                        StepGuide.window(s.step()), why, s.until()));
            }
            if (s.status() == StepState.WAITING) {
                continue;
            }
            if (s.status() == StepState.NOT_STARTED && s.step().skippable() && (underWay || laterRecorded(steps, i))) {
                continue;
            }
            String why = switch (s.status()) {
                case STALE -> s.reason();
                case FAILED -> "The last try failed: " + s.reason();
                default -> "Not done yet.";
            };
            return Optional.of(new NextAction(s.step(), StepGuide.command(s.step(), dir), StepGuide.window(s.step()),
                    why));
        }
        return Optional.empty();
    }

    private static String meanwhile(List<StepView> steps, Path dir) {
        return steps.stream().filter(s -> s.step() == StepId.NEXT_VERSION && !s.status().usable()).findFirst()
                .map(s -> " Meanwhile you can move to the next version: " + StepGuide.command(StepId.NEXT_VERSION, dir))
                .orElse("");
    }

    private static boolean laterRecorded(List<StepView> steps, int index) {
        return steps.subList(index + 1, steps.size()).stream().anyMatch(s -> s.status() != StepState.NOT_STARTED);
    }

    /** The view of {@code step}, if this version shows it. */
    public Optional<StepView> step(StepId step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }
}
