package io.releasepilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.mail.inbox.ImapFolderReader;
import io.releasepilot.mail.inbox.ReadResult;
import io.releasepilot.vote.PonyMailFetcher;
import io.releasepilot.vote.Roster;
import io.releasepilot.vote.Tally;
import io.releasepilot.vote.TallyJson;
import io.releasepilot.vote.TallyResult;
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
        @Option(names = "--password-file", paramLabel = "FILE", description = "IMAP password in the first line of"
                + " FILE (else it is asked on the console).")
        Path passwordFile;

        @Override
        public Integer call() throws ReleasePilotException {
            ThreadSource src = source();
            Roster r = roster();
            Instant at = now();
            ReadResult read;
            if (src.needsPassword()) {
                try (Passphrase pw = Passphrases.read(passwordFile, "IMAP password for " + src.describe(), false, true,
                        spec.commandLine().getErr())) {
                    read = src.read(pw.chars(), Progress.NONE);
                }
            } else {
                read = src.read(null, Progress.NONE);
            }
            TallyResult result = Tally.count(read, voteId, r, normalised(aliases), List.of(), at, carried());
            spec.commandLine().getOut().print(json ? TallyJson.write(result) + System.lineSeparator() : TallyText.render(result));
            return result.passed() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
        }

        private ThreadSource source() throws ReleasePilotException {
            if (source.mbox != null) {
                return new ThreadSource.Mbox(source.mbox);
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

        private Roster roster() throws ReleasePilotException {
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
                voters.add(new TallyResult.Voter(v.path("name").asText(""), v.path("email").asText(""), value,
                        v.path("binding").asBoolean(), v.path("line").asText(""), date == null ? null : Instant.parse(date),
                        List.of(), false, null, false, ""));
            }
            return voters;
        }
    }
}
