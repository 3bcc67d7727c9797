package io.releasepilot.cli;

import io.releasepilot.check.CheckService;
import io.releasepilot.core.Progress;
import io.releasepilot.keys.KeyService;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.Json;
import io.releasepilot.pgp.SignatureCheck;
import io.releasepilot.verify.ArtifactReport;
import io.releasepilot.verify.ChecksumCheck;
import io.releasepilot.verify.Finding;
import io.releasepilot.verify.Names;
import io.releasepilot.verify.ReportJson;
import io.releasepilot.verify.Severity;
import io.releasepilot.verify.Verifier;
import io.releasepilot.verify.VerifyReport;
import io.releasepilot.verify.VerifyRequest;
import io.releasepilot.verify.VoteReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code verify DIR}: checks a release candidate the way a voter does, and says what was checked. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a release-candidate folder: signatures against KEYS, checksums, and the source"
                + " archive's content (LICENSE, NOTICE, compiled files, license headers).",
        footer = {"", "Exit: 0 every check passed, 1 a check failed, 2 could not check (no usable KEYS, a local I/O"
                + " problem) or a usage error."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR_OR_URL", description = "The RC folder (e.g. a checkout"
            + " of dist/dev/<project>/<version>-rcN), or its dist/dev URL (http, https, svn): it is downloaded first.")
    String target;
    @picocli.CommandLine.Mixin
    ReleaseDirOption release;
    @picocli.CommandLine.Mixin
    HomeOption home;
    @Option(names = "--keys", paramLabel = "FILE_OR_URL", description = "The project's KEYS file or URL (default: the"
            + " KEYS in DIR's parent folder, as in a dist/dev checkout; for a URL, dist/release/<project>/KEYS; a KEYS"
            + " inside the RC folder is never used).")
    String keysArg;
    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;
    @Option(names = "--incubating", description = "The project is a podling: require DISCLAIMER and 'incubating'.")
    boolean incubating;
    @Option(names = "--vote-reply", description = "Also print a draft reply to the [VOTE] thread.")
    boolean voteReply;

    @Override
    public Integer call() throws ReleasePilotException, IOException {
        if (json) {
            prepareJson();
        }
        Path dir = target == null ? null : Path.of(target);
        Path keys = keysArg == null || isUrl(keysArg) ? null : Path.of(keysArg);
        if (target != null && isUrl(target)) {
            Path fetched = io.releasepilot.core.TempFolders.create("release-pilot-rc-");
            dir = DistCommand.fetchWithKeys(target, keysArg, fetched, DistCommand.printing(spec.commandLine().getErr()))
                    .folder();
            keys = fetched.resolve("KEYS");
        } else if (keysArg != null && isUrl(keysArg)) {
            keys = io.releasepilot.core.TempFolders.create("release-pilot-keys-").resolve("KEYS");
            new io.releasepilot.svn.DistFetch(io.releasepilot.svn.DistOptions.DEFAULT).fetchFile(keysArg, keys, null,
                    Progress.NONE);
        }
        VerifyReport report;
        java.io.PrintStream stdout = System.out;
        try {
            if (json) {
                // Standard output carries exactly one JSON document: whatever a library prints goes to stderr.
                System.setOut(System.err);
            }
            if (dir == null && release.given()) {
                // The check step: the release manager's own RC, as voters will see it.
                CheckService.Checked checked = new CheckService(new KeyService(home.resolve()))
                        .check(release.records(), Optional.ofNullable(keys), Progress.NONE);
                report = checked.report();
                if (!json) {
                    spec.commandLine().getErr().println("KEYS used: " + checked.keysUsed());
                }
            } else if (dir == null) {
                throw new ReleasePilotException("Give the RC folder to verify (or --dir RELEASE_DIR to check your own"
                        + " RC).", "Example: release-pilot verify ~/svn/dist-dev/kvrocks/2.4.0-rc1 --keys KEYS");
            } else {
                report = new Verifier().verify(new VerifyRequest(dir, Optional.ofNullable(keys), incubating),
                        Progress.NONE);
            }
        } finally {
            System.setOut(stdout);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(ReportJson.toJson(report)));
        } else {
            printText(out, report);
            if (voteReply) {
                out.println();
                out.println("----- draft vote reply -----");
                out.print(VoteReply.draft(report, RootCommand.VersionInfo.version()));
            }
        }
        out.flush();
        return switch (report.outcome()) {
            case PASSED -> ExitCodes.OK;
            case FAILED -> ExitCodes.CHECKS_FAILED;
            case COULD_NOT_CHECK -> ExitCodes.USAGE_OR_IO;
        };
    }

    /**
     * Sets up Jackson (a few hundred classes) on another thread while the candidate is being checked, so that
     * writing the report at the end costs only the writing. The document written is the same.
     */
    private static void prepareJson() {
        Thread t = new Thread(() -> {
            try {
                Json.mapper().writeValueAsString(Json.mapper().createObjectNode().put("warm", true)
                        .putNull("up").set("list", Json.mapper().createArrayNode().add(1).add("x")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // only a warm-up: the report is written (and any failure reported) later
            }
        }, "release-pilot-json-setup");
        t.setDaemon(true);
        t.start();
    }

    private static boolean isUrl(String s) {
        return s.matches("(?i)(https?|svn)://.*");
    }

    /** The report as text; every name and message from outside is printed with control characters escaped. */
    public static void printText(PrintWriter out, VerifyReport r) {
        out.println("Release candidate: " + Names.escape(r.folder().toString()));
        out.println("KEYS used:         " + r.keysFile().map(p -> p + " (" + io.releasepilot.core.Plural.of(r.keysCount(), "key", "keys") + ")").orElse("none"));
        for (ArtifactReport a : r.artifacts()) {
            out.println();
            out.println(a.name() + "  (" + a.size() + " bytes)");
            SignatureCheck s = a.signature();
            out.printf("  %-18s %s%n", "signature " + s.status(), Names.escape(s.message()));
            s.details().ifPresent(d -> out.printf("  %-18s key %s, %s %d, %s, made %s%n", "", d.keyId(),
                    d.keyAlgorithm(), d.keyBits(), d.hashAlgorithm(), d.created()));
            for (ChecksumCheck c : a.checksums()) {
                out.printf("  %-18s %s%n", c.algorithm().displayName() + " " + c.status(), c.file());
            }
            a.archive().ifPresent(ar -> out.printf("  %-18s %d entries, top folder %s, %d compiled, %s%n", "content",
                    ar.entries(), ar.topLevel().isEmpty() ? "(none)" : ar.topLevel(), ar.binaries().size(),
                    ar.ratRan() ? ar.unapprovedHeaders().size() + " without license header" : "RAT not run"));
        }
        out.println();
        for (Severity sev : Severity.values()) {
            for (Finding f : r.findings()) {
                if (f.severity() == sev) {
                    out.println(sev + "  " + (f.file().isEmpty() ? "" : f.file() + ": ") + f.message());
                }
            }
        }
        out.println();
        for (String reason : r.notChecked()) {
            out.println("NOT CHECKED  " + reason);
        }
        out.println();
        String verdict = switch (r.outcome()) {
            case PASSED -> "PASSED";
            case FAILED -> "FAILED";
            case COULD_NOT_CHECK -> "COULD NOT CHECK (a local problem, not the candidate's; no vote advice)";
        };
        out.println(verdict + ": " + r.artifacts().size() + " artifact(s), "
                + r.count(Severity.BLOCKER) + " blocker(s), " + r.count(Severity.WARNING) + " warning(s).");
    }
}
