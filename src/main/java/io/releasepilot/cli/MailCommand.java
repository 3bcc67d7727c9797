package io.releasepilot.cli;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.mail.MailDraft;
import io.releasepilot.mail.MailInput;
import io.releasepilot.mail.MailKind;
import io.releasepilot.mail.ReleaseMails;
import io.releasepilot.mail.SmtpSender;
import io.releasepilot.mail.SmtpSettings;
import io.releasepilot.mail.VoteDeadline;
import io.releasepilot.release.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code mail KIND --dir D}: prints, saves or sends one of the release's mails. */
@Command(name = "mail", mixinStandardHelpOptions = true, description = {
        "Compose a release mail from the release folder: plan, vote, result, cancel, announce, ipmc-vote,"
                + " ipmc-result.",
        "Without --out or --send it prints the mail and anything still missing (exit 1 when something is).",
        "Templates: built-in, or the release's own in <dir>/mail/templates/<kind>.txt (see docs/mail-templates.md)."})
public final class MailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    /** Accepted after the command too, as every command does; this command keeps nothing in the home. */
    @picocli.CommandLine.Mixin
    HomeOption home;
    @Parameters(index = "0", paramLabel = "KIND", description = "plan, vote, result, cancel, announce, ipmc-vote"
            + " or ipmc-result.")
    String kind;
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Release folder (with release.json).")
    Path dir;
    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A value only you know, e.g."
            + " --set cancelReason=\"...\"; names: ${COMPLETION-CANDIDATES}.", completionCandidates = InputNames.class)
    Map<String, String> set = Map.of();
    @Option(names = "--out", paramLabel = "F.eml", description = "Save the mail as an .eml file (RFC 5322).")
    Path out;
    @Option(names = "--send", description = "Send it by SMTP.")
    boolean send;
    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "SMTP server (default: the one used last"
            + " time, else " + SmtpSettings.APACHE_RELAY + ":587, the ASF relay for committers).")
    String smtp;
    @Option(names = "--security", paramLabel = "starttls|tls|none", description = "starttls (the default; it must"
            + " be offered), tls (port 465) or none (only for 127.0.0.1/localhost).")
    String security;
    @Option(names = "--username", paramLabel = "U", description = "SMTP login (default: your Apache id from the"
            + " profile, or the one used last time); give an empty value to send without logging in.")
    String username;
    @Option(names = "--password-file", paramLabel = "F", description = "Read the SMTP password from the first line"
            + " of F (a file only you can read); else it is asked on the console. It is never stored.")
    Path passwordFile;
    @Option(names = "--copy-template", description = "Copy the built-in template of KIND to"
            + " <dir>/mail/templates/KIND.txt to edit for this release, and print its path.")
    boolean copyTemplate;
    @Option(names = "--announce-early", paramLabel = "REASON", description = "Send [ANNOUNCE] before 24 hours after"
            + " publishing, for this reason (mirrors need the time; announcement links must work).")
    String announceEarly;

    static final class InputNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(MailInput.values()).map(MailInput::key).iterator();
        }
    }

    @Override
    public Integer call() throws ReleasePilotException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MailKind mailKind = MailKind.byId(kind).orElseThrow(() -> new ReleasePilotException("\"" + kind
                + "\" is not a mail.", "Use one of: " + Arrays.stream(MailKind.values()).map(MailKind::id)
                .collect(Collectors.joining(", ")) + "."));
        Map<MailInput, String> inputs = new EnumMap<>(MailInput.class);
        for (Map.Entry<String, String> e : set.entrySet()) {
            MailInput in = MailInput.byKey(e.getKey()).orElseThrow(() -> new ReleasePilotException("--set "
                    + e.getKey() + ": there is no such value.", "Use one of: " + Arrays.stream(MailInput.values())
                    .map(MailInput::key).collect(Collectors.joining(", ")) + "."));
            inputs.put(in, e.getValue());
        }
        Workspace ws = new Workspace(dir);
        ReleaseMails mails = new ReleaseMails(ws, Clock.systemUTC(), new SmtpSender());
        if (copyTemplate) {
            o.println(mails.customizeTemplate(mailKind));
            return ExitCodes.OK;
        }
        MailDraft draft = mails.compose(mailKind, inputs, announceEarly);
        if (out == null && !send) {
            o.print(draft.previewText());
            if (!draft.ready()) {
                err.print(draft.problemsText());
                return ExitCodes.CHECKS_FAILED;
            }
            return ExitCodes.OK;
        }
        if (out != null) {
            mails.writeTo(draft, out, inputs);
            o.println("Saved " + out + " (and a copy in " + ws.mailDir() + ")");
            if (draft.closesAt() != null && !send) {
                o.println("Send it now: its deadline, " + VoteDeadline.format(draft.closesAt())
                        + ", is 72 hours from when it was written.");
            }
        }
        if (send) {
            SmtpSettings remembered = mails.smtpSettings();
            SmtpSettings settings = SmtpSettings.parse(smtp != null ? smtp : remembered.host() + ":" + remembered.port(),
                    security != null ? security : smtp != null ? "starttls" : remembered.security().id(),
                    username != null ? username : remembered.username());
            char[] password = settings.logsIn() ? readPassword(settings) : new char[0];
            try {
                ReleaseMails.Sent sent = mails.composeAndSend(mailKind, inputs, announceEarly, settings, password);
                o.println("Sent " + sent.draft().subject() + " to " + String.join(", ", sent.draft().to())
                        + " through " + settings.describe() + "; Message-ID " + sent.receipt().messageId());
                if (sent.draft().closesAt() != null) {
                    o.println("The vote may close at " + VoteDeadline.format(sent.draft().closesAt()) + ".");
                }
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return ExitCodes.OK;
    }

    private char[] readPassword(SmtpSettings settings) throws ReleasePilotException {
        if (passwordFile != null) {
            return firstLine(passwordFile);
        }
        Console console = System.console();
        if (console == null) {
            throw new ReleasePilotException("There is no console to ask for the SMTP password.",
                    "Run it in a terminal, or give --password-file F (a file only you can read).");
        }
        char[] pw = console.readPassword("SMTP password for %s: ", settings.describe());
        if (pw == null) {
            throw new ReleasePilotException("No password was typed.", "Run the command again.");
        }
        return pw;
    }

    private static char[] firstLine(Path file) throws ReleasePilotException {
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(decoded.array(), '\0');
            return chars;
        } catch (IOException e) {
            throw new ReleasePilotException("Could not read the password file " + file + ": " + e.getMessage(),
                    "Check the path given to --password-file.", e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}
