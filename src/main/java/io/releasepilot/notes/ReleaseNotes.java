package io.releasepilot.notes;

import io.releasepilot.core.Plural;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.CommitInfo;
import io.releasepilot.git.GitRepository;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown draft of the release notes from git: the commits since the previous release tag (merges left
 * out), each as {@code hash – author, date: subject}, grouped by their conventional-commit prefix
 * ({@code feat:}, {@code fix(core):}…) or {@code [COMPONENT]} tag, and the contributors as
 * {@code git shortlog -sne} counts them, with {@code .mailmap} applied.
 */
public final class ReleaseNotes {
    private static final Pattern CONVENTIONAL = Pattern.compile("^([a-zA-Z]+)(?:\\(([^)]*)\\))?!?:\\s*(.*)$");
    private static final Pattern COMPONENT = Pattern.compile("^\\[([A-Za-z0-9 ._/-]+)]\\s*(.*)$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("feat", "Features"),
            Map.entry("fix", "Bug fixes"), Map.entry("perf", "Performance"), Map.entry("docs", "Documentation"),
            Map.entry("refactor", "Refactoring"), Map.entry("test", "Tests"), Map.entry("build", "Build"),
            Map.entry("ci", "Continuous integration"), Map.entry("chore", "Chores"), Map.entry("style", "Style"),
            Map.entry("revert", "Reverts"), Map.entry("deps", "Dependencies"));

    /** One contributor: canonical name, email and commit count. */
    public record Contributor(String name, String email, int commits) {
    }

    /** The commits, their groups and the contributors. */
    public record Notes(String from, String to, List<CommitInfo> commits, Map<String, List<String>> groups,
                        List<Contributor> contributors, String markdown) {
    }

    private ReleaseNotes() {
    }

    public static Notes generate(GitRepository repo, String from, String to, String title)
            throws ReleasePilotException {
        List<CommitInfo> commits = repo.log(from, to).stream().filter(c -> !c.merge()).toList();
        Mailmap mailmap = Mailmap.parse(repo.read(repo.resolve(to).commit(), ".mailmap")
                .map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, Contributor> people = new LinkedHashMap<>();
        for (CommitInfo c : commits) {
            String[] who = mailmap.resolve(c.authorName(), c.authorEmail());
            String group = "Other changes";
            String subject = c.subject();
            Matcher conv = CONVENTIONAL.matcher(subject);
            Matcher comp = COMPONENT.matcher(subject);
            if (conv.matches() && TITLES.containsKey(conv.group(1).toLowerCase(Locale.ROOT))) {
                group = TITLES.get(conv.group(1).toLowerCase(Locale.ROOT));
                subject = (conv.group(2) != null ? "**" + conv.group(2) + "**: " : "") + conv.group(3);
            } else if (comp.matches()) {
                group = comp.group(1).strip();
                subject = comp.group(2);
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add("`" + c.shortHash() + "` – " + who[0] + ", "
                    + DAY.format(c.time()) + ": " + subject);
            people.merge(who[1].toLowerCase(Locale.ROOT), new Contributor(who[0], who[1], 1),
                    (a, b) -> new Contributor(a.name(), a.email(), a.commits() + 1));
        }
        List<Contributor> contributors = new ArrayList<>(people.values());
        contributors.sort(Comparator.comparingInt(Contributor::commits).reversed().thenComparing(Contributor::name));
        return new Notes(from, to, commits, groups, contributors, markdown(title, from, to, commits, groups,
                contributors));
    }

    private static String markdown(String title, String from, String to, List<CommitInfo> commits,
                                   Map<String, List<String>> groups, List<Contributor> contributors) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append(Plural.of(commits.size(), "commit", "commits")).append(' ')
                .append(from == null ? "up to " + to : "from " + from + " to " + to)
                .append(" by ").append(Plural.of(contributors.size(), "contributor", "contributors")).append(".\n\n");
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            md.append("## ").append(g.getKey()).append("\n\n");
            g.getValue().forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
        }
        md.append("## Contributors\n\nThank you to everyone who contributed to this release:\n\n");
        for (Contributor c : contributors) {
            md.append("- ").append(c.name()).append(" (").append(c.commits()).append(c.commits() == 1 ? " commit"
                    : " commits").append(")\n");
        }
        return md.toString();
    }
}
