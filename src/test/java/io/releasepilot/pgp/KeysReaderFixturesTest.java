package io.releasepilot.pgp;

import io.releasepilot.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Real KEYS files from Apache projects: we find exactly the keys gpg finds, with the same facts. */
class KeysReaderFixturesTest {

    record Expected(String fingerprint, String validity, int algo, int bits, long created, String expires) {
        static Expected parse(String line) {
            String[] f = line.split(" ");
            Map<String, String> kv = java.util.Arrays.stream(f).skip(1).map(s -> s.split("=", 2))
                    .collect(Collectors.toMap(a -> a[0], a -> a[1]));
            return new Expected(f[0], kv.get("validity"), Integer.parseInt(kv.get("algo")),
                    Integer.parseInt(kv.get("bits")), Long.parseLong(kv.get("created")), kv.get("expires"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tika-KEYS", "pdfbox-KEYS", "poi-KEYS", "tomcat-KEYS", "tomcat-old-KEYS"})
    void findsExactlyTheKeysGpgFinds(String name) throws Exception {
        List<Expected> expected = Files.readAllLines(Fixtures.path("keys/" + name + ".fingerprints.txt")).stream()
                .filter(l -> !l.isBlank()).map(Expected::parse).toList();

        KeyRingSet set = KeysReader.read(Fixtures.path("keys/" + name));

        Map<String, KeyInfo> found = set.keys().stream()
                .collect(Collectors.toMap(k -> k.fingerprint().hex(), Function.identity()));
        assertThat(found.keySet()).as("problems: %s", set.problems())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Expected::fingerprint).toList());
        for (Expected e : expected) {
            KeyInfo k = found.get(e.fingerprint());
            assertThat(k.algorithm()).as(e.fingerprint()).isEqualTo(e.algo() == 17 ? "DSA" : "RSA");
            assertThat(k.bits()).as(e.fingerprint()).isEqualTo(e.bits());
            assertThat(k.created()).as(e.fingerprint()).isEqualTo(Instant.ofEpochSecond(e.created()));
            assertThat(k.revoked()).as("revoked " + e.fingerprint()).isEqualTo(e.validity().equals("r"));
            if (!e.expires().equals("-")) {
                assertThat(k.expires()).as("expiry of " + e.fingerprint())
                        .contains(Instant.ofEpochSecond(Long.parseLong(e.expires())));
            }
        }
    }
}
