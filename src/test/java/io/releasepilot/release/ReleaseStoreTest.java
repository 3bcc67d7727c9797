package io.releasepilot.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseStoreTest {
    @TempDir
    Path tmp;
    private final ReleaseStore store = new ReleaseStore();

    @Test
    void createWritesReleaseJsonAndTheWorkspaceFolders() throws Exception {
        ReleaseProfile profile = ProfileValidatorTest.valid();
        Workspace ws = store.create(tmp.resolve("kvrocks-2.4.0"), profile);

        assertThat(ws.artifactsDir()).isDirectory();
        assertThat(ws.mailDir()).isDirectory();
        assertThat(ws.logsDir()).isDirectory();
        ReleaseRecord doc = store.load(ws);
        assertThat(doc.profile()).isEqualTo(profile);
        assertThat(doc.schemaVersion()).isEqualTo(ReleaseRecord.CURRENT_SCHEMA);
        assertThat(doc.step(StepId.PROFILE).status()).isEqualTo(StepState.DONE);
        JsonNode json = Json.mapper().readTree(ws.releaseFile().toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.at("/profile/projectId").asText()).isEqualTo("kvrocks");
    }

    @Test
    void createRefusesAFolderThatAlreadyHoldsARelease() throws Exception {
        store.create(tmp, ProfileValidatorTest.valid());
        assertThatThrownBy(() -> store.create(tmp, ProfileValidatorTest.valid()))
                .isInstanceOf(DataFileException.class).hasMessageContaining("already holds a release");
    }

    @Test
    void savesStepProgressAndLeavesNoTemporaryFile() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        new RecordService(ws, store).done(StepId.KEY, new KeyOutputs("AB".repeat(20), "built-in", "Jane <j@apache.org>"));
        assertThat(store.load(ws).step(StepId.KEY).status()).isEqualTo(StepState.DONE);
        assertThat(store.load(ws).step(StepId.KEY).outputs(KeyOutputs.class).fingerprint()).isEqualTo("AB".repeat(20));
        assertThat(store.load(ws).step(StepId.SOURCE).status()).isEqualTo(StepState.NOT_STARTED);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "release.json", ".release.json.lock", "artifacts", "mail", "logs");
        }
    }

    @Test
    void aDamagedFileIsReportedWithItsLineAndNeverOverwritten() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        String damaged = "{\n  \"schemaVersion\": 2,\n  \"profile\": {\n    \"projectId\": \"kvrocks\"\n";
        Files.writeString(ws.releaseFile(), damaged);

        assertThatThrownBy(() -> store.load(ws))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("release.json is damaged")
                .hasMessageContaining("line ");
        assertThatThrownBy(() -> store.save(ws, ReleaseRecord.of(ProfileValidatorTest.valid(), java.time.Instant.EPOCH)))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith("Not saved");
        assertThat(Files.readString(ws.releaseFile())).isEqualTo(damaged);
    }

    @Test
    void aFileFromANewerVersionOpensWithAClearMessageAndIsLeftUnchanged() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        String newer = Files.readString(ws.releaseFile()).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 7");
        Files.writeString(ws.releaseFile(), newer);

        assertThatThrownBy(() -> store.load(ws))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("written by a newer version of Release Pilot (file format 7")
                .satisfies(e -> assertThat(((DataFileException) e).fix()).contains("Update Release Pilot"));
        assertThatThrownBy(() -> store.save(ws, ReleaseRecord.of(ProfileValidatorTest.valid(), java.time.Instant.EPOCH)))
                .isInstanceOf(DataFileException.class);
        assertThat(Files.readString(ws.releaseFile())).isEqualTo(newer);
    }

    @Test
    void aFileWithoutSchemaVersionIsNotTakenForARelease() throws Exception {
        Files.writeString(tmp.resolve("release.json"), "{\"name\": \"something else\"}");
        assertThatThrownBy(() -> store.load(new Workspace(tmp)))
                .isInstanceOf(DataFileException.class).hasMessageContaining("no \"schemaVersion\" field");
    }

    @Test
    void anUnknownFieldIsReportedByName() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        Files.writeString(ws.releaseFile(), Files.readString(ws.releaseFile())
                .replace("\"projectId\"", "\"passphrase\" : \"x\",\n    \"projectId\""));
        assertThatThrownBy(() -> store.load(ws)).hasMessageContaining("passphrase");
    }

    @Test
    void aMissingFileSaysWhichFolderWasChosen() {
        assertThatThrownBy(() -> store.load(new Workspace(tmp.resolve("nothing-here"))))
                .isInstanceOf(DataFileException.class).hasMessageContaining("There is no release.json in");
    }

    @Test
    void aFailedSaveKeepsThePreviousFile() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        byte[] before = Files.readAllBytes(ws.releaseFile());
        Path blocker = tmp.resolve("ro");
        Files.createDirectories(blocker);
        // A release.json that is a folder cannot be replaced: the save fails, nothing is lost.
        Workspace broken = new Workspace(tmp.resolve("ro"));
        Files.createDirectories(broken.releaseFile());
        assertThatThrownBy(() -> store.save(broken, ReleaseRecord.of(ProfileValidatorTest.valid(), java.time.Instant.EPOCH)))
                .isInstanceOf(DataFileException.class);
        assertThat(Files.readAllBytes(ws.releaseFile())).isEqualTo(before);
        try (Stream<Path> files = Files.list(broken.dir())) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void noSecretCanGoIntoReleaseJson() throws Exception {
        // The profile has no field that could hold a secret ...
        List<String> names = Arrays.stream(ReleaseProfile.class.getRecordComponents())
                .map(RecordComponent::getName).map(n -> n.toLowerCase(Locale.ROOT)).toList();
        assertThat(names).noneMatch(n -> n.contains("pass") || n.contains("secret") || n.contains("token")
                || n.contains("private") || n.contains("pwd"));
        // ... and the file holds exactly the profile's fields, nothing else.
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid().withSigningKey(
                "0123456789ABCDEF0123456789ABCDEF01234567"));
        JsonNode profile = Json.mapper().readTree(ws.releaseFile().toFile()).get("profile");
        List<String> written = new ArrayList<>();
        for (Iterator<String> it = profile.fieldNames(); it.hasNext(); ) {
            written.add(it.next().toLowerCase(Locale.ROOT));
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(names);
        assertThat(Files.readString(ws.releaseFile(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
                .doesNotContain("passphrase").doesNotContain("password");
    }

    @Test
    void aSchema1FileOpensIsUpgradedOnItsNextSaveAndIsKeptOnceBesideIt() throws Exception {
        String schema1 = new String(getClass().getResourceAsStream("/release/schema1-release.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("release.json"), schema1);
        Workspace ws = new Workspace(tmp);

        ReleaseRecord read = store.load(ws);
        assertThat(read.profile().projectId()).isEqualTo("kvrocks");
        assertThat(read.profile().signingBackend()).isEqualTo(ReleaseProfile.BACKEND_BUILT_IN);
        assertThat(read.currentRc()).isEqualTo(2);
        assertThat(read.step(StepId.PROFILE).status()).isEqualTo(StepState.DONE);
        assertThat(read.step(StepId.KEY).outputs(KeyOutputs.class).fingerprint())
                .isEqualTo("0123456789ABCDEF0123456789ABCDEF01234567");
        assertThat(Files.readString(ws.releaseFile())).isEqualTo(schema1);

        new RecordService(ws, store).failed(StepId.CHECK, "nothing to check");
        assertThat(Json.mapper().readTree(ws.releaseFile().toFile()).get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(Files.readString(tmp.resolve("release.schema1.json"))).isEqualTo(schema1);
        // The source step was DONE in schema 1 but its outputs were never kept: it has to be done again.
        List<StepView> steps = RecordEvaluator.evaluate(store.load(ws), null);
        assertThat(steps.stream().filter(v -> v.step() == StepId.SOURCE).findFirst().orElseThrow().status())
                .isEqualTo(StepState.STALE);

        new RecordService(ws, store).failed(StepId.CHECK, "again");
        assertThat(Files.readString(tmp.resolve("release.schema1.json"))).isEqualTo(schema1);
    }

    @Test
    void aFractionalSchemaVersionIsRefusedInWords() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        String bad = Files.readString(ws.releaseFile()).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1.5");
        Files.writeString(ws.releaseFile(), bad);
        assertThatThrownBy(() -> store.load(ws)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("\"schemaVersion\" is 1.5; it must be a whole number such as 2");
        assertThatThrownBy(() -> new RecordService(ws, store).failed(StepId.SIGN, "x"))
                .hasMessageStartingWith("Not saved");
        assertThat(Files.readString(ws.releaseFile())).isEqualTo(bad);
    }

    @Test
    void anEmptyProfileNamesEachMissingFieldInWords() throws Exception {
        Files.writeString(tmp.resolve("release.json"), "{\"schemaVersion\": 2, \"profile\": {}}");
        assertThatThrownBy(() -> store.load(new Workspace(tmp))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("\"profile.projectId\" is missing; it must be text such as \"kvrocks\"")
                .hasMessageContaining("\"profile.rcNumber\" is missing; it must be a whole number such as 1")
                .hasMessageNotContaining("FAIL_ON");
    }

    @Test
    void aWrongStepStateIsNamedWithTheStatesThatAreAllowed() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        String bad = Files.readString(ws.releaseFile()).replace("\"DONE\"", "\"FINISHED\"");
        Files.writeString(ws.releaseFile(), bad);
        assertThatThrownBy(() -> store.load(ws))
                .hasMessageContaining("\"candidates[0].steps.profile.status\" is \"FINISHED\"; it must be one of"
                        + " NOT_STARTED, DONE, WAITING, FAILED, STALE");
    }

    @Test
    void twoWritersAtOnceKeepBothResults() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        RecordService records = new RecordService(ws, store);
        List<StepId> steps = List.of(StepId.KEY, StepId.NOTES, StepId.CHECK, StepId.STAGE, StepId.VOTE, StepId.TALLY);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(steps.size());
        try {
            List<java.util.concurrent.Future<?>> all = new ArrayList<>();
            for (StepId step : steps) {
                all.add(pool.submit(() -> {
                    records.failed(step, "try " + step.id());
                    return null;
                }));
            }
            for (var f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ReleaseRecord after = store.load(ws);
        for (StepId step : steps) {
            assertThat(after.step(step).reason()).isEqualTo("try " + step.id());
        }
    }
}
