package io.releasepilot.release;

import io.releasepilot.core.DataFileException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The release record of one release folder, for every step's service: read it, record what a step did
 * (DONE with its outputs, WAITING until a time, FAILED with the message), start the next release candidate,
 * and tell where the release stands. Each write holds the lock on release.json and re-reads it first, so
 * a window and a command working on the same release never lose each other's results.
 */
public final class RecordService {
    private final Workspace ws;
    private final ReleaseStore store;

    public RecordService(Workspace ws) {
        this(ws, new ReleaseStore());
    }

    public RecordService(Workspace ws, ReleaseStore store) {
        this.ws = Objects.requireNonNull(ws, "ws");
        this.store = Objects.requireNonNull(store, "store");
    }

    public Workspace workspace() {
        return ws;
    }

    private Clock clock() {
        return store.clock();
    }

    public ReleaseRecord load() throws DataFileException {
        return store.load(ws);
    }

    /** Records {@code step} of the current candidate as DONE now, with {@code outputs} (one of the *Outputs). */
    public ReleaseRecord done(StepId step, Object outputs) throws DataFileException {
        Instant now = clock().instant();
        return store.update(ws, r -> r.withStep(step, StepRecord.done(now, outputs, RecordEvaluator.inputDigest(r,
                step))));
    }

    /** Records {@code step} as WAITING until {@code until} (a vote's deadline), with its outputs so far. */
    public ReleaseRecord waiting(StepId step, Instant until, Object outputs) throws DataFileException {
        Instant now = clock().instant();
        return store.update(ws, r -> r.withStep(step, StepRecord.waiting(now, until, outputs,
                RecordEvaluator.inputDigest(r, step))));
    }

    /** Records that {@code step} failed, with the message the user saw. Earlier outputs are not kept. */
    public ReleaseRecord failed(StepId step, String message) throws DataFileException {
        Instant now = clock().instant();
        return store.update(ws, r -> r.withStep(step, StepRecord.failed(now, message)));
    }

    /** Saves a changed profile; a new RC number starts (or returns to) that candidate's own record. */
    public ReleaseRecord saveProfile(ReleaseProfile profile) throws DataFileException {
        Instant now = clock().instant();
        return store.update(ws, r -> {
            ReleaseRecord next = r.withProfile(profile);
            return next.withStep(StepId.PROFILE, StepRecord.done(now, null, RecordEvaluator.inputDigest(next,
                    StepId.PROFILE)));
        });
    }

    /** Remembers settings of a step between sessions (never a secret). */
    public ReleaseRecord saveSettings(StepId step, Object settings) throws DataFileException {
        return store.update(ws, r -> r.withSettings(step, settings));
    }

    /** Changes the timeline's plan (the planned RC date, the release manager's own rows) under the lock. */
    public TimelinePlan updateTimeline(java.util.function.UnaryOperator<TimelinePlan> change)
            throws DataFileException {
        return store.update(ws, r -> r.withTimeline(change.apply(r.timeline()))).timeline();
    }

    /**
     * Starts the next release candidate after a failed or cancelled vote: the current one is kept as history
     * with {@code because}; the new one starts with nothing done from the source step on (the profile, the key,
     * KEYS and notes carry over). Numbers are cheap: the next is always one more than the highest used.
     */
    public ReleaseRecord nextRc(String because) throws DataFileException {
        Instant now = clock().instant();
        return store.update(ws, r -> {
            int next = r.candidates().stream().mapToInt(RcRecord::rc).max().orElse(r.currentRc()) + 1;
            ReleaseRecord ended = r.withCandidate(r.current().ended(because == null || because.isBlank()
                    ? "a new release candidate was started" : because));
            return ended.withProfile(ended.profile().withRcNumber(next)).withCandidate(RcRecord.start(next, now));
        });
    }

    /** Where the current candidate stands, with the files on disk checked against the record. */
    public ReleaseStatus status() throws DataFileException {
        ReleaseRecord r = load();
        List<StepView> steps = RecordEvaluator.evaluate(r, new RecordFiles(ws));
        return ReleaseStatus.of(r, steps, ws, clock().instant());
    }
}
