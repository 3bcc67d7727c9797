package io.releasepilot.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.DataFileException;
import io.releasepilot.core.FileLocks;
import io.releasepilot.core.IoErrors;
import io.releasepilot.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@code release.json}. Every change is a read-modify-write under a lock (other threads and
 * processes wait), re-reads the file under the lock and saves atomically. A damaged file, or one written by a
 * newer version of Release Pilot, is reported with what is wrong and where, and is never overwritten. A
 * schema-1 file is read, upgraded on its next save, and kept once beside it as {@code release.schema1.json}.
 */
public final class ReleaseStore {
    static final String SCHEMA_FIELD = "schemaVersion";
    /** release.json holds text; anything larger is not one of ours. */
    private static final int MAX_BYTES = 16 << 20;
    private final Clock clock;
    private final java.util.function.Consumer<String> onWait;

    public ReleaseStore() {
        this(Clock.systemUTC());
    }

    public ReleaseStore(Clock clock) {
        this(clock, null);
    }

    /** {@code onWait} hears once when another Release Pilot is writing the same release and this one waits. */
    public ReleaseStore(Clock clock, java.util.function.Consumer<String> onWait) {
        this.clock = clock;
        this.onWait = onWait;
    }

    public Clock clock() {
        return clock;
    }

    /** Creates the workspace folders and a first release.json; refuses a folder that already has one. */
    public Workspace create(Path dir, ReleaseProfile profile) throws DataFileException {
        Workspace ws = new Workspace(dir);
        try {
            Files.createDirectories(ws.dir());
        } catch (IOException e) {
            throw new DataFileException("Could not create the release folder " + ws.dir() + ": "
                    + IoErrors.reason(e) + ".", "Choose a folder you can write to.", e);
        }
        FileLocks.withLock(ws.releaseFile(), onWait, () -> {
            if (Files.exists(ws.releaseFile())) {
                throw new DataFileException(ws.releaseFile() + " already exists: this folder already holds a release.",
                        "Open it with \"Open release\", or choose an empty folder for a new release.", null);
            }
            try {
                Files.createDirectories(ws.artifactsDir());
                Files.createDirectories(ws.mailDir());
                Files.createDirectories(ws.logsDir());
            } catch (IOException e) {
                throw new DataFileException("Could not create the release folder " + ws.dir() + ": "
                        + IoErrors.reason(e) + ".", "Choose a folder you can write to.", e);
            }
            ReleaseRecord first = ReleaseRecord.of(profile, clock.instant())
                    .withStep(StepId.PROFILE, StepRecord.done(clock.instant(), null,
                            RecordEvaluator.inputDigest(ReleaseRecord.of(profile, clock.instant()), StepId.PROFILE)));
            write(ws.releaseFile(), first);
            return null;
        });
        return ws;
    }

    public ReleaseRecord load(Workspace ws) throws DataFileException {
        return parse(ws.releaseFile(), read(ws));
    }

    private static byte[] read(Workspace ws) throws DataFileException {
        Path file = ws.releaseFile();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw damaged(file, "it is larger than " + (MAX_BYTES >> 20) + " MiB, so it is not a release file",
                        null);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new DataFileException("There is no release.json in " + ws.dir() + ".",
                    "Choose the folder of an existing release, or start a new release there.", e);
        } catch (IOException e) {
            throw new DataFileException("Could not read " + file + ": " + IoErrors.reason(e) + ".",
                    "Check that the file exists and that you may read it.", e);
        }
    }

    /** Parses the bytes of a release file; {@code file} is named in messages. */
    ReleaseRecord parse(Path file, byte[] bytes) throws DataFileException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = Json.where(e);
            throw damaged(file, (where.isEmpty() ? "" : "at " + where + ": ") + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw damaged(file, IoErrors.reason(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw damaged(file, "it does not hold a JSON object", null);
        }
        int schema = schemaOf(file, tree);
        ObjectNode node = (ObjectNode) tree;
        if (schema == 1) {
            node = RecordMigration.fromSchema1(file, node);
        }
        RecordFields.check(file, node);
        try {
            return Json.mapper().treeToValue(node, ReleaseRecord.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw damaged(file, RecordFields.plain(e), e);
        }
    }

    static int schemaOf(Path file, JsonNode tree) throws DataFileException {
        JsonNode schemaNode = tree.get(SCHEMA_FIELD);
        if (schemaNode == null) {
            throw damaged(file, "it has no \"schemaVersion\" field, so it was not written by Release Pilot", null);
        }
        if (!schemaNode.isIntegralNumber() || !schemaNode.canConvertToInt() || schemaNode.asInt() < 1) {
            throw damaged(file, "\"schemaVersion\" is " + schemaNode + "; it must be a whole number such as "
                    + ReleaseRecord.CURRENT_SCHEMA, null);
        }
        int schema = schemaNode.asInt();
        if (schema > ReleaseRecord.CURRENT_SCHEMA) {
            throw new DataFileException(file + " was written by a newer version of Release Pilot (file format "
                    + schema + "; this version reads up to " + ReleaseRecord.CURRENT_SCHEMA + ").",
                    "Update Release Pilot to open it. The file was left unchanged.", null);
        }
        return schema;
    }

    static DataFileException damaged(Path file, String what, Throwable cause) {
        return new DataFileException(file + " is damaged: " + what + ".",
                "Fix it in a text editor or restore a copy. Release Pilot left the file as it is.", cause);
    }

    /**
     * Changes the release under the lock: reads the file as it is now, applies {@code change} and saves the
     * result atomically. Refuses to replace a damaged file or one from a newer version. Returns what was saved.
     */
    public ReleaseRecord update(Workspace ws, UnaryOperator<ReleaseRecord> change) throws DataFileException {
        Path file = ws.releaseFile();
        return FileLocks.withLock(file, onWait, () -> {
            byte[] bytes = read(ws);
            ReleaseRecord current;
            try {
                current = parse(file, bytes);
            } catch (DataFileException e) {
                throw new DataFileException("Not saved: " + e.getMessage(),
                        "Move the existing file aside (or fix it), then try again.", e);
            }
            ReleaseRecord next = change.apply(current);
            keepSchema1Copy(ws, bytes);
            write(file, next);
            return next;
        });
    }

    /** Replaces the whole record; the same guarantees as {@link #update}. */
    public void save(Workspace ws, ReleaseRecord record) throws DataFileException {
        update(ws, current -> record);
    }

    private void keepSchema1Copy(Workspace ws, byte[] bytes) throws DataFileException {
        try {
            JsonNode tree = Json.mapper().readTree(bytes);
            Path copy = ws.dir().resolve(RecordMigration.SCHEMA1_COPY);
            if (tree.path(SCHEMA_FIELD).asInt() == 1 && !Files.exists(copy)) {
                Files.copy(ws.releaseFile(), copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new DataFileException("Not saved: could not keep a copy of the old release.json ("
                    + IoErrors.reason(e) + ").", "Check that you may write to " + ws.dir() + ".", e);
        }
    }

    private static void write(Path file, ReleaseRecord record) throws DataFileException {
        try {
            ReleaseRecord current = new ReleaseRecord(ReleaseRecord.CURRENT_SCHEMA, record.profile(),
                    record.candidates(), record.settings());
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(current));
        } catch (IOException e) {
            throw new DataFileException("Could not save " + file + ": " + IoErrors.reason(e) + ".",
                    "Check the free disk space and that you may write to the folder. The previous file is unchanged.",
                    e);
        }
    }
}
