package io.releasepilot.verify;

import java.util.function.BooleanSupplier;

/**
 * Text that stops a regular expression when its time is up. Java's regex engine reads its input through
 * {@link #charAt} constantly, also while it backtracks, so checking the clock there bounds any pattern's cost:
 * past the deadline (or on cancel) {@link OutOfTime} is thrown out of the match.
 */
final class DeadlineText implements CharSequence {
    /** Thrown out of a match when the budget is spent or the run is cancelled. */
    static final class OutOfTime extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean cancelled;

        OutOfTime(boolean cancelled) {
            super(cancelled ? "cancelled" : "time budget spent", null, false, false);
            this.cancelled = cancelled;
        }
    }

    /** The shared clock of one file's scan. */
    static final class Budget {
        private final long deadline;
        private final BooleanSupplier cancelled;
        private int calls;

        Budget(long nanos, BooleanSupplier cancelled) {
            this.deadline = System.nanoTime() + nanos;
            this.cancelled = cancelled;
        }

        void check() {
            if (cancelled.getAsBoolean()) {
                throw new OutOfTime(true);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new OutOfTime(false);
            }
        }

        void tick() {
            if ((++calls & 0x3ff) == 0) {
                check();
            }
        }
    }

    private final String text;
    private final int start;
    private final int end;
    private final Budget budget;

    DeadlineText(String text, Budget budget) {
        this(text, 0, text.length(), budget);
    }

    private DeadlineText(String text, int start, int end, Budget budget) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.budget = budget;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        budget.tick();
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        budget.check();
        return new DeadlineText(text, start + from, start + to, budget);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
