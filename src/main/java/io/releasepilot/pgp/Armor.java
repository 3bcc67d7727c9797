package io.releasepilot.pgp;

import org.bouncycastle.bcpg.ArmoredOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** ASCII armor as gpg writes it: no Version header. */
final class Armor {
    private Armor() {
    }

    interface Encoder {
        void encode(ArmoredOutputStream out) throws IOException;
    }

    static byte[] armor(Encoder encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream out = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            encoder.encode(out);
        }
        return bytes.toByteArray();
    }
}
