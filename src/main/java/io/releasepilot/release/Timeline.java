package io.releasepilot.release;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dated checklist of a release, counted from the planned RC date: the MXNet release guide's T-minus list,
 * reduced to what the release manager does — plan mail two weeks ahead, the branch and the last day to pick
 * changes a week ahead, RC tag, build, signatures, staging and the vote mail on the day, the vote's 72 hours,
 * the result, publishing, the announcement a day after publishing and the next version — plus the rows the
 * release manager added. Each step's row says where that step stands; days are UTC days, as the ASF counts
 * the vote's 72 hours in UTC.
 */
public final class Timeline {
    /** Days from the RC date to the branch cut, the last day to get changes into a feature release (T-7). */
    public static final int LAST_DAY_FOR_CHANGES = -7;

    private record Planned(StepId step, int offset, String what) {
    }

    private Timeline() {
    }

    /**
     * The rows for {@code record}, its steps' true states ({@link ReleaseStatus#steps()}) and {@code today}, sorted
     * by day (steps in flow order before added rows on the same day) and numbered from 1. Without an RC date,
     * only the added rows.
     */
    public static List<TimelineRow> rows(ReleaseRecord record, List<StepView> steps, Instant now, Path dir) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        TimelinePlan plan = record.timeline();
        List<TimelineRow> rows = new ArrayList<>();
        if (plan.rcDate() != null) {
            for (Planned p : planned(record.profile())) {
                StepView view = steps.stream().filter(s -> s.step() == p.step()).findFirst().orElse(null);
                if (view == null) {
                    continue;
                }
                LocalDate date = plan.rcDate().plusDays(p.offset());
                rows.add(new TimelineRow(0, date, offset(p.offset()), p.what(), p.step(), state(view, date, today, now),
                        detail(view), StepGuide.command(p.step(), dir)));
            }
        }
        for (TimelinePlan.Note n : plan.notes()) {
            TimelineRow.State state = n.done() ? TimelineRow.State.DONE : n.date().isBefore(today)
                    ? TimelineRow.State.LATE : TimelineRow.State.TO_DO;
            rows.add(new TimelineRow(0, n.date(), plan.rcDate() == null ? ""
                    : offset((int) (n.date().toEpochDay() - plan.rcDate().toEpochDay())), n.text(), null, state, "",
                    ""));
        }
        List<TimelineRow> sorted = rows.stream().sorted(Comparator.comparing(TimelineRow::date)).toList();
        List<TimelineRow> numbered = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            TimelineRow r = sorted.get(i);
            numbered.add(new TimelineRow(i + 1, r.date(), r.offset(), r.what(), r.step(), r.state(), r.detail(),
                    r.command()));
        }
        return List.copyOf(numbered);
    }

    /** The note behind row {@code number} of {@code rows}, matched in {@code plan}; null for a step's row. */
    static TimelinePlan.Note noteOf(TimelinePlan plan, List<TimelineRow> rows, int number) {
        TimelineRow row = rows.get(number - 1);
        if (!row.added()) {
            return null;
        }
        return plan.notes().stream().filter(n -> n.date().equals(row.date()) && n.text().equals(row.what()))
                .findFirst().orElse(null);
    }

    private static List<Planned> planned(ReleaseProfile profile) {
        String devList = profile.devList().isBlank() ? "the dev list" : profile.devList();
        String branch;
        String rcTag;
        boolean feature;
        try {
            ReleaseNames names = ReleaseNames.of(profile);
            branch = names.branch();
            rcTag = names.rcTag();
            feature = names.kind().needsNewBranch();
        } catch (io.releasepilot.version.VersionFormatException e) {
            branch = "the release branch";
            rcTag = "the RC";
            feature = true;
        }
        boolean podling = profile.podling();
        int decided = podling ? 6 : 3;
        List<Planned> out = new ArrayList<>(List.of(
                new Planned(StepId.PLAN, -14, "Send the release plan to " + devList + " (branch, RC date, vote window,"
                        + " last day for changes)"),
                new Planned(StepId.KEY, -10, "Have your signing key (RSA 4096, your apache.org address)"),
                new Planned(StepId.KEYS_FILE, -10, "Add your key to the project's KEYS file"),
                new Planned(StepId.BRANCH, LAST_DAY_FOR_CHANGES, feature
                        ? "Cut the release branch " + branch + "; last day to get changes into it"
                        : "Check the release branch " + branch + "; last day to pick fixes onto it"),
                new Planned(StepId.NOTES, -3, "Draft the release notes"),
                new Planned(StepId.SOURCE, 0, "Tag " + rcTag + " and build the source release"),
                new Planned(StepId.SIGN, 0, "Sign the artifacts (.asc and .sha512)"),
                new Planned(StepId.CHECK, 0, "Check the candidate as voters will"),
                new Planned(StepId.STAGE, 0, "Stage the candidate on dist/dev"),
                new Planned(StepId.VOTE, 0, "Send the [VOTE] mail to " + devList),
                new Planned(StepId.TALLY, 3, "The vote closes after 72 hours: count it"),
                new Planned(StepId.RESULT, 3, "Send the [RESULT] mail")));
        if (podling) {
            out.add(new Planned(StepId.IPMC_VOTE, 3, "Send the [VOTE] mail to general@incubator.apache.org"));
            out.add(new Planned(StepId.IPMC_TALLY, 6, "The Incubator vote closes after 72 hours: count it"));
            out.add(new Planned(StepId.IPMC_RESULT, 6, "Send the [RESULT] mail to general@incubator.apache.org"));
        }
        out.add(new Planned(StepId.PUBLISH, decided, "Publish the release on dist/release"));
        out.add(new Planned(StepId.PRUNE, decided, "Remove older releases from dist/release (they stay on"
                + " archive.apache.org)"));
        out.add(new Planned(StepId.ANNOUNCE, decided + 1, "Send the [ANNOUNCE] mail, 24 hours after publishing"
                + " (the mirrors need the time)"));
        out.add(new Planned(StepId.NEXT_VERSION, decided + 1, "Move the branch and the main line to the next version"));
        return out;
    }

    private static TimelineRow.State state(StepView view, LocalDate date, LocalDate today, Instant now) {
        if (view.status() == StepState.DONE) {
            return TimelineRow.State.DONE;
        }
        if (view.status() == StepState.WAITING && (view.until() == null || view.until().isAfter(now))) {
            return TimelineRow.State.WAITING;
        }
        return date.isBefore(today) ? TimelineRow.State.LATE : TimelineRow.State.TO_DO;
    }

    private static String detail(StepView view) {
        return switch (view.status()) {
            case DONE -> view.at() == null ? "" : "done " + RecordEvaluator.time(view.at());
            case WAITING -> view.until() == null ? "" : "until " + RecordEvaluator.time(view.until());
            case STALE -> "to do again: " + view.reason();
            case FAILED -> "the last try failed: " + view.reason();
            default -> "";
        };
    }

    /** "T-14", "T", "T+3". */
    static String offset(int days) {
        return days == 0 ? "T" : days < 0 ? "T" + days : "T+" + days;
    }
}
