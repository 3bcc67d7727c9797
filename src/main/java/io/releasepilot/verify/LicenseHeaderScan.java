package io.releasepilot.verify;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.ReleasePilotException;
import org.apache.rat.OptionCollection;
import org.apache.rat.ReportConfiguration;
import org.apache.rat.analysis.HeaderCheckWorker;
import org.apache.rat.analysis.IHeaderMatcher;
import org.apache.rat.analysis.IHeaders;
import org.apache.rat.analysis.matchers.AndMatcher;
import org.apache.rat.analysis.matchers.CopyrightMatcher;
import org.apache.rat.analysis.matchers.NotMatcher;
import org.apache.rat.analysis.matchers.OrMatcher;
import org.apache.rat.analysis.matchers.SPDXMatcherFactory;
import org.apache.rat.analysis.matchers.SimpleRegexMatcher;
import org.apache.rat.config.exclusion.StandardCollection;
import org.apache.rat.license.ILicense;
import org.apache.rat.license.LicenseSetFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks license headers with Apache RAT's license definitions, as {@code apache-rat-plugin} does, but bounded:
 * only the head of each file is read (RAT's 50 header lines, each cut at {@value #MAX_LINE} characters, at most
 * {@value #HEAD_BYTES} bytes), every file's matching runs against a time budget (RAT 0.18's copyright matcher
 * can backtrack for minutes on one file, RAT-574; an expired budget is reported, never waited out), the files
 * are spread over the cores, and cancel is checked all the time. RAT's standard excludes apply, plus the
 * project's own rules ({@link ExcludeRules}).
 */
public final class LicenseHeaderScan {
    public static final String EXCLUDES_FILE = ".rat-excludes";
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);
    static final int HEAD_BYTES = 16 * 1024;
    static final int MAX_LINE = 512;
    /** How many heads may wait for the header check, per thread (at most {@value #HEAD_BYTES} bytes each). */
    private static final int IN_FLIGHT = 16;
    static final int HEAD_LINES = HeaderCheckWorker.DEFAULT_NUMBER_OF_RETAINED_HEADER_LINES;
    private static final int MAX_DEPTH = 64;
    private static final Pattern COPYRIGHT = Pattern.compile("(\\b)?\\([Cc]\\)|\u00a9|\\&[Cc][Oo][Pp][Yy]\\;|Copyright\\b");
    private static final Pattern SPDX = Pattern.compile("SPDX-License-Identifier:\\s+([A-Za-z0-9.\\-]+)");
    /** Names RAT (through Tika) treats as notices, not as files that need a header. */
    private static final Set<String> NOTICES = Set.of("NOTICE", "LICENSE", "COPYING", "COPYRIGHT", "README",
            "INSTALL", "NEWS", "AUTHOR", "AUTHORS", "CHANGELOG", "CHANGES", "DISCLAIMER", "DISCLAIMER-WIP", "KEYS",
            "RELEASE-NOTES", "RELEASE_NOTES", "UPGRADE", "STATUS", "THIRD_PARTY_NOTICES", "BUILDING", "DEPENDENCIES");
    private static final Map<IHeaderMatcher, Pattern[]> PATTERNS = new ConcurrentHashMap<>();

    /**
     * What the scan found. Paths are relative to the scanned folder, with '/'.
     *
     * @param unapproved files with no recognised license header
     * @param thirdParty files under a recognised license the ASF does not approve for headers (BSD, MIT, ...),
     *                   each "path (license)": LICENSE must cover them
     * @param excluded   files the project's own rules excluded, each with the rule
     * @param timedOut   files whose matching ran out of its time budget (not judged)
     * @param notScanned files that were not scanned, each "path: why" (not regular files, too deep)
     * @param scanned    how many files were scanned
     */
    public record Result(List<String> unapproved, List<String> thirdParty, Map<String, String> excluded,
                         List<String> timedOut, List<String> notScanned, int scanned) {
        public Result {
            unapproved = List.copyOf(unapproved);
            thirdParty = List.copyOf(thirdParty);
            excluded = Map.copyOf(excluded);
            timedOut = List.copyOf(timedOut);
            notScanned = List.copyOf(notScanned);
        }
    }

    static {
        RatLog.install();
    }

    private LicenseHeaderScan() {
    }

    /** The files (relative, with '/') without an approved license header, with the default budget. */
    public static List<String> unapproved(Path root) throws ReleasePilotException {
        List<String> files = new ArrayList<>(scan(root, ExcludeRules.read(root), DEFAULT_BUDGET,
                Runtime.getRuntime().availableProcessors(), () -> false).unapproved());
        return files;
    }

    /** Scans the tree at {@code root} (links are not followed; only regular files are read). */
    public static Result scan(Path root, ExcludeRules rules, Duration budget, int threads, BooleanSupplier cancelled)
            throws ReleasePilotException {
        Map<String, Path> files = new TreeMap<>();
        List<String> notScanned = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    if (attrs.isDirectory()) {
                        notScanned.add(rel + ": more than " + MAX_DEPTH + " folders deep");
                    } else if (!attrs.isRegularFile()) {
                        notScanned.add(rel + ": not a regular file");
                    } else {
                        files.put(rel, file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    notScanned.add(root.relativize(file).toString().replace('\\', '/') + ": " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ReleasePilotException("Could not list the files in " + root + ": " + e.getMessage(),
                    "Check that the folder exists and that you may read it.", e);
        }
        Result r = scan(files, rules, budget, threads, cancelled);
        notScanned.addAll(r.notScanned());
        return new Result(r.unapproved(), r.thirdParty(), r.excluded(), r.timedOut(), notScanned, r.scanned());
    }

    /**
     * Scans {@code tree}: each file's name relative to the top (with '/') and where its content (or at least its
     * first {@value #HEAD_BYTES} bytes) is.
     */
    public static Result scan(Map<String, Path> tree, ExcludeRules rules, Duration budget, int threads,
                              BooleanSupplier cancelled) throws ReleasePilotException {
        try (Streaming scan = new Streaming(budget, threads, cancelled)) {
            for (Map.Entry<String, Path> e : tree.entrySet()) {
                byte[] head;
                try (InputStream in = Files.newInputStream(e.getValue(), LinkOption.NOFOLLOW_LINKS)) {
                    head = in.readNBytes(HEAD_BYTES);
                } catch (IOException ex) {
                    scan.notScanned.add(e.getKey() + ": " + ex.getMessage());
                    continue;
                }
                scan.submit(e.getKey(), head);
            }
            return scan.finish(rules);
        }
    }

    /**
     * One file's verdict ("APPROVED", "UNKNOWN", "THIRD_PARTY (BSD-style license)", ...) from its first bytes,
     * with or without the quick check of {@link QuickHeader}: for tests that compare the two.
     */
    static String verdict(String rel, byte[] head, boolean quick) throws ReleasePilotException {
        Verdict v = Rat.of().judge(rel, head, quick, DEFAULT_BUDGET.toNanos(), () -> false);
        return v.license.isEmpty() ? v.kind.name() : v.kind + " (" + v.license + ")";
    }

    /** True when {@link QuickHeader} alone approves a file with these first bytes. */
    static boolean quicklyApproved(byte[] head) throws ReleasePilotException {
        return QuickHeader.holdsAny(head, Rat.of().approvedLiterals());
    }

    /**
     * A scan fed file by file as an archive streams past: {@link #submit} hands a file's head to the pool (it
     * blocks while 16 heads per thread wait, so memory stays bounded); {@link #finish} applies the
     * project's own rules, which are only known once the archive has been read, and gives the result.
     */
    public static final class Streaming implements AutoCloseable {
        private final java.util.concurrent.CompletableFuture<Rat> rat;
        private final long budgetNanos;
        private final BooleanSupplier cancelled;
        private final ExecutorService pool;
        private final java.util.concurrent.Semaphore inFlight;
        private final Map<String, Future<Verdict>> verdicts = new TreeMap<>();
        private final List<String> notScanned = new ArrayList<>();
        private final boolean quick;

        public Streaming(Duration budget, int threads, BooleanSupplier cancelled) throws ReleasePilotException {
            this(budget, threads, cancelled, true);
        }

        /**
         * {@code quick}: settle a file whose head plainly holds the text of an approved license (the Apache
         * License's URL) without the rest of RAT's matching; false runs RAT's full matching on every file (the
         * tests compare both).
         */
        Streaming(Duration budget, int threads, BooleanSupplier cancelled, boolean quick) throws ReleasePilotException {
            this.quick = quick;
            this.rat = Rat.async();
            this.budgetNanos = budget.toNanos();
            this.cancelled = cancelled;
            int n = Math.max(1, threads);
            this.pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "release-pilot-headers");
                t.setDaemon(true);
                return t;
            });
            this.inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT * n);
        }

        /** Judges the file {@code rel} (relative to the top, '/') from its first bytes {@code head}. */
        public void submit(String rel, byte[] head) throws CancelledException {
            if (StandardExcludes.RULES.matchesAny(rel)) {
                return;
            }
            try {
                while (!inFlight.tryAcquire(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancelledException("The license-header check");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("The license-header check");
            }
            verdicts.put(rel, pool.submit(() -> {
                try {
                    return rat.get().judge(rel, head, quick, budgetNanos, cancelled);
                } finally {
                    inFlight.release();
                }
            }));
        }

        /** Waits for every verdict; files the project's {@code rules} exclude are listed with their rule. */
        public Result finish(ExcludeRules rules) throws ReleasePilotException {
            List<String> unapproved = new ArrayList<>();
            List<String> thirdParty = new ArrayList<>();
            List<String> timedOut = new ArrayList<>();
            Map<String, String> excluded = new TreeMap<>();
            int scanned = 0;
            try {
                ready();
                for (Map.Entry<String, Future<Verdict>> v : verdicts.entrySet()) {
                    Verdict verdict = v.getValue().get();
                    if (verdict.kind == Kind.CANCELLED) {
                        throw new CancelledException("The license-header check");
                    }
                    java.util.Optional<String> rule = rules.match(v.getKey());
                    if (rule.isPresent()) {
                        excluded.put(v.getKey(), rule.get());
                        continue;
                    }
                    scanned += verdict.kind == Kind.BINARY || verdict.kind == Kind.NOTICE ? 0 : 1;
                    switch (verdict.kind) {
                        case UNKNOWN -> unapproved.add(v.getKey());
                        case THIRD_PARTY -> thirdParty.add(v.getKey() + " (" + verdict.license + ")");
                        case TIMED_OUT -> timedOut.add(v.getKey());
                        default -> { }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("The license-header check");
            } catch (ExecutionException e) {
                throw new ReleasePilotException("The license-header check failed: " + e.getCause().getMessage(),
                        "The other checks are unaffected; run Apache RAT by hand.", e.getCause());
            }
            return new Result(unapproved, thirdParty, excluded, timedOut, notScanned, scanned);
        }

        /** Waits for RAT's configuration; a failure to read it is this scan's. */
        private void ready() throws ReleasePilotException, InterruptedException {
            try {
                rat.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ReleasePilotException setup) {
                    throw setup;
                }
                throw new ReleasePilotException("Apache RAT could not be set up: " + e.getCause(),
                        "The other checks are unaffected; run Apache RAT by hand.", e.getCause());
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /**
     * RAT's standard excludes (SCM files, editor backups, ...): RAT's own patterns ({@code StandardCollection}),
     * matched as plain globs, because RAT's document-name matching costs more than the whole header check of a
     * file. They need no RAT configuration, so files are sorted out while that is still being read.
     */
    private static final class StandardExcludes {
        static final ExcludeRules RULES = rules();

        private static ExcludeRules rules() {
            java.util.Set<String> standard = new java.util.TreeSet<>(List.of(EXCLUDES_FILE));
            for (StandardCollection c : List.of(StandardCollection.STANDARD_PATTERNS,
                    StandardCollection.STANDARD_SCMS, StandardCollection.MISC, StandardCollection.MAC)) {
                standard.addAll(c.patterns());
            }
            return ExcludeRules.of("Apache RAT's standard excludes", standard);
        }
    }

    private enum Kind { APPROVED, UNKNOWN, THIRD_PARTY, GENERATED, BINARY, NOTICE, TIMED_OUT, CANCELLED }

    private record Verdict(Kind kind, String license) {
        static Verdict of(Kind kind) {
            return new Verdict(kind, "");
        }
    }

    /** RAT's license definitions, standard excludes and generated-file matcher, read once per scan. */
    private record Rat(Collection<ILicense> licenses, Predicate<ILicense> approved, IHeaderMatcher generated,
                       byte[][] approvedLiterals) {
        private static Rat cached;
        /** Not {@code Rat.class}, which {@link #of()} holds while it reads the configuration. */
        private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Rat>>
                PENDING = new java.util.concurrent.atomic.AtomicReference<>();

        /**
         * RAT's configuration (its license definitions: a few hundred classes and an XML file), read once on a
         * thread of its own while the archive's first entries are read; a failure is the future's (and the next
         * scan tries again). Never blocks.
         */
        static java.util.concurrent.CompletableFuture<Rat> async() {
            java.util.concurrent.CompletableFuture<Rat> current = PENDING.get();
            if (current != null && !current.isCompletedExceptionally()) {
                return current;
            }
            java.util.concurrent.CompletableFuture<Rat> f = new java.util.concurrent.CompletableFuture<>();
            if (PENDING.compareAndSet(current, f)) {
                Thread t = new Thread(() -> {
                    try {
                        f.complete(of());
                    } catch (ReleasePilotException | RuntimeException e) {
                        f.completeExceptionally(e);
                    }
                }, "release-pilot-rat-setup");
                t.setDaemon(true);
                t.start();
            }
            return PENDING.get();
        }

        /** RAT's configuration, read once: an empty private folder stands for the tree the excludes apply to. */
        static synchronized Rat of() throws ReleasePilotException {
            if (cached != null) {
                return cached;
            }
            try {
                java.io.File baseDir = Files.createTempDirectory("release-pilot-rat-").toFile();
                baseDir.deleteOnExit();
                String[] args = {"--input-exclude-std", "STANDARD_PATTERNS", "STANDARD_SCMS", "MISC", "MAC",
                    "--input-exclude", EXCLUDES_FILE, "--", baseDir.toString()};
                ReportConfiguration config = OptionCollection.parseCommands(baseDir, args, options -> { });
                if (config == null) {
                    throw new IOException("RAT read no configuration");
                }
                Predicate<ILicense> approved = config.getLicenseSetFactory().getApprovedLicensePredicate();
                List<ILicense> ordered = new ArrayList<>(config.getLicenses(LicenseSetFactory.LicenseFilter.ALL));
                ordered.sort(java.util.Comparator.comparing(l -> !approved.test(l)));
                cached = new Rat(ordered, approved, config.getGeneratedMatcher(), QuickHeader.literals(
                                ordered.stream().filter(approved).map(ILicense::getMatcher).toList()));
                return cached;
            } catch (IOException | RuntimeException e) {
                throw new ReleasePilotException("Apache RAT could not be set up: " + e.getMessage(),
                        "The other checks are unaffected; run Apache RAT by hand.", e);
            }
        }

        Verdict judge(String rel, byte[] head, boolean quick, long budgetNanos, BooleanSupplier cancelled) {
            if (cancelled.getAsBoolean()) {
                return Verdict.of(Kind.CANCELLED);
            }
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            int dot = name.indexOf('.');
            if (NOTICES.contains((dot > 0 ? name.substring(0, dot) : name).toUpperCase(Locale.ROOT))) {
                return Verdict.of(Kind.NOTICE);
            }
            for (byte b : head) {
                if (b == 0) {
                    return Verdict.of(Kind.BINARY);
                }
            }
            if (quick && QuickHeader.holdsAny(head, approvedLiterals)) {
                return Verdict.of(Kind.APPROVED);
            }
            IHeaders headers;
            try {
                headers = HeaderCheckWorker.readHeader(new BufferedReader(new StringReader(boundedLines(head))),
                        HEAD_LINES);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // a StringReader does not fail
            }
            DeadlineText.Budget budget = new DeadlineText.Budget(budgetNanos, cancelled);
            Ctx ctx = new Ctx(headers, new DeadlineText(headers.raw(), budget), budget);
            try {
                // Approved licenses come first (see of()), so an ASF-headed file is settled by its first match.
                List<String> others = new ArrayList<>();
                for (ILicense license : licenses) {
                    if (matches(license.getMatcher(), ctx)) {
                        if (approved.test(license)) {
                            return Verdict.of(Kind.APPROVED);
                        }
                        others.add(license.getName());
                    }
                }
                if (generated != null && matches(generated, ctx)) {
                    return Verdict.of(Kind.GENERATED);
                }
                if (others.isEmpty()) {
                    String other = otherLicense(headers.raw());
                    return other == null ? Verdict.of(Kind.UNKNOWN) : new Verdict(Kind.THIRD_PARTY, other);
                }
                return new Verdict(Kind.THIRD_PARTY, String.join(", ", others));
            } catch (DeadlineText.OutOfTime e) {
                return Verdict.of(e.cancelled ? Kind.CANCELLED : Kind.TIMED_OUT);
            }
        }
    }

    /**
     * A license RAT has no definition for, recognised by the phrases every copy of it carries, or a copyright of
     * someone other than the ASF: such a file is third-party code that keeps its own header. Null when none.
     */
    static String otherLicense(String raw) {
        String t = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.contains("redistribution and use in source and binary forms")) {
            return "BSD-style license";
        }
        if (t.contains("permission is hereby granted, free of charge")) {
            return "MIT-style license";
        }
        for (String[] known : new String[][] {{"gnu general public license", "GPL"},
                {"gnu lesser general public license", "LGPL"}, {"eclipse public license", "EPL"},
                {"mozilla public license", "MPL"}, {"common development and distribution license", "CDDL"},
                {"creative commons", "Creative Commons license"}, {"public domain", "public domain"}}) {
            if (t.contains(known[0])) {
                return known[1];
            }
        }
        int c = t.indexOf("copyright");
        if (c >= 0 && !t.contains("apache software foundation")) {
            String line = t.substring(c, Math.min(t.length(), c + 80));
            if (line.matches("copyright (?:\\(c\\) |© )?[0-9]{4}.*")) {
                return "copyright of another owner";
            }
        }
        return null;
    }

    /** The head as text: lines cut at {@link #MAX_LINE} characters, undecodable bytes replaced. */
    static String boundedLines(byte[] head) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(head)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            text = new String(head, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), HEAD_LINES * (MAX_LINE + 1)));
        int lines = 0;
        int from = 0;
        while (from < text.length() && lines < HEAD_LINES) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            sb.append(text, from, Math.min(end, from + MAX_LINE)).append('\n');
            lines++;
            from = end + 1;
        }
        return sb.toString();
    }

    /**
     * RAT's matcher tree, evaluated with the deadline: the regular-expression matchers run on the
     * {@link DeadlineText}; the text matchers (plain {@code contains}) run as RAT runs them.
     */
    /** One file's header while it is judged, with what every copyright matcher shares computed once. */
    private static final class Ctx {
        final IHeaders headers;
        final DeadlineText raw;
        final DeadlineText.Budget budget;
        private CharSequence afterCopyright;
        private boolean searched;

        Ctx(IHeaders headers, DeadlineText raw, DeadlineText.Budget budget) {
            this.headers = headers;
            this.raw = raw;
            this.budget = budget;
        }

        /** The text after RAT's first copyright mark ("Copyright", "(c)", ...), or null when there is none. */
        CharSequence afterCopyright() {
            if (!searched) {
                searched = true;
                String text = headers.raw();
                String lower = text.toLowerCase(Locale.ROOT);
                if (lower.contains("copyright") || lower.contains("(c)") || lower.contains("\u00a9")
                        || lower.contains("&copy;")) {
                    Matcher start = COPYRIGHT.matcher(text);
                    if (start.find()) {
                        afterCopyright = raw.subSequence(start.end(), raw.length());
                    }
                }
            }
            return afterCopyright;
        }
    }

    private static boolean matches(IHeaderMatcher m, Ctx ctx) {
        IHeaders headers = ctx.headers;
        DeadlineText raw = ctx.raw;
        DeadlineText.Budget budget = ctx.budget;
        budget.check();
        if (m instanceof AndMatcher and) {
            for (IHeaderMatcher e : and.getEnclosed()) {
                if (!matches(e, ctx)) {
                    return false;
                }
            }
            return true;
        }
        if (m instanceof OrMatcher or) {
            for (IHeaderMatcher e : or.getEnclosed()) {
                if (matches(e, ctx)) {
                    return true;
                }
            }
            return false;
        }
        if (m instanceof NotMatcher not) {
            return !matches(not.getEnclosed(), ctx);
        }
        if (m instanceof SimpleRegexMatcher) {
            return patterns(m, "pattern")[0].matcher(raw).find();
        }
        if (m instanceof CopyrightMatcher) {
            return copyright(patterns(m, "dateOwnerPattern", "ownerDatePattern"), ctx.afterCopyright());
        }
        if (m instanceof SPDXMatcherFactory.Match spdx) {
            Matcher found = SPDX.matcher(raw);
            while (found.find()) {
                if (found.group(1).equals(spdx.getName())) {
                    return true;
                }
            }
            return false;
        }
        return m.matches(headers);
    }

    /**
     * RAT 0.18's {@code CopyrightMatcher.matches}, with its own patterns, on the deadline text. RAT asks
     * {@code find() && start() == 0}, which is {@code lookingAt()}: the leftmost match starts at 0 exactly when a
     * match at 0 exists. {@code lookingAt} spares the search from every other position.
     */
    private static boolean copyright(Pattern[] p, CharSequence rest) {
        if (rest == null) {
            return false;
        }
        if (p[0].matcher(rest).lookingAt()) {
            return true;
        }
        return p[1] != null && p[1].matcher(rest).lookingAt();
    }

    private static Pattern[] patterns(IHeaderMatcher m, String... fields) {
        return PATTERNS.computeIfAbsent(m, k -> {
            Pattern[] result = new Pattern[fields.length];
            for (int i = 0; i < fields.length; i++) {
                try {
                    Field f = k.getClass().getDeclaredField(fields[i]);
                    f.setAccessible(true);
                    result[i] = (Pattern) f.get(k);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Apache RAT's " + k.getClass().getSimpleName() + " has no "
                            + fields[i] + "; this code is made for RAT 0.18", e);
                }
            }
            return result;
        });
    }
}
