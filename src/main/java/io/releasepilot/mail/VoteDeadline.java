package io.releasepilot.mail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * When a vote may close: at least 72 hours after the vote mail is sent, rounded up to the next full hour,
 * written in UTC as {@code YYYY-MM-DD HH:MM UTC} so that every voter reads the same time.
 */
public record VoteDeadline(Instant closesAt) {
    /** The ASF's minimum for a release vote. */
    public static final Duration MINIMUM = Duration.ofHours(72);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'",
            Locale.ROOT);

    public VoteDeadline {
        Objects.requireNonNull(closesAt, "closesAt");
    }

    /** 72 hours after {@code sentAt}, rounded up to the next full hour. */
    public static VoteDeadline after(Instant sentAt) {
        Instant earliest = sentAt.plus(MINIMUM);
        Instant hour = earliest.truncatedTo(ChronoUnit.HOURS);
        return new VoteDeadline(hour.equals(earliest) ? hour : hour.plus(1, ChronoUnit.HOURS));
    }

    /** {@code 2026-11-28 14:00 UTC} */
    public String text() {
        return format(closesAt);
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(ZoneOffset.UTC));
    }

    public boolean onWeekend() {
        DayOfWeek day = closesAt.atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** Empty on weekdays; else a note that many voters are away, to append after the deadline. */
    public String weekendNote() {
        if (!onWeekend()) {
            return "";
        }
        ZonedDateTime utc = closesAt.atZone(ZoneOffset.UTC);
        return " (a " + utc.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + ": many voters are away at weekends, so the vote may need to stay open longer)";
    }
}
