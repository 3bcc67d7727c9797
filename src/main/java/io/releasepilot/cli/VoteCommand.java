package io.releasepilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.mail.inbox.ImapFolderReader;
import io.releasepilot.mail.inbox.ReadResult;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.Workspace;
import io.releasepilot.vote.FlagDecision;
import io.releasepilot.vote.PonyMailFetcher;
import io.releasepilot.vote.Roster;
import io.releasepilot.vote.Tally;
import io.releasepilot.vote.TallyJson;
import io.releasepilot.vote.TallyRecorder;
import io.releasepilot.vote.TallyResult;
import io.releasepilot.vote.TallySettings;
import io.releasepilot.vote.TallyText;
import io.releasepilot.vote.ThreadSource;
import io.releasepilot.vote.VoteException;
import io.releasepilot.vote.VoteValue;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vote}: count a release vote from its mail thread. */
@Command(name = "vote", mixinStandardHelpOptions = true, description = "Count a release vote from its mail thread.",
        subcommands = {VoteCommand.TallyCommand.class})
public final class VoteCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code vote tally}. */
    @Command(name = "tally", mixinStandardHelpOptions = true,
            description = {"Count the votes of a [VOTE] thread: who voted what, binding or not (checked against the"
                    + " roster, never trusted), and whether the ASF rule is met (at least 3 binding +1, more binding +1"
                    + " than binding -1, open at least 72 hours).",
                    "Lines the tool cannot decide (conditional votes, two votes in one mail, a +1 about something"
                            + " else) are listed for you, never guessed."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  the vote passed", "  1  the vote did not pass, or cannot close yet",
                    "  2  bad usage or unreadable input (the message says what and where)"})
    public static final class TallyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        /** Accepted after the command too, as every command does; this command keeps nothing in the home. */
        @picocli.CommandLine.Mixin
        HomeOption home;

        @ArgGroup(exclusive = true, multiplicity = "1", heading = "Where the thread is:%n")
        Source source;

        static final class Source {
            @Option(names = "--mbox", paramLabel = "FILE", description = "An mbox file (lists.apache.org: Download as mbox).")
            Path mbox;
            @Option(names = "--eml", paramLabel = "DIR", description = "A folder of .eml files saved from a mail client.")
            Path eml;
            @Option(names = "--ponymail", paramLabel = "DIR", description = "A folder with thread.json (api/thread.lua)"
                    + " and email*.json (api/email.lua) saved from lists.apache.org.")
            Path ponymail;
            @Option(names = "--imap", paramLabel = "URL", description = "An IMAP folder: imaps://USER@HOST/FOLDER"
                    + " (never put the password in the URL).")
            String imap;
            @Option(names = "--url", paramLabel = "URL", description = "The thread's link on lists.apache.org"
                    + " (https://lists.apache.org/thread/ID).")
            String url;
        }

        @Option(names = "--roster", paramLabel = "FILE", description = "Binding voters, one per line: Apache id,"
                + " address, or Name <address>; # comments.")
        Path roster;
        @Option(names = "--committee-info", paramLabel = "FILE", description = "Whimsy's committee-info.json"
                + " (https://whimsy.apache.org/public/committee-info.json); needs --committee.")
        Path committeeInfo;
        @Option(names = "--committee", paramLabel = "NAME", description = "The committee in committee-info.json"
                + " (for example commons; incubator for the IPMC round).")
        String committee;
        @Option(names = "--alias", paramLabel = "ADDRESS=ID", description = "Another address of a roster member"
                + " (repeatable), e.g. jane@example.org=jdoe.")
        Map<String, String> aliases = new LinkedHashMap<>();
        @Option(names = "--carry-over", paramLabel = "FILE", description = "Podlings: the dev@ round's tally"
                + " (--json output); IPMC members' votes from it are carried over to this general@incubator round.")
        Path carryOver;
        @Option(names = "--vote-id", paramLabel = "MESSAGE-ID", description = "The VOTE mail's Message-ID (needed"
                + " when the source holds more than one [VOTE] mail).")
        String voteId;
        @Option(names = "--now", paramLabel = "ISO-8601", description = "Count as of this time (default: now),"
                + " e.g. 2026-11-28T12:00:00Z.")
        String now;
        @Option(names = "--json", description = "Print the tally as JSON.")
        boolean json;
        @Option(names = "--dir", paramLabel = "RELEASE_DIR", description = "The release folder: the VOTE's"
                + " Message-ID comes from its record, and the tally is recorded there.")
        Path dir;
        @Option(names = "--ipmc", description = "Podlings: this is the general@incubator round (with --dir: reads"
                + " ipmc-vote, records ipmc-tally, and carries IPMC members' votes over from the recorded dev@ tally).")
        boolean ipmc;
        @Option(names = "--decide", paramLabel = "MESSAGE-ID=VOTE", description = "Your decision on a flagged mail"
                + " (repeatable): VOTE is +1, +0, 0, -0, -1, or none (not a vote). Needs --why; kept in the release with --dir.")
        Map<String, String> decide = new LinkedHashMap<>();
        @Option(names = "--why", paramLabel = "TEXT", description = "Why you decided so (recorded with --decide).")
        String why;
        @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: the release manager in the"
                + " release profile).")
        String by;
        @Option(names = "--password-file", paramLabel = "FILE", description = "IMAP password in the first line of"
                + " FILE (else it is asked on the console).")
        Path passwordFile;

        @Override
        public Integer call() throws ReleasePilotException {
            TallyRecorder recorder = dir == null ? null : new TallyRecorder(new RecordService(new Workspace(dir)), ipmc);
            TallySettings remembered = recorder == null ? TallySettings.EMPTY : recorder.settings();
            MailOutputs voteMail = recorder == null ? null : recorder.voteMail();
            String id = voteId != null ? voteId : voteMail == null ? null : voteMail.messageId();
            ThreadSource src = source(id);
            Roster r = roster(remembered);
            Instant at = now();
            Map<String, String> allAliases = TallyRecorder.merge(remembered.aliases(), normalised(aliases));
            List<FlagDecision> decisions = decisions(remembered.decisions(), at, recorder);
            List<TallyResult.Voter> carried = carryOver != null ? carried()
                    : recorder == null ? List.of() : recorder.devRoundVoters();
            ReadResult read;
            if (src.needsPassword()) {
                try (Passphrase pw = Passphrases.read(passwordFile, "IMAP password for " + src.describe(), false, true,
                        spec.commandLine().getErr())) {
                    read = src.read(pw.chars(), Progress.NONE);
                }
            } else {
                read = src.read(null, Progress.NONE);
            }
            TallyResult result = Tally.count(read, id, r, allAliases, decisions, at, carried,
                    TallyRecorder.announcedClose(voteMail));
            if (recorder != null) {
                recorder.saveSettings(new TallySettings(allAliases, decisions, src.describe(),
                        roster != null ? roster.toString() : remembered.rosterFile(),
                        committeeInfo != null ? committeeInfo.toString() : remembered.committeeInfoFile(),
                        committee != null ? committee : remembered.committee()));
                recorder.record(result, src instanceof ThreadSource.Url ? src.describe() : null);
            }
            spec.commandLine().getOut().print(json ? TallyJson.write(result) + System.lineSeparator() : TallyText.render(result));
            return result.passed() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
        }

        private List<FlagDecision> decisions(List<FlagDecision> remembered, Instant at, TallyRecorder recorder)
                throws ReleasePilotException {
            if (decide.isEmpty()) {
                return remembered;
            }
            if (why == null || why.isBlank()) {
                throw new VoteException("--decide needs --why: the reason is kept with the decision.",
                        "Add --why \"...\" saying why the mail counts as you decided.");
            }
            String who = by;
            if ((who == null || who.isBlank()) && dir != null) {
                who = new RecordService(new Workspace(dir)).load().profile().rmName();
            }
            if (who == null || who.isBlank()) {
                throw new VoteException("Who decides? Give --by NAME (or --dir with a release profile).", "Add --by \"Your Name\".");
            }
            Map<String, FlagDecision> byMail = new LinkedHashMap<>();
            remembered.forEach(d -> byMail.put(d.messageId(), d));
            for (Map.Entry<String, String> e : decide.entrySet()) {
                String v = e.getValue().strip();
                VoteValue value = v.equalsIgnoreCase("none") ? null : VoteValue.parse(v);
                if (value == null && !v.equalsIgnoreCase("none")) {
                    throw new VoteException("--decide " + e.getKey() + "=" + v + ": \"" + v + "\" is not a vote.",
                            "Use +1, +0, 0, -0, -1, or none.");
                }
                String mid = io.releasepilot.mail.inbox.InboundMessage.bareId(e.getKey());
                byMail.put(mid, new FlagDecision(mid, value, who.strip(), why.strip(), at));
            }
            return new ArrayList<>(byMail.values());
        }

        private ThreadSource source(String id) throws ReleasePilotException {
            if (source.mbox != null) {
                return new ThreadSource.Mbox(source.mbox, id);
            }
            if (source.eml != null) {
                return new ThreadSource.EmlFolder(source.eml);
            }
            if (source.ponymail != null) {
                return new ThreadSource.PonyMail(source.ponymail);
            }
            if (source.imap != null) {
                return new ThreadSource.Imap(ImapFolderReader.Location.parse(source.imap));
            }
            return new ThreadSource.Url(PonyMailFetcher.ThreadLink.parse(source.url));
        }

        private Roster roster(TallySettings remembered) throws ReleasePilotException {
            if (roster == null && committeeInfo == null) {
                if (remembered.rosterFile() != null) {
                    return Roster.readPlain(Path.of(remembered.rosterFile()));
                }
                if (remembered.committeeInfoFile() != null && remembered.committee() != null) {
                    return Roster.readCommitteeInfo(Path.of(remembered.committeeInfoFile()), remembered.committee());
                }
            }
            if (roster != null && committeeInfo != null) {
                throw new VoteException("Give either --roster or --committee-info, not both.", "Choose one roster.");
            }
            if (roster != null) {
                return Roster.readPlain(roster);
            }
            if (committeeInfo != null) {
                if (committee == null || committee.isBlank()) {
                    throw new VoteException("--committee-info needs --committee NAME.",
                            "Add the committee's short name, for example --committee commons.");
                }
                return Roster.readCommitteeInfo(committeeInfo, committee);
            }
            throw new VoteException("No roster: who votes binding is unknown.",
                    "Give --roster FILE (PMC members, one per line) or --committee-info FILE --committee NAME.");
        }

        private Instant now() throws VoteException {
            if (now == null) {
                return Instant.now();
            }
            try {
                return OffsetDateTime.parse(now).toInstant();
            } catch (DateTimeParseException e) {
                throw new VoteException("--now \"" + now + "\" is not an ISO-8601 time.",
                        "Write it like 2026-11-28T12:00:00Z or 2026-11-28T13:00:00+01:00.", e);
            }
        }

        private static Map<String, String> normalised(Map<String, String> aliases) {
            Map<String, String> out = new LinkedHashMap<>();
            aliases.forEach((k, v) -> out.put(k.strip().toLowerCase(Locale.ROOT), v.strip().toLowerCase(Locale.ROOT)));
            return out;
        }

        private List<TallyResult.Voter> carried() throws VoteException {
            if (carryOver == null) {
                return List.of();
            }
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(carryOver.toFile());
            } catch (IOException e) {
                throw new VoteException(carryOver + " is not readable JSON: " + e.getMessage(),
                        "Give the dev@ round's output of vote tally --json.", e);
            }
            List<TallyResult.Voter> voters = new ArrayList<>();
            for (JsonNode v : root.path("voters")) {
                VoteValue value = VoteValue.parse(v.path("vote").asText());
                if (value == null) {
                    throw new VoteException(carryOver + ": a voter has no vote (+1, 0, -1 …).",
                            "Give the dev@ round's output of vote tally --json, unchanged.");
                }
                String date = v.path("date").asText(null);
                Instant when;
                try {
                    when = date == null ? null : Instant.parse(date);
                } catch (DateTimeParseException e) {
                    throw new VoteException(carryOver + ": \"" + date + "\" is not a date.",
                            "Give the dev@ round's output of vote tally --json, unchanged.", e);
                }
                voters.add(new TallyResult.Voter(v.path("name").asText(""), v.path("email").asText(""), value,
                        v.path("binding").asBoolean(), v.path("line").asText(""), when, List.of(), false, null, false, ""));
            }
            return voters;
        }
    }
}
