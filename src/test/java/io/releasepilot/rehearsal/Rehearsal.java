package io.releasepilot.rehearsal;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.releasepilot.cli.CliRun;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.Workspace;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.DistServer;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The world of one rehearsal of a release guide: a dist server (svnserve or httpd + mod_dav_svn), GreenMail
 * for SMTP and IMAP (the project's lists are mailboxes there), a git repository made for the test, a release
 * folder and a Release Pilot home. The release manager's work goes only through {@link #rp}: in-process
 * {@code release-pilot} commands, each recorded in {@link #typed()}. The test itself plays the voters and,
 * where a guide needs one, the PMC member.
 */
final class Rehearsal implements AutoCloseable {
    static final String PASSPHRASE = "rehearsal key passphrase";
    static final String SMTP_PASSWORD = "rehearsal-Smtp-pw-7";
    static final String LIST_PASSWORD = "list-archive-pw";
    static final String RM_ID = DistServer.RM;
    static final String RM_EMAIL = "rm@apache.org";
    static final String RM_NAME = "Rita Manager";

    final Path tmp;
    final Path home;
    /** The release folder the commands work on (a rehearsal may start a second release). */
    Path dir;
    final Path passphraseFile;
    final Path smtpPasswordFile;
    final Path listPasswordFile;
    final DistServer server;
    final GreenMail mail;
    final String project;
    private final List<String> typed = new ArrayList<>();
    private final StringBuilder printed = new StringBuilder();
    private final AtomicInteger mailCounter = new AtomicInteger();
    private final List<Gpg> gpgs = new ArrayList<>();
    /** Who the RM commits to dist as: {@code rm} may write dist/release, {@code committer} may not. */
    String distUser = DistServer.RM;
    String distPassword = DistServer.RM_PASSWORD;

    /** Starts the servers; {@code distFolder} is the project's folder under dev/ and release/ (e.g. kvrocks, incubator/mxnet). */
    Rehearsal(Path tmp, boolean httpd, String project, String distFolder) throws IOException {
        this.tmp = tmp;
        this.project = project;
        this.home = tmp.resolve("home");
        this.dir = tmp.resolve("release");
        this.passphraseFile = secret("passphrase", PASSPHRASE);
        this.smtpPasswordFile = secret("smtp-password", SMTP_PASSWORD);
        this.listPasswordFile = secret("list-password", LIST_PASSWORD);
        this.server = httpd ? DistServer.httpd(tmp) : DistServer.svnserve(tmp);
        if (distFolder.contains("/")) {
            server.mkdir("dev/" + distFolder.substring(0, distFolder.indexOf('/')));
            server.mkdir("release/" + distFolder.substring(0, distFolder.indexOf('/')));
        }
        if (!distFolder.equals(DistServer.PROJECT)) {
            server.mkdir("dev/" + distFolder);
            server.mkdir("release/" + distFolder);
        }
        this.distFolder = distFolder;
        ServerSetup[] setups = ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP);
        this.mail = new GreenMail(setups);
        mail.start();
        mail.setUser(RM_EMAIL, RM_ID, SMTP_PASSWORD);
    }

    private final String distFolder;

    private Path secret(String name, String value) throws IOException {
        Files.createDirectories(tmp);
        Path f = Files.writeString(tmp.resolve(name), value + "\n");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    /** The project's dist/dev folder URL on the test server. */
    String devUrl() {
        return server.repositoryUrl() + "/dev/" + distFolder + "/";
    }

    String releaseUrl() {
        return server.repositoryUrl() + "/release/" + distFolder + "/";
    }

    /** Makes {@code address} a mailbox (a list archive the tally reads over IMAP with {@code login}). */
    void mailingList(String address, String login) {
        mail.setUser(address, login, LIST_PASSWORD);
    }

    /** A git repository with LICENSE, NOTICE and a source file with the license header, one commit on main. */
    GitFixture repository(String displayName, String... extraFiles) throws IOException {
        GitFixture repo = new GitFixture(tmp.resolve("repo"));
        repo.write("LICENSE", Files.readString(Path.of("LICENSE")))
                .write("NOTICE", displayName + "\nCopyright 2022-" + Year.now() + " The Apache Software Foundation\n")
                .write("src/main.c", Archives.HEADER + "int main(void) { return 0; }\n");
        for (int i = 0; i + 1 < extraFiles.length; i += 2) {
            repo.write(extraFiles[i], extraFiles[i + 1]);
        }
        repo.commit("Initial import");
        return repo;
    }

    /** A release-pilot command as the RM types it (with this rehearsal's home); it must succeed. */
    CliRun rp(String... args) {
        CliRun r = run(args);
        assertThat(r.exitCode()).as("release-pilot %s%n%s%s", String.join(" ", args), r.out(), r.err()).isZero();
        return r;
    }

    /** A release-pilot command that may fail (the caller checks the exit code). */
    CliRun run(String... args) {
        typed.add("release-pilot " + String.join(" ", args));
        CliRun r = CliRun.runIn(home, args);
        printed.append(r.out()).append(r.err());
        return r;
    }

    /** {@code profile init} with this rehearsal's dist folders and release manager, and {@code more} options. */
    CliRun init(String version, String... more) {
        List<String> args = new ArrayList<>(List.of("profile", "init", "--dir", dir.toString(), "--project", project,
                "--version", version, "--dist-dev-url", devUrl(), "--dist-release-url", releaseUrl(),
                "--name", RM_NAME, "--apache-id", distUser, "--email", distUser + "@apache.org"));
        args.addAll(Arrays.asList(more));
        return rp(args.toArray(String[]::new));
    }

    /** A dist command as the RM (who may write everywhere), with the password in a file; it must succeed. */
    CliRun dist(String sub, String... more) {
        return rp(distArgs(sub, distUser, distPassword, more));
    }

    String[] distArgs(String sub, String user, String password, String... more) {
        Path pw;
        try {
            pw = secret("svn-password-" + user, password);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("dist", sub, "--dir", dir.toString(), "--username", user,
                "--password-file", pw.toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    /** The RC from the repository's HEAD: signed tag, archive, signatures, the check, staged on dist/dev. */
    void candidate(String... buildOptions) {
        candidateAt(null, buildOptions);
    }

    /**
     * {@link #candidate} with the RC tag on {@code commit} (a commit id, branch or tag); null: where
     * {@code source tag} puts it by itself (the release branch's tip once the branch step recorded it, else HEAD).
     */
    void candidateAt(String commit, String... buildOptions) {
        String d = dir.toString();
        List<String> tag = new ArrayList<>(List.of("source", "tag", "--dir", d, "--sign", "--passphrase-file",
                passphraseFile.toString()));
        if (commit != null) {
            tag.addAll(List.of("--commit", commit));
        }
        rp(tag.toArray(String[]::new));
        List<String> build = new ArrayList<>(List.of("source", "build", "--dir", d));
        build.addAll(Arrays.asList(buildOptions));
        rp(build.toArray(String[]::new));
        rp("sign", "--dir", d, "--passphrase-file", passphraseFile.toString());
        rp("verify", "--dir", d);
        dist("stage");
    }

    /** {@code vote tally --dir D} over IMAP from the list's mailbox, counted {@code hours} from now. */
    CliRun tally(String listLogin, Path roster, int hours, String... more) {
        List<String> args = new ArrayList<>(List.of("vote", "tally", "--dir", dir.toString(), "--imap",
                imapUrl(listLogin), "--password-file", listPasswordFile.toString(), "--roster", roster.toString(),
                "--now", hoursFromNow(hours)));
        args.addAll(Arrays.asList(more));
        return run(args.toArray(String[]::new));
    }

    /** {@code mail KIND --dir D --send} through GreenMail's SMTP as the RM. */
    CliRun sendMail(String kind, String... more) {
        List<String> args = new ArrayList<>(List.of("mail", kind, "--dir", dir.toString(), "--send", "--smtp",
                "127.0.0.1:" + mail.getSmtp().getPort(), "--security", "none", "--username", RM_ID,
                "--password-file", smtpPasswordFile.toString()));
        args.addAll(Arrays.asList(more));
        return rp(args.toArray(String[]::new));
    }

    /** The IMAP URL of a list mailbox, for {@code vote tally --imap}. */
    String imapUrl(String login) {
        return "imap://" + login + "@127.0.0.1:" + mail.getImap().getPort() + "/INBOX";
    }

    /** The mails received for {@code address}, oldest first. */
    List<MimeMessage> received(String address) {
        return Stream.of(mail.getReceivedMessages()).filter(m -> {
            try {
                return Stream.of(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The one received mail whose subject starts with {@code prefix}. */
    MimeMessage receivedWithSubject(String prefix) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getSubject().startsWith(prefix) && !found.stream().anyMatch(f -> same(f, m))) {
                found.add(m);
            }
        }
        assertThat(found).as("mails with subject %s", prefix).hasSize(1);
        return found.get(0);
    }

    /** The one received mail to (or Cc) {@code list} whose subject starts with {@code prefix}. */
    MimeMessage receivedOn(String list, String prefix) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String[] to = m.getHeader("To");
            if (m.getSubject().startsWith(prefix) && to != null && to[0].contains(list)
                    && found.stream().noneMatch(f -> same(f, m))) {
                found.add(m);
            }
        }
        assertThat(found).as("mails to %s with subject %s", list, prefix).hasSize(1);
        return found.get(0);
    }

    private static boolean same(MimeMessage a, MimeMessage b) {
        try {
            return a.getMessageID().equals(b.getMessageID());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    /** A voter replies to {@code vote} on {@code list}: delivered into the list's mailbox, as the archive keeps it. */
    void reply(MimeMessage vote, String list, String fromName, String fromAddress, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<vote-" + mailCounter.incrementAndGet() + "-" + fromAddress.replace('@', '.')
                        + "@mail.example.org>");
            }
        };
        m.setFrom(new InternetAddress(fromAddress, fromName, "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, list);
        m.setSubject("Re: " + vote.getSubject(), "UTF-8");
        m.setHeader("In-Reply-To", vote.getMessageID());
        m.setHeader("References", vote.getMessageID());
        m.setSentDate(Date.from(Instant.now()));
        m.setText(text + "\n\nOn " + DateTimeFormatter.ISO_INSTANT.format(vote.getSentDate().toInstant())
                + " " + RM_NAME + " wrote:\n> [ ] +1 approve\n> [ ] -1 disapprove with the reason\n", "UTF-8");
        m.saveChanges();
        GreenMailUser user = mail.getUserManager().getUserByEmail(list);
        user.deliver(m);
    }

    /** A roster file of binding voters (PMC members), one "Name <address>" per line. */
    Path roster(String... members) throws IOException {
        return Files.writeString(tmp.resolve("roster-" + mailCounter.incrementAndGet() + ".txt"),
                String.join("\n", members) + "\n", StandardCharsets.UTF_8);
    }

    /** A time {@code hours} after now, ISO-8601, for {@code vote tally --now}. */
    static String hoursFromNow(int hours) {
        return Instant.now().plusSeconds(hours * 3600L).toString();
    }

    ReleaseRecord record() throws Exception {
        return new RecordService(new Workspace(dir)).load();
    }

    StepState state(StepId step) throws Exception {
        return record().step(step).status();
    }

    /** A real gpg home with the release's public key imported, for checks independent of Release Pilot. */
    Gpg gpgWithReleaseKey() throws Exception {
        Gpg gpg = new Gpg(tmp.resolve("gnupg-" + gpgs.size()));
        gpgs.add(gpg);
        String fpr = record().profile().signingKeyFingerprint().replace(" ", "");
        Path pub = tmp.resolve("release-key-" + gpgs.size() + ".asc");
        Files.writeString(pub, rp("keys", "export", "--key", fpr).out());
        assertThat(gpg.run("--import", pub.toString()).exitCode()).isZero();
        return gpg;
    }

    /** Copies {@code path} (under the repository root) out of the server's repository with svnlook, byte for byte. */
    Path fetch(String path) throws Exception {
        Path f = tmp.resolve("fetched").resolve(path.substring(path.lastIndexOf('/') + 1));
        Files.createDirectories(f.getParent());
        Process p = new ProcessBuilder("svnlook", "cat", server.repositoryPath().toString(), path)
                .redirectOutput(f.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as("svnlook cat %s", path).isZero();
        return f;
    }

    /** Every command the RM typed in this rehearsal. */
    List<String> typed() {
        return List.copyOf(typed);
    }

    /**
     * Nothing secret was printed or written, and what status names next is a release-pilot command (or nothing):
     * the RM's steps above were all {@link #rp} commands.
     */
    void assertNoShellCommandWasNeeded() throws IOException {
        assertNoSecretLeaked();
        CliRun status = CliRun.run("status", "--dir", dir.toString(), "--home", home.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        for (String line : status.out().split("\n")) {
            if (line.strip().startsWith("command:")) {
                assertThat(line.strip()).as("after: %s", typed).startsWith("command: release-pilot ");
            }
        }
    }

    /**
     * No passphrase or password in anything Release Pilot printed, nor in any file of the home, the release
     * folders or the repository.
     */
    void assertNoSecretLeaked() throws IOException {
        List<String> secrets = List.of(PASSPHRASE, SMTP_PASSWORD, LIST_PASSWORD, DistServer.RM_PASSWORD,
                DistServer.COMMITTER_PASSWORD);
        assertThat(printed.toString()).doesNotContain(secrets);
        List<Path> roots = new ArrayList<>(List.of(home, tmp.resolve("repo")));
        try (Stream<Path> top = Files.list(tmp)) {
            top.filter(p -> p.getFileName().toString().startsWith("release")).forEach(roots::add);
        }
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    for (String secret : secrets) {
                        assertThat(text).as("%s holds a secret", f).doesNotContain(secret);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        gpgs.forEach(Gpg::close);
        mail.stop();
        server.close();
    }
}
