package io.releasepilot.gui.tally;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.mail.inbox.ReadResult;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.vote.FlagDecision;
import io.releasepilot.vote.PonyMailFetcher;
import io.releasepilot.vote.Roster;
import io.releasepilot.vote.Tally;
import io.releasepilot.vote.TallyRecorder;
import io.releasepilot.vote.TallyResult;
import io.releasepilot.vote.TallySettings;
import io.releasepilot.vote.ThreadSource;
import io.releasepilot.vote.VoteValue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Tally step's state: where the thread and the roster come from, the RM's alias list, the counted table,
 * the flags with the RM's decisions, and the countdown while the vote is open. Counting runs off the FX thread;
 * each count is recorded in the release (tally DONE, or WAITING until the deadline).
 */
public final class TallyViewModel {
    /** Where the thread comes from. */
    public enum SourceKind { MBOX, EML, PONYMAIL, URL }

    /** One row of the voters' table. */
    public record VoterRow(String name, String email, String vote, String binding, String line, String date,
                           String earlier) {
    }

    /** One flag for the RM, with the decision once given. */
    public record FlagRow(String messageId, String sender, String reason, String line, String decision) {
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final ReleaseSession session;
    private final Clock clock;
    private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>(SourceKind.MBOX);
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty rosterFile = new SimpleStringProperty("");
    private final StringProperty committeeInfo = new SimpleStringProperty("");
    private final StringProperty committee = new SimpleStringProperty("");
    private final StringProperty aliases = new SimpleStringProperty("");
    private final StringProperty totals = new SimpleStringProperty("");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final StringProperty countdown = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty why = new SimpleStringProperty("");
    private final ObjectProperty<String> decision = new SimpleObjectProperty<>("+1");
    private final BooleanProperty complete = new SimpleBooleanProperty();
    private final BooleanProperty ipmcRound = new SimpleBooleanProperty();
    private final ObservableList<VoterRow> voters = FXCollections.observableArrayList();
    private final ObservableList<FlagRow> flags = FXCollections.observableArrayList();
    private final TaskRunner tasks;
    private Instant closesAt;
    private List<FlagDecision> decisions = List.of();

    public TallyViewModel(ReleaseSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.tasks = new TaskRunner(status, Messages.get("tally.status.cancelled"));
    }

    private TallyRecorder recorder() {
        RecordService records = session.records();
        return records == null ? null : new TallyRecorder(records, ipmcRound.get());
    }

    /** Fills the fields from what the release remembers. */
    public void enter() {
        TallyRecorder r = recorder();
        if (r == null) {
            status.set(Messages.get("tally.status.noRelease"));
            return;
        }
        try {
            TallySettings s = r.settings();
            if (s.source() != null && source.get().isEmpty()) {
                source.set(s.source());
                sourceKind.set(s.source().startsWith("http") ? SourceKind.URL : s.source().endsWith(".mbox")
                        ? SourceKind.MBOX : sourceKind.get());
            }
            if (s.rosterFile() != null && rosterFile.get().isEmpty()) {
                rosterFile.set(s.rosterFile());
            }
            if (s.committeeInfoFile() != null && committeeInfo.get().isEmpty()) {
                committeeInfo.set(s.committeeInfoFile());
                committee.set(s.committee() == null ? "" : s.committee());
            }
            if (aliases.get().isEmpty()) {
                StringBuilder b = new StringBuilder();
                s.aliases().forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
                aliases.set(b.toString());
            }
            decisions = s.decisions();
            ReleaseRecord rec = session.documentProperty().get();
            complete.set(rec != null && rec.step(r.tallyStep()).status() == StepState.DONE);
            if (tasks.busyProperty().get()) {
                return;
            }
            // As recorded (the banner says when an earlier step makes it stale); waiting shows the countdown.
            io.releasepilot.release.StepRecord recorded = rec == null ? null : rec.step(r.tallyStep());
            if (recorded != null && recorded.status() == StepState.WAITING && recorded.until() != null) {
                closesAt = recorded.until(); // reopened while the vote is open: the countdown goes on
                tick();
            }
            io.releasepilot.release.TallyOutputs counted = complete.get()
                    ? rec.outputs(r.tallyStep(), io.releasepilot.release.TallyOutputs.class) : null;
            MailOutputs vote = r.voteMail();
            if (counted != null) {
                status.set(Messages.get("tally.status.counted", io.releasepilot.release.RecordEvaluator.time(
                        rec.step(r.tallyStep()).at()), counted.passed() ? 1 : 0));
                return;
            }
            status.set(vote == null ? Messages.get("tally.status.noVoteMail")
                    : Messages.get("tally.status.voteMail", vote.subject()));
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
    }

    /** Reads the thread and counts it, off the FX thread; the count is recorded in the release. */
    public void count() {
        TallyRecorder r = recorder();
        if (r == null) {
            status.set(Messages.get("tally.status.noRelease"));
            return;
        }
        if (source.get() == null || source.get().isBlank()) {
            status.set(Messages.get("tally.status.noSource"));
            return;
        }
        SourceKind kind = sourceKind.get();
        String where = source.get().strip();
        String rosterPath = rosterFile.get().strip();
        String infoPath = committeeInfo.get().strip();
        String committeeName = committee.get().strip();
        Map<String, String> aliasMap;
        try {
            aliasMap = parseAliases(aliases.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        List<FlagDecision> known = decisions;
        Instant now = clock.instant();
        tasks.run(Messages.get("tally.status.reading"), progress -> {
            MailOutputs vote = r.voteMail();
            ThreadSource src = switch (kind) {
                case MBOX -> new ThreadSource.Mbox(Path.of(where), vote == null ? null : vote.messageId());
                case EML -> new ThreadSource.EmlFolder(Path.of(where));
                case PONYMAIL -> new ThreadSource.PonyMail(Path.of(where));
                case URL -> new ThreadSource.Url(PonyMailFetcher.ThreadLink.parse(where));
            };
            Roster roster = !rosterPath.isEmpty() ? Roster.readPlain(Path.of(rosterPath))
                    : Roster.readCommitteeInfo(Path.of(infoPath), committeeName);
            ReadResult read = src.read(null, progress);
            TallyResult result = Tally.count(read, vote == null ? null : vote.messageId(), roster, aliasMap, known, now,
                    r.devRoundVoters(), TallyRecorder.announcedClose(vote));
            r.saveSettings(new TallySettings(aliasMap, known, src.describe(), rosterPath.isEmpty() ? null : rosterPath,
                    infoPath.isEmpty() ? null : infoPath, committeeName.isEmpty() ? null : committeeName));
            r.record(result, kind == SourceKind.URL ? src.describe() : null);
            return result;
        }, result -> {
            try {
                session.reload();
            } catch (ReleasePilotException e) {
                status.set(e.userText());
            }
            show(result);
        });
    }

    /** The RM decides the selected flag: counts it as the chosen vote (or none), with who and why. */
    public void decide(FlagRow flag) {
        if (flag == null) {
            status.set(Messages.get("tally.status.chooseFlag"));
            return;
        }
        if (why.get() == null || why.get().isBlank()) {
            status.set(Messages.get("tally.status.needWhy"));
            return;
        }
        ReleaseRecord rec = session.documentProperty().get();
        String by = rec == null || rec.profile().rmName().isBlank() ? System.getProperty("user.name") : rec.profile().rmName();
        VoteValue v = "none".equals(decision.get()) ? null : VoteValue.parse(decision.get());
        List<FlagDecision> next = new ArrayList<>(decisions);
        next.removeIf(d -> d.messageId().equals(flag.messageId()));
        next.add(new FlagDecision(flag.messageId(), v, by, why.get().strip(), clock.instant()));
        decisions = List.copyOf(next);
        why.set("");
        count();
    }

    private void show(TallyResult r) {
        voters.setAll(r.voters().stream().map(v -> new VoterRow(v.name(), v.email(), v.vote().text(),
                v.binding() ? Messages.get(v.carriedOver() ? "tally.binding.carried" : "tally.binding.yes")
                        : Messages.get("tally.binding.no"),
                v.line(), v.date() == null ? "" : SHOWN.format(v.date()),
                String.join("; ", v.earlier().stream().map(e -> e.vote().text() + " (" + (e.date() == null ? ""
                        : SHOWN.format(e.date())) + ")").toList()))).toList());
        flags.setAll(r.flagged().stream().map(f -> new FlagRow(f.messageId(), f.name().isEmpty() ? f.email()
                : f.name() + " <" + f.email() + ">", f.reason(), f.line(), f.decision() == null ? ""
                : Messages.get("tally.decided", f.decision().by(), f.decision().vote() == null
                ? Messages.get("tally.notAVote") : f.decision().vote().text(), f.decision().why()))).toList());
        totals.set(Messages.get("tally.totals", r.binding().plus(), r.binding().zero(), r.binding().minus(),
                r.nonBinding().plus(), r.nonBinding().zero(), r.nonBinding().minus()));
        verdict.set(r.reason());
        closesAt = r.canClose() ? null : r.closesAt();
        tick(clock.instant());
        complete.set(r.canClose());
        status.set(r.canClose() ? Messages.get("tally.status.recordedDone") : Messages.get("tally.status.recordedWaiting",
                SHOWN.format(r.closesAt())));
    }

    /** Updates the countdown from the step's clock (the view calls it every second). */
    public void tick() {
        tick(clock.instant());
    }

    void tick(Instant now) {
        if (closesAt == null) {
            countdown.set("");
            return;
        }
        Duration left = Duration.between(now, closesAt);
        if (left.isNegative() || left.isZero()) {
            countdown.set(Messages.get("tally.countdown.over"));
            return;
        }
        countdown.set(Messages.get("tally.countdown", left.toDays(), left.toHoursPart(), left.toMinutesPart(),
                left.toSecondsPart(), SHOWN.format(closesAt)));
    }

    static Map<String, String> parseAliases(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new IllegalArgumentException(Messages.get("tally.status.badAlias", i + 1, line));
            }
            map.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        }
        return map;
    }

    /** Podlings: the general@incubator round (IPMC binding; IPMC members' dev@ votes carried over). */
    public BooleanProperty ipmcRoundProperty() {
        return ipmcRound;
    }

    public ObjectProperty<SourceKind> sourceKindProperty() {
        return sourceKind;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty rosterFileProperty() {
        return rosterFile;
    }

    public StringProperty committeeInfoProperty() {
        return committeeInfo;
    }

    public StringProperty committeeProperty() {
        return committee;
    }

    public StringProperty aliasesProperty() {
        return aliases;
    }

    public StringProperty totalsProperty() {
        return totals;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    public StringProperty countdownProperty() {
        return countdown;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty whyProperty() {
        return why;
    }

    public ObjectProperty<String> decisionProperty() {
        return decision;
    }

    public BooleanProperty completeProperty() {
        return complete;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public ObservableList<VoterRow> voters() {
        return voters;
    }

    public ObservableList<FlagRow> flags() {
        return flags;
    }
}
