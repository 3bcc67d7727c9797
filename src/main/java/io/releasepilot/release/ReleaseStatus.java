package io.releasepilot.release;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A release at a glance: the candidate, each step's true state, and the next thing to do (the step, the
 * exact command, and the window's step name). Only steps this version of Release Pilot can do are listed.
 */
public record ReleaseStatus(ReleaseProfile profile, int rc, List<StepView> steps, Optional<NextAction> next) {

    /** The next step to take, the command that takes it, and what to do in the window. */
    public record NextAction(StepId step, String command, String window, String why) {
    }

    public static ReleaseStatus of(ReleaseRecord r, List<StepView> all, Workspace ws, Instant now) {
        List<StepView> shown = all.stream().filter(s -> StepGuide.available(s.step())).toList();
        return new ReleaseStatus(r.profile(), r.currentRc(), shown, next(shown, ws.dir(), now));
    }

    private static Optional<NextAction> next(List<StepView> steps, Path dir, Instant now) {
        for (StepView s : steps) {
            if (s.status() == StepState.DONE) {
                continue;
            }
            if (s.status() == StepState.WAITING && s.until() != null && s.until().isAfter(now)) {
                return Optional.of(new NextAction(s.step(), StepGuide.command(s.step(), dir),
                        StepGuide.window(s.step()), "Waiting until " + RecordEvaluator.time(s.until()) + "."));
            }
            if (s.status() == StepState.WAITING) {
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

    /** The view of {@code step}, if this version shows it. */
    public Optional<StepView> step(StepId step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }
}
