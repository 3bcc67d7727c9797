package io.releasepilot.keys;

import io.releasepilot.core.ReleasePilotException;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the key server cannot be reached, the message says what failed, never "null". */
class KeyServerUploadOfflineTest {
    static final byte[] KEY = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n-----END PGP PUBLIC KEY BLOCK-----\n".getBytes();

    @Test
    void anUnknownHostSaysTheNameCouldNotBeResolved() {
        assertThatThrownBy(() -> new KeyServerUpload(URI.create("https://keys.release-pilot.invalid")).upload(KEY))
                .isInstanceOf(ReleasePilotException.class)
                .hasMessageStartingWith("Could not reach https://keys.release-pilot.invalid: the name ")
                .hasMessageEndingWith("could not be resolved (no network, or no DNS).")
                .hasMessageNotContaining("null");
    }

    @Test
    void aClosedPortSaysTheConnectionCouldNotBeMade() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI server = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> new KeyServerUpload(server).upload(KEY))
                .isInstanceOf(ReleasePilotException.class)
                .hasMessage("Could not reach " + server + ": the connection could not be made (refused, or no network).");
    }

    @Test
    void anExceptionWithoutAMessageIsNamed() {
        assertThat(KeyServerUpload.reason(new java.io.IOException())).isEqualTo("IOException");
    }
}
