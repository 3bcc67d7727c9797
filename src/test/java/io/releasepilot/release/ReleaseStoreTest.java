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
        ReleaseDocument doc = store.load(ws);
        assertThat(doc.profile()).isEqualTo(profile);
        assertThat(doc.schemaVersion()).isEqualTo(ReleaseDocument.CURRENT_SCHEMA);
        JsonNode json = Json.mapper().readTree(ws.releaseFile().toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
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
        store.save(ws, store.load(ws).withStep("profile", StepStatus.DONE));
        assertThat(store.load(ws).status("profile")).isEqualTo(StepStatus.DONE);
        assertThat(store.load(ws).status("keys")).isEqualTo(StepStatus.NOT_STARTED);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "release.json", "artifacts", "mail", "logs");
        }
    }

    @Test
    void aDamagedFileIsReportedWithItsLineAndNeverOverwritten() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        String damaged = "{\n  \"schemaVersion\": 1,\n  \"profile\": {\n    \"projectId\": \"kvrocks\"\n";
        Files.writeString(ws.releaseFile(), damaged);

        assertThatThrownBy(() -> store.load(ws))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("release.json is damaged")
                .hasMessageContaining("line ");
        assertThatThrownBy(() -> store.save(ws, ReleaseDocument.of(ProfileValidatorTest.valid())))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith("Not saved");
        assertThat(Files.readString(ws.releaseFile())).isEqualTo(damaged);
    }

    @Test
    void aFileFromANewerVersionOpensWithAClearMessageAndIsLeftUnchanged() throws Exception {
        Workspace ws = store.create(tmp, ProfileValidatorTest.valid());
        String newer = Files.readString(ws.releaseFile()).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7");
        Files.writeString(ws.releaseFile(), newer);

        assertThatThrownBy(() -> store.load(ws))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("written by a newer version of Release Pilot (file format 7")
                .satisfies(e -> assertThat(((DataFileException) e).fix()).contains("Update Release Pilot"));
        assertThatThrownBy(() -> store.save(ws, ReleaseDocument.of(ProfileValidatorTest.valid())))
                .isInstanceOf(DataFileException.class);
        assertThat(Files.readString(ws.releaseFile())).isEqualTo(newer);
    }

    @Test
    void aFileWithoutSchemaVersionIsNotTakenForARelease() throws Exception {
        Files.writeString(tmp.resolve("release.json"), "{\"name\": \"something else\"}");
        assertThatThrownBy(() -> store.load(new Workspace(tmp)))
                .isInstanceOf(DataFileException.class).hasMessageContaining("no valid \"schemaVersion\"");
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
        assertThatThrownBy(() -> store.save(broken, ReleaseDocument.of(ProfileValidatorTest.valid())))
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
}
