package io.releasepilot.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@code release.json}. Saves are atomic. A damaged file, or one written by a newer version
 * of Release Pilot, is reported with what is wrong and where, and is never overwritten.
 */
public final class ReleaseStore {
    private static final String SCHEMA_FIELD = "schemaVersion";

    /**
     * Upgrades from schema {@code i + 1} to {@code i + 2}, in order. Schema 1 is the first, so there is
     * nothing to upgrade yet; a change of the file's shape adds its step here and bumps
     * {@link ReleaseDocument#CURRENT_SCHEMA}.
     */
    private static final List<UnaryOperator<ObjectNode>> MIGRATIONS = List.of();

    /**
     * Refuses a folder for a new release that lies inside a git working tree (the release's files would land
     * beside the project's sources, where they could be committed) or that is not empty (a folder chosen by
     * mistake). A folder that does not exist yet is fine.
     */
    public static void checkNewFolder(Path dir) throws DataFileException {
        Path abs = dir.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                throw new DataFileException(abs + " is inside the git working tree " + p + ": release.json, the"
                        + " artifacts and the mail drafts would land beside the project's sources, where they could"
                        + " be committed.", "Choose an empty folder outside the repository, e.g."
                        + " ~/releases/<project>-<version>.", null);
            }
        }
        if (Files.isDirectory(abs)) {
            try (var entries = Files.list(abs)) {
                List<String> names = entries.map(e -> e.getFileName().toString()).sorted().limit(3).toList();
                if (!names.isEmpty()) {
                    throw new DataFileException(abs + " is not empty (it holds " + String.join(", ", names)
                            + (names.size() == 3 ? ", …" : "") + ").", "Choose an empty folder, or make a new"
                            + " one: Release Pilot puts release.json, artifacts/, mail/ and logs/ in it.", null);
                }
            } catch (IOException e) {
                throw new DataFileException("Could not read the folder " + abs + ": " + e.getMessage(),
                        "Choose a folder you can read and write.", e);
            }
        }
    }

    /** Creates the workspace folders and a first release.json; refuses a folder that already has one. */
    public Workspace create(Path dir, ReleaseProfile profile) throws DataFileException {
        Workspace ws = new Workspace(dir);
        if (Files.exists(ws.releaseFile())) {
            throw new DataFileException(ws.releaseFile() + " already exists: this folder already holds a release.",
                    "Open that release instead, or choose an empty folder for a new one.", null);
        }
        try {
            Files.createDirectories(ws.artifactsDir());
            Files.createDirectories(ws.mailDir());
            Files.createDirectories(ws.logsDir());
        } catch (IOException e) {
            throw new DataFileException("Could not create the release folder " + ws.dir() + ": " + e.getMessage(),
                    "Choose a folder you can write to.", e);
        }
        save(ws, ReleaseDocument.of(profile));
        return ws;
    }

    public ReleaseDocument load(Workspace ws) throws DataFileException {
        Path file = ws.releaseFile();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException("There is no release.json in " + ws.dir() + ".",
                    "Choose the folder of an existing release, or start a new release there.", e);
        } catch (IOException e) {
            throw new DataFileException("Could not read " + file + ": " + e.getMessage(),
                    "Check that the file exists and that you may read it.", e);
        }
        return parse(file, bytes);
    }

    /** Parses the bytes of a release file; {@code file} is named in messages. */
    ReleaseDocument parse(Path file, byte[] bytes) throws DataFileException {
        try {
            JsonNode tree = Json.mapper().readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw damaged(file, "it does not hold a JSON object", null);
            }
            JsonNode schemaNode = tree.get(SCHEMA_FIELD);
            if (schemaNode == null || !schemaNode.canConvertToInt() || schemaNode.asInt() < 1) {
                throw damaged(file, "it has no valid \"schemaVersion\" field, so it was not written by Release Pilot",
                        null);
            }
            int schema = schemaNode.asInt();
            if (schema > ReleaseDocument.CURRENT_SCHEMA) {
                throw new DataFileException(file + " was written by a newer version of Release Pilot (file format "
                        + schema + "; this version reads up to " + ReleaseDocument.CURRENT_SCHEMA + ").",
                        "Update Release Pilot to open it. The file was left unchanged.", null);
            }
            ObjectNode node = (ObjectNode) tree;
            for (int s = schema; s < ReleaseDocument.CURRENT_SCHEMA; s++) {
                node = MIGRATIONS.get(s - 1).apply(node);
            }
            node.put(SCHEMA_FIELD, ReleaseDocument.CURRENT_SCHEMA);
            ReleaseDocument doc = Json.mapper().treeToValue(node, ReleaseDocument.class);
            if (doc.profile() == null) {
                throw damaged(file, "it has no \"profile\"", null);
            }
            return doc;
        } catch (JsonProcessingException e) {
            String where = Json.where(e);
            throw damaged(file, (where.isEmpty() ? "" : "at " + where + ": ") + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw damaged(file, e.getMessage(), e);
        }
    }

    private static DataFileException damaged(Path file, String what, Throwable cause) {
        return new DataFileException(file + " is damaged: " + what + ".",
                "Fix it in a text editor or restore a copy. Release Pilot left the file as it is.", cause);
    }

    /**
     * Saves atomically. Refuses to replace a file on disk that is damaged or from a newer version, so that
     * nothing is lost silently.
     */
    public void save(Workspace ws, ReleaseDocument doc) throws DataFileException {
        Path file = ws.releaseFile();
        if (Files.exists(file)) {
            try {
                load(ws);
            } catch (DataFileException e) {
                throw new DataFileException("Not saved: " + e.getMessage(),
                        "Move the existing file aside (or fix it), then save again.", e);
            }
        }
        try {
            ReleaseDocument current = new ReleaseDocument(ReleaseDocument.CURRENT_SCHEMA, doc.profile(), doc.steps());
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(current));
        } catch (IOException e) {
            throw new DataFileException("Could not save " + file + ": " + e.getMessage(),
                    "Check the free disk space and that you may write to the folder. The previous file is unchanged.",
                    e);
        }
    }
}
