package io.releasepilot.svn;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that takes the connection and then stops reading: the upload's write blocks once the socket buffers are
 * full, where neither the read timeout nor a look at the cancel flag can reach it. The watchdog ends it.
 */
@org.junit.jupiter.api.Timeout(60)
class Http1StallTest {
    /** A body far larger than any socket buffer, written in 100 KiB pieces. */
    private static final Http1.Body HUGE = new Http1.Body() {
        @Override
        public long length() {
            return 1L << 30;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] piece = new byte[100 * 1024];
            for (long sent = 0; sent < length(); sent += piece.length) {
                out.write(piece);
            }
        }
    };

    @Test
    void aCancelEndsAWriteTheServerStoppedReading() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread taker = acceptAndNeverRead(server);
            Http1 http = new Http1(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"),
                    new DistOptions(Duration.ofSeconds(5), Duration.ofMinutes(10)), 1024);
            AtomicBoolean cancelled = new AtomicBoolean();
            http.watch(cancelled::get);
            Thread canceller = new Thread(() -> {
                sleep(1500);
                cancelled.set(true);
            });
            canceller.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> http.send("PUT", "/stalled", Map.of(), HUGE)).isInstanceOf(IOException.class);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertThat(seconds).as("ended within a few seconds of the cancel, not after the 10-minute read timeout")
                    .isLessThan(30);
            taker.interrupt();
        }
    }

    @Test
    void aWriteStalledForTheReadTimeoutEndsWithoutACancel() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread taker = acceptAndNeverRead(server);
            Http1 http = new Http1(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"),
                    new DistOptions(Duration.ofSeconds(5), Duration.ofSeconds(2)), 1024);
            long start = System.nanoTime();
            assertThatThrownBy(() -> http.send("PUT", "/stalled", Map.of(), HUGE)).isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start).toSeconds()).isLessThan(30);
            taker.interrupt();
        }
    }

    private static Thread acceptAndNeverRead(ServerSocket server) {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                s.setReceiveBufferSize(4096);
                Thread.sleep(Long.MAX_VALUE);
            } catch (IOException | InterruptedException ignored) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
