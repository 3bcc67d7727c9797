import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/**
 * Writes an mbox like a month of a busy dev@ list (mboxrd, From MAILER-DAEMON separators) for the tally
 * benchmark: MESSAGES mails (default 2,000), of which one [VOTE] call and VOTES replies (default 300) in the
 * shapes of real clients (Gmail quoted-printable with quoting, Outlook base64 with a header block, Apple Mail
 * format=flowed, HTML-only), the rest other threads. Also writes ROSTER (100 PMC members). Deterministic.
 * Run with: java src/bench/GenerateVoteMbox.java MBOX ROSTER [MESSAGES] [VOTES]
 */
public class GenerateVoteMbox {
    static final DateTimeFormatter RFC = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final String SUBJECT = "[VOTE] Release Apache Bench 3.1.0 RC1";

    public static void main(String[] args) throws IOException {
        Path mbox = Path.of(args[0]);
        Path roster = Path.of(args[1]);
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int votes = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        Random random = new Random(7);
        StringBuilder members = new StringBuilder("# bench PMC\n");
        for (int i = 0; i < 100; i++) {
            members.append("pmc").append(i).append('\n');
        }
        Files.writeString(roster, members);
        Instant start = Instant.parse("2026-11-02T08:00:00Z");
        try (Writer w = Files.newBufferedWriter(mbox, StandardCharsets.UTF_8)) {
            mail(w, "<call@bench>", "", SUBJECT, "Rita RM <pmc0@apache.org>", start, "text/plain; charset=UTF-8", "7bit",
                    "Please vote.\n\n[ ] +1 Release this package\n[ ] -1 Do not release this package because ...\n\n"
                            + "I'll start with my own +1 (binding).\n");
            int voteEvery = Math.max(1, (messages - 1) / Math.max(1, votes));
            int written = 1;
            for (int i = 1; written < messages; i++, written++) {
                Instant at = start.plusSeconds(60L * i);
                if (i % voteEvery == 0 && written < messages && i / voteEvery <= votes) {
                    int n = i / voteEvery;
                    String who = n % 3 == 0 ? "pmc" + (n % 100) + "@apache.org" : "user" + n + "@example.org";
                    String vote = n % 17 == 0 ? "-1 (binding) the NOTICE is wrong" : random.nextBoolean() ? "+1 (binding)" : "+1";
                    String quote = "\n\nOn Mon, Nov 2, 2026 at 8:00 AM Rita RM <pmc0@apache.org> wrote:\n> [ ] +1 Release this package\n> +1 (binding)\n";
                    switch (n % 4) {
                        case 0 -> mail(w, "<v" + n + "@bench>", "<call@bench>", "Re: " + SUBJECT, "Voter " + n + " <" + who + ">",
                                at, "text/plain; charset=UTF-8", "quoted-printable", (vote + quote).replace("=", "=3D"));
                        case 1 -> mail(w, "<v" + n + "@bench>", "<call@bench>", "RE: " + SUBJECT, "Voter " + n + " <" + who + ">",
                                at, "text/plain; charset=Windows-1252", "base64", Base64.getMimeEncoder().encodeToString(
                                        (vote + "\r\n\r\n________________________________\r\nFrom: Rita RM\r\nSent: Monday\r\n\r\n+1 = approve\r\n")
                                                .getBytes(StandardCharsets.ISO_8859_1)) + "\n");
                        case 2 -> mail(w, "<v" + n + "@bench>", "<call@bench>", "Re: " + SUBJECT, "Voter " + n + " <" + who + ">",
                                at, "text/plain; charset=us-ascii; format=flowed; delsp=yes", "7bit",
                                "Checked signatures and built it. All tests  \npass, so " + vote + "\n\n> On 2. Nov 2026, at 08:00, Rita RM wrote:\n> +1\n");
                        default -> mail(w, "<v" + n + "@bench>", "<call@bench>", "Re: " + SUBJECT, "Voter " + n + " <" + who + ">",
                                at, "text/html; charset=UTF-8", "7bit", "<div>" + vote + "</div><blockquote>+1 (binding)</blockquote>\n");
                    }
                } else {
                    mail(w, "<o" + i + "@bench>", "<o" + (i - 1) + "@bench>", "Re: [DISCUSS] roadmap " + (i % 40),
                            "Other " + (i % 50) + " <other" + (i % 50) + "@example.org>", at, "text/plain; charset=UTF-8", "7bit",
                            "From the survey: +1 on option " + (i % 3) + " for the roadmap.\n" + "lorem ipsum ".repeat(40 + random.nextInt(80)) + "\n");
                }
            }
        }
    }

    static void mail(Writer w, String id, String irt, String subject, String from, Instant at, String type, String cte,
                     String body) throws IOException {
        w.write("From MAILER-DAEMON " + DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT)
                .withZone(ZoneOffset.UTC).format(at) + "\n");
        w.write("Message-ID: " + id + "\n");
        if (!irt.isEmpty()) {
            w.write("In-Reply-To: " + irt + "\nReferences: " + irt + "\n");
        }
        w.write("Date: " + RFC.format(at) + "\nFrom: " + from + "\nTo: dev@bench.apache.org\nSubject: " + subject
                + "\nMIME-Version: 1.0\nContent-Type: " + type + "\nContent-Transfer-Encoding: " + cte + "\n\n");
        for (String line : body.split("\n", -1)) {
            w.write((line.matches(">*From .*") ? ">" : "") + line + "\n");
        }
        w.write("\n");
    }
}
