package io.releasepilot.notes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Git's {@code .mailmap}: maps the names and addresses found in commits to a person's canonical ones. Reads the
 * four forms git documents ({@code Proper Name <commit@email>}, {@code <proper@email> <commit@email>},
 * {@code Proper Name <proper@email> <commit@email>}, and with the commit name too).
 */
public final class Mailmap {
    private static final Pattern ENTRY = Pattern.compile(
            "^\\s*([^<#]*?)\\s*(?:<([^>]*)>)\\s*(?:([^<#]*?)\\s*<([^>]*)>)?\\s*(?:#.*)?$");
    private final Map<String, String[]> byEmail = new HashMap<>();
    private final Map<String, String[]> byNameAndEmail = new HashMap<>();

    public static Mailmap parse(String text) {
        Mailmap map = new Mailmap();
        if (text == null) {
            return map;
        }
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String properName = m.group(1).isEmpty() ? null : m.group(1);
            String firstEmail = m.group(2);
            if (m.group(4) == null) {
                // "Proper Name <commit@email>"
                map.byEmail.put(key(firstEmail), new String[] {properName, null});
            } else {
                String commitName = m.group(3).isEmpty() ? null : m.group(3);
                String commitEmail = m.group(4);
                String[] target = {properName, firstEmail};
                if (commitName == null) {
                    map.byEmail.put(key(commitEmail), target);
                } else {
                    map.byNameAndEmail.put(commitName + "\n" + key(commitEmail), target);
                }
            }
        }
        return map;
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The canonical name and email of an author: {name, email}. */
    public String[] resolve(String name, String email) {
        String[] hit = byNameAndEmail.get(name + "\n" + key(email));
        if (hit == null) {
            hit = byEmail.get(key(email));
        }
        if (hit == null) {
            return new String[] {name, email};
        }
        return new String[] {hit[0] != null ? hit[0] : name, hit[1] != null ? hit[1] : email};
    }
}
