package io.releasepilot.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.Json;
import io.releasepilot.core.ReleasePilotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The timeline: dated rows counted from the planned RC date, each tied to its step's state, plus the release
 * manager's own rows, kept in release.json. "Today" comes from the clock, in UTC, whatever the machine's zone.
 */
class TimelineTest {
    /** 23:30 in UTC is already the next day in Berlin: the timeline's days are UTC days. */
    static final Instant NOW = Instant.parse("2026-11-25T23:30:00Z");
    @TempDir
    Path tmp;

    private RecordService records;

    private TimelineService timeline(Instant now, ReleaseProfile profile) throws Exception {
        ReleaseStore store = new ReleaseStore(Clock.fixed(now, ZoneOffset.UTC));
        if (records == null) {
            records = new RecordService(store.create(tmp.resolve("release"), profile), store);
        }
        return new TimelineService(new RecordService(records.workspace(), store),
                Clock.fixed(now, ZoneId.of("Europe/Berlin")));
    }

    private TimelineService timeline(Instant now) throws Exception {
        return timeline(now, ProfileValidatorTest.valid());
    }

    private static String line(TimelineRow r) {
        return r.number() + " " + r.date() + " " + r.offset() + " " + r.state().label() + " "
                + (r.step() == null ? "-" : r.step().id());
    }

    @Test
    void everyStepHasItsDayCountedFromThePlannedRcDateAndIsLateOnceThatDayHasPassed() throws Exception {
        TimelineService t = timeline(NOW);
        assertThat(t.rows()).isEmpty();
        t.setRcDate(LocalDate.parse("2026-12-01"));

        assertThat(t.rows()).extracting(TimelineTest::line).containsExactly(
                "1 2026-11-17 T-14 late plan",
                "2 2026-11-21 T-10 late key",
                "3 2026-11-21 T-10 late keys-file",
                "4 2026-11-24 T-7 late branch",
                "5 2026-11-28 T-3 to do notes",
                "6 2026-12-01 T to do source",
                "7 2026-12-01 T to do sign",
                "8 2026-12-01 T to do check",
                "9 2026-12-01 T to do stage",
                "10 2026-12-01 T to do vote",
                "11 2026-12-04 T+3 to do tally",
                "12 2026-12-04 T+3 to do result",
                "13 2026-12-04 T+3 to do publish",
                "14 2026-12-04 T+3 to do prune",
                "15 2026-12-05 T+4 to do announce",
                "16 2026-12-05 T+4 to do next-version");
        TimelineRow branch = t.rows().get(3);
        assertThat(branch.what()).isEqualTo("Cut the release branch 2.4; last day to get changes into it");
        assertThat(branch.command()).isEqualTo("release-pilot branch --dir " + records.workspace().dir());
    }

    @Test
    void aRowFollowsItsStepDoneWaitingWithTheTimeOrToBeDoneAgain() throws Exception {
        TimelineService t = timeline(NOW);
        t.setRcDate(LocalDate.parse("2026-12-01"));
        records.done(StepId.PLAN, new MailOutputs("plan", "<p@apache.org>", "plan", "jdoe@apache.org",
                List.of("dev@kvrocks.apache.org"), NOW, null, "mail/plan.eml", true));
        assertThat(t.rows().get(0).state()).isEqualTo(TimelineRow.State.DONE);
        assertThat(t.rows().get(0).detail()).isEqualTo("done 2026-11-25 23:30 UTC");

        // The states as the evaluator gives them (a real vote needs every step before it: see FlowStatusTest).
        Instant closes = NOW.plus(Duration.ofHours(72));
        List<StepView> views = List.of(
                new StepView(StepId.SIGN, StepState.STALE, NOW, null, "The archive was rebuilt. Sign again.", null),
                new StepView(StepId.TALLY, StepState.WAITING, NOW, closes, null, null));
        ReleaseRecord r = records.load();
        List<TimelineRow> rows = Timeline.rows(r, views, NOW, records.workspace().dir());
        assertThat(rows).extracting(TimelineTest::line).containsExactly("1 2026-12-01 T to do sign",
                "2 2026-12-04 T+3 waiting tally");
        assertThat(rows.get(0).detail()).isEqualTo("to do again: The archive was rebuilt. Sign again.");
        assertThat(rows.get(1).detail()).isEqualTo("until 2026-11-28 23:30 UTC");

        // Once the 72 hours are over the count is to do, and late after its day.
        assertThat(Timeline.rows(r, views, closes.plusSeconds(60), records.workspace().dir()).get(1).state())
                .isEqualTo(TimelineRow.State.TO_DO);
        assertThat(Timeline.rows(r, views, NOW.plus(Duration.ofDays(10)), records.workspace().dir()).get(1).state())
                .isEqualTo(TimelineRow.State.LATE);
    }

    @Test
    void aPatchReleaseChecksItsBranchAndAPodlingHasTheIncubatorRoundBeforePublishing() throws Exception {
        ReleaseProfile podling = ReleaseProfile.withDefaults("teaclave", true, "0.6.1")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org");
        TimelineService t = timeline(NOW, podling);
        t.setRcDate(LocalDate.parse("2026-12-01"));
        List<TimelineRow> rows = t.rows();
        assertThat(rows.get(3).what()).isEqualTo("Check the release branch 0.6; last day to pick fixes onto it");
        assertThat(rows.subList(10, rows.size())).extracting(TimelineTest::line).containsExactly(
                "11 2026-12-04 T+3 to do tally", "12 2026-12-04 T+3 to do result", "13 2026-12-04 T+3 to do ipmc-vote",
                "14 2026-12-07 T+6 to do ipmc-tally", "15 2026-12-07 T+6 to do ipmc-result",
                "16 2026-12-07 T+6 to do publish", "17 2026-12-07 T+6 to do prune", "18 2026-12-08 T+7 to do announce",
                "19 2026-12-08 T+7 to do next-version");
    }

    @Test
    void rowsOfOnesOwnAreSortedInNumberedRemovedAndTickedOffAndStepRowsAreNot() throws Exception {
        TimelineService t = timeline(NOW);
        t.setRcDate(LocalDate.parse("2026-12-01"));
        t.add(LocalDate.parse("2026-12-02"), "Ask infra about the download page");
        t.add(LocalDate.parse("2026-11-20"), "Book a slot for the board report");

        List<TimelineRow> rows = t.rows();
        assertThat(rows).hasSize(18);
        assertThat(line(rows.get(1))).isEqualTo("2 2026-11-20 T-11 late -");
        assertThat(rows.get(1).what()).isEqualTo("Book a slot for the board report");
        assertThat(line(rows.get(11))).isEqualTo("12 2026-12-02 T+1 to do -");

        t.markDone(2, true);
        assertThat(t.rows().get(1).state()).isEqualTo(TimelineRow.State.DONE);
        assertThatThrownBy(() -> t.remove(1)).isInstanceOf(ReleasePilotException.class)
                .hasMessage("Row 1 (\"Send the release plan to dev@kvrocks.apache.org (branch, RC date, vote window,"
                        + " last day for changes)\") is a step of the release; it cannot be removed.");
        assertThatThrownBy(() -> t.remove(19)).hasMessage("There is no row 19 in the timeline (it has 18 rows).");

        t.remove(12);
        assertThat(t.plan().notes()).containsExactly(new TimelinePlan.Note(LocalDate.parse("2026-11-20"),
                "Book a slot for the board report", true));
        assertThat(t.rows()).hasSize(17);
    }

    @Test
    void aRowIsOneLineOfText() throws Exception {
        TimelineService t = timeline(NOW);
        assertThatThrownBy(() -> t.add(LocalDate.parse("2026-12-02"), "two\nlines"))
                .hasMessage("Not added: a timeline row is one line of at most 300 characters.");
        assertThatThrownBy(() -> t.add(LocalDate.parse("2026-12-02"), "  "))
                .hasMessage("Not added: a timeline row needs a text saying what to do.");
        assertThat(t.plan()).isEqualTo(TimelinePlan.EMPTY);
    }

    @Test
    void theTimelineIsKeptInReleaseJsonBesideTheStepsAndAFileWithoutItLoads() throws Exception {
        TimelineService t = timeline(NOW);
        assertThat(records.load().timeline()).isEqualTo(TimelinePlan.EMPTY);
        t.setRcDate(LocalDate.parse("2026-12-01"));
        t.add(LocalDate.parse("2026-12-02"), "Ask infra");
        records.done(StepId.KEY, new KeyOutputs("AB".repeat(20), "built-in", "Jane"));

        JsonNode file = Json.mapper().readTree(Files.readString(records.workspace().releaseFile()));
        assertThat(file.at("/settings/timeline/rcDate").asText()).isEqualTo("2026-12-01");
        assertThat(file.at("/settings/timeline/notes/0/text").asText()).isEqualTo("Ask infra");
        assertThat(file.at("/settings/timeline/notes/0/date").asText()).isEqualTo("2026-12-02");
        assertThat(file.at("/candidates/0/steps/key/status").asText()).isEqualTo("DONE");
        assertThat(records.load().timeline().rcDate()).isEqualTo(LocalDate.parse("2026-12-01"));
    }
}
