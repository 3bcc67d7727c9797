package io.releasepilot.vote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who votes binding: the PMC (or PPMC, or for the general@incubator round the IPMC). From Whimsy's
 * {@code committee-info.json} ({@code committees.<name>.roster}, keyed by Apache id, each with a {@code name}) or
 * from a plain file, one member per line: an Apache id, an address, or {@code Name <address>}; {@code #} starts a
 * comment.
 */
public record Roster(String source, List<Member> members) {
    /** Largest roster file read. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final Pattern NAME_ADDRESS = Pattern.compile("^\"?([^\"<]*?)\"?\\s*<([^<>\\s]+@[^<>\\s]+)>$");
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_.-]*$");
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern ANONYMISED = Pattern.compile("^(\\S{1,2})\\.\\.\\.@(.+)$");

    /** A member: {@code id} is the Apache id (may be empty), {@code email} a lower-case address (may be empty). */
    public record Member(String id, String email, String name) {
        public Member {
            id = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
            email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
            name = name == null ? "" : name.strip();
            if (id.isEmpty() && email.isEmpty()) {
                throw new IllegalArgumentException("a member needs an Apache id or an address");
            }
        }

        /** The id when known, else the address: what an alias points to. */
        public String key() {
            return id.isEmpty() ? email : id;
        }

        public String apacheAddress() {
            return id.isEmpty() ? "" : id + "@apache.org";
        }
    }

    /** How a sender was found on the roster. */
    public enum MatchedBy { ADDRESS, APACHE_ID, ALIAS, NAME }

    public record Match(Member member, MatchedBy by) {
    }

    public Roster {
        members = List.copyOf(members);
    }

    /** Finds a sender: by address, by {@code <id>@apache.org}, by the RM's alias list (address → id or address). */
    public Optional<Match> find(String address, String name, Map<String, String> aliases) {
        String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (!a.isEmpty()) {
            for (Member m : members) {
                if (a.equals(m.email())) {
                    return Optional.of(new Match(m, MatchedBy.ADDRESS));
                }
            }
            for (Member m : members) {
                if (a.equals(m.apacheAddress())) {
                    return Optional.of(new Match(m, MatchedBy.APACHE_ID));
                }
            }
            String target = aliases == null ? null : aliases.get(a);
            if (target != null) {
                String t = target.strip().toLowerCase(Locale.ROOT);
                for (Member m : members) {
                    if (t.equals(m.id()) || t.equals(m.email()) || t.equals(m.apacheAddress())) {
                        return Optional.of(new Match(m, MatchedBy.ALIAS));
                    }
                }
            }
            Matcher anon = ANONYMISED.matcher(a);
            if (anon.matches() && name != null && !name.isBlank()) {
                // lists.apache.org hides addresses from readers who are not logged in ("ja...@apache.org"):
                // a member whose name and visible address start both agree.
                List<Member> hits = new ArrayList<>();
                for (Member m : members) {
                    String full = m.email().isEmpty() ? m.apacheAddress() : m.email();
                    boolean addressFits = (full.startsWith(anon.group(1)) && full.endsWith("@" + anon.group(2)))
                            || (m.apacheAddress().startsWith(anon.group(1)) && "apache.org".equals(anon.group(2)));
                    if (addressFits && fold(m.name()).equals(fold(name))) {
                        hits.add(m);
                    }
                }
                if (hits.size() == 1) {
                    return Optional.of(new Match(hits.get(0), MatchedBy.NAME));
                }
            }
        }
        return Optional.empty();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Reads a plain roster file. */
    public static Roster readPlain(Path file) throws VoteException {
        return parsePlain(readBounded(file), file.toString());
    }

    public static Roster parsePlain(String text, String where) throws VoteException {
        List<Member> members = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher na = NAME_ADDRESS.matcher(line);
            if (na.matches()) {
                members.add(member(na.group(2), na.group(1)));
            } else if (ADDRESS.matcher(line).matches()) {
                members.add(member(line, ""));
            } else if (ID.matcher(line.toLowerCase(Locale.ROOT)).matches()) {
                members.add(new Member(line, "", ""));
            } else {
                throw new VoteException(where + ", line " + (i + 1) + ": \"" + Escape.line(line)
                        + "\" is not an Apache id, an address or Name <address>.",
                        "Write one member per line, for example: jdoe   or   jane@example.org   or   Jane Doe <jane@example.org>");
            }
        }
        if (members.isEmpty()) {
            throw new VoteException(where + " lists no members.", "Write one member per line (an Apache id, an address, or Name <address>).");
        }
        return new Roster(where, members);
    }

    private static Member member(String address, String name) {
        String a = address.toLowerCase(Locale.ROOT);
        String id = a.endsWith("@apache.org") ? a.substring(0, a.length() - "@apache.org".length()) : "";
        return new Member(id, a, name);
    }

    /** Reads Whimsy's committee-info.json and takes one committee's roster ("incubator" is the IPMC). */
    public static Roster readCommitteeInfo(Path file, String committee) throws VoteException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > MAX_BYTES) {
                throw new VoteException(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB.",
                        "Give committee-info.json from https://whimsy.apache.org/public/committee-info.json");
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new VoteException(file + " is not readable JSON: " + e.getMessage(),
                    "Download it again from https://whimsy.apache.org/public/committee-info.json", e);
        }
        return fromCommitteeInfo(root, committee, file.toString());
    }

    static Roster fromCommitteeInfo(JsonNode root, String committee, String where) throws VoteException {
        JsonNode committees = root == null ? null : root.get("committees");
        if (committees == null || !committees.isObject()) {
            throw new VoteException(where + " has no \"committees\" object; it is not Whimsy's committee-info.json.",
                    "Download https://whimsy.apache.org/public/committee-info.json");
        }
        String key = committee.strip().toLowerCase(Locale.ROOT);
        JsonNode c = committees.get(key);
        if (c == null) {
            throw new VoteException(where + " has no committee \"" + Escape.line(committee) + "\".",
                    "Use the committee's short name as in its mailing lists (for example \"commons\"; \"incubator\" for the IPMC).");
        }
        JsonNode roster = c.get("roster");
        if (roster == null || !roster.isObject() || roster.isEmpty()) {
            throw new VoteException(where + ": committee \"" + key + "\" has no roster.",
                    "Download a current committee-info.json, or give the members in a plain roster file (--roster).");
        }
        List<Member> members = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = roster.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            members.add(new Member(e.getKey(), "", e.getValue().path("name").asText("")));
        }
        return new Roster(where + " (" + key + ")", members);
    }

    private static String readBounded(Path file) throws VoteException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new VoteException(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB; not a roster.",
                        "Give a roster file with one member per line.");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VoteException("Could not read the roster " + file + ": " + e.getMessage(),
                    "Check the path and that the file is UTF-8 text.", e);
        }
    }
}
