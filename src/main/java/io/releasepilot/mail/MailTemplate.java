package io.releasepilot.mail;

import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A mail template: header lines ({@code To:}, {@code Cc:}, {@code Subject:}), a blank line, then the body.
 * {@code ${name}} is replaced by the value of that name (docs/mail-templates.md lists them); {@code $${name}}
 * writes a literal {@code ${name}}. Values are inserted as they are: a value that itself contains
 * {@code ${...}} is not expanded again.
 *
 * @param origin where the template came from, for messages ("built-in vote.txt" or a file path)
 */
public record MailTemplate(MailKind kind, String origin, Map<String, String> headers, String body) {
    /** Folder in the release's mail/ folder where a release overrides the built-in templates. */
    public static final String OVERRIDE_DIR = "templates";
    static final long MAX_BYTES = 64 * 1024;
    private static final Set<String> HEADERS = Set.of("to", "cc", "subject");

    public MailTemplate {
        Objects.requireNonNull(kind, "kind");
        headers = Map.copyOf(headers);
    }

    /** The release's own template in {@code mailDir/templates/<id>.txt} if there is one, else the built-in one. */
    public static MailTemplate load(MailKind kind, Path mailDir) throws MailException {
        if (mailDir != null) {
            Path file = mailDir.resolve(OVERRIDE_DIR).resolve(kind.templateFileName());
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return parse(kind, file.toString(), readOverride(file));
            }
        }
        return builtIn(kind);
    }

    public static MailTemplate builtIn(MailKind kind) {
        String name = "templates/" + kind.templateFileName();
        try (InputStream in = MailTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Built-in template missing: " + name);
            }
            return parse(kind, "built-in " + kind.templateFileName(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | MailException e) {
            throw new IllegalStateException("Built-in template " + name + " cannot be read", e);
        }
    }

    /** The built-in template's text, to start an override from. */
    public static String builtInText(MailKind kind) {
        try (InputStream in = MailTemplate.class.getResourceAsStream("templates/" + kind.templateFileName())) {
            return new String(Objects.requireNonNull(in, kind.templateFileName()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Built-in template " + kind.templateFileName() + " cannot be read", e);
        }
    }

    private static String readOverride(Path file) throws MailException {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new MailException("The mail template " + file + " is not a regular file.",
                        "Make it a plain text file (not a link or a folder), or remove it to use the built-in one.");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new MailException("The mail template " + file + " is larger than " + MAX_BYTES / 1024
                        + " KiB.", "A mail template is a short text; remove what is not part of the mail.");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MailException("The mail template " + file + " is not UTF-8 text.",
                    "Save it as UTF-8 in your editor.", e);
        } catch (NoSuchFileException e) {
            throw new MailException("The mail template " + file + " disappeared while it was read.",
                    "Try again.", e);
        } catch (IOException e) {
            throw new MailException("Could not read the mail template " + file + ": " + e.getMessage(),
                    "Check that you may read it.", e);
        }
    }

    /** Parses template text; {@code origin} names it in messages. */
    public static MailTemplate parse(MailKind kind, String origin, String text) throws MailException {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = normalized.split("\n", -1);
        int i = 0;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (!HEADERS.contains(name)) {
                throw new MailException(origin + ", line " + (i + 1) + ": \"" + escape(line) + "\" is not a header"
                        + " line (To:, Cc: or Subject:).", "Start the template with its To:, Cc: and Subject: lines,"
                        + " then a blank line, then the body.");
            }
            if (headers.containsKey(name)) {
                throw new MailException(origin + ", line " + (i + 1) + ": " + name + " is given twice.",
                        "Keep one " + name + " line.");
            }
            headers.put(name, line.substring(colon + 1).strip());
        }
        for (String needed : List.of("to", "subject")) {
            if (!headers.containsKey(needed)) {
                throw new MailException(origin + " has no " + needed + ": line in its header.",
                        "Start the template with its To: and Subject: lines, then a blank line, then the body.");
            }
        }
        String body = i + 1 < lines.length ? String.join("\n", List.of(lines).subList(i + 1, lines.length)) : "";
        return new MailTemplate(kind, origin, headers, body);
    }

    /** The names this template uses, in order of first use. */
    public Set<String> placeholders() {
        Set<String> used = new LinkedHashSet<>();
        StringSubstitutor s = substitutor(key -> {
            used.add(key);
            return "";
        });
        headers.values().forEach(s::replace);
        s.replace(body);
        return used;
    }

    /** The template with its values filled in; a missing or unknown value is left as {@code ${name}}. */
    Rendered render(Map<String, MailValue> values) {
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, MailValue> missing = new LinkedHashMap<>();
        StringSubstitutor s = substitutor(key -> {
            MailValue v = values.get(key);
            if (v == null) {
                unknown.add(key);
                return null;
            }
            if (v.isMissing()) {
                missing.putIfAbsent(v.missingText(), v);
                return null;
            }
            return v.text();
        });
        Map<String, String> filled = new LinkedHashMap<>();
        headers.forEach((name, value) -> filled.put(name, s.replace(value)));
        String text = s.replace(body).replaceAll("\n{3,}", "\n\n");
        return new Rendered(filled, text, new ArrayList<>(missing.keySet()), List.copyOf(unknown));
    }

    private static StringSubstitutor substitutor(StringLookup lookup) {
        StringSubstitutor s = new StringSubstitutor(lookup);
        s.setDisableSubstitutionInValues(true);
        s.setValueDelimiterMatcher(null);
        s.setEnableUndefinedVariableException(false);
        s.setPreserveEscapes(false);
        return s;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
        }
        return sb.length() > 200 ? sb.substring(0, 200) + "…" : sb.toString();
    }

    /** A filled template: header values, body, what is missing (with its source) and unknown names. */
    record Rendered(Map<String, String> headers, String body, List<String> missing, List<String> unknown) {
    }
}
