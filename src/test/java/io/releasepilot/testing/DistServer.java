package io.releasepilot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Subversion server on 127.0.0.1 holding one repository {@code dist} laid out like dist.apache.org
 * ({@code dev/<project>/}, {@code release/<project>/}), started by the test as a foreground child process from
 * a self-contained configuration in a temp folder. Users: {@code rm} may write everywhere, {@code committer} may
 * write {@code dev/} but only read {@code release/}; anyone may read. Subclasses: {@link SvnServe}, {@link Httpd}.
 */
public abstract class DistServer implements AutoCloseable {
    public static final String PROJECT = "demo";
    public static final String RM = "rm";
    public static final String RM_PASSWORD = "s3cret-Rm-pw";
    public static final String COMMITTER = "committer";
    public static final String COMMITTER_PASSWORD = "c0mmitter-pw";

    protected final Path root;
    protected final int port;
    private Process process;

    protected DistServer(Path tempDir) {
        try {
            this.root = Files.createDirectories(tempDir.resolve(getClass().getSimpleName().toLowerCase()));
            Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            this.port = freePort();
            Path repo = root.resolve("repos").resolve("dist");
            Files.createDirectories(repo.getParent());
            run(List.of("svnadmin", "create", repo.toString()));
            run(List.of("svnmucc", "-m", "Create the dist layout", "-U", repo.toUri().toString(),
                    "mkdir", "dev", "mkdir", "dev/" + PROJECT, "mkdir", "release", "mkdir", "release/" + PROJECT));
            Files.writeString(root.resolve("authz"), """
                    [dist:/]
                    * = r
                    [dist:/dev]
                    rm = rw
                    committer = rw
                    [dist:/release]
                    rm = rw
                    committer = r
                    * = r
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requires the tools (a failure on CI), writes the configuration and starts the server. */
    public static SvnServe svnserve(Path tempDir) {
        Tools.require("svnserve");
        Tools.require("svnadmin");
        Tools.require("svnmucc");
        SvnServe s = new SvnServe(tempDir);
        s.start();
        return s;
    }

    public static Httpd httpd(Path tempDir) {
        if (!Files.isExecutable(Httpd.SBIN_APACHE2)) {
            Tools.require("apache2"); // Debian puts it in /usr/sbin, which is not on a normal user's PATH
        }
        Tools.require("htpasswd");
        Tools.require("svnadmin");
        Tools.require("svnmucc");
        Httpd s = new Httpd(tempDir);
        s.start();
        return s;
    }

    /** The repository root URL, e.g. {@code svn://127.0.0.1:4711/dist}, without a trailing slash. */
    public abstract String repositoryUrl();

    protected abstract List<String> command();

    public String devUrl() {
        return repositoryUrl() + "/dev/" + PROJECT + "/";
    }

    public String releaseUrl() {
        return repositoryUrl() + "/release/" + PROJECT + "/";
    }

    public Path repositoryPath() {
        return root.resolve("repos").resolve("dist");
    }

    /** A file:// URL to the same repository, for checks behind the server's back. */
    public String fileUrl() {
        return repositoryPath().toUri().toString().replaceAll("/$", "");
    }

    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    public synchronized void start() {
        ProcessBuilder pb = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(root.resolve(getClass().getSimpleName().toLowerCase() + ".out").toFile());
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped at once: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("The server did not listen on port " + port + ": " + log());
    }

    /** Stops the server and every child process (httpd's workers) at once, as if it crashed. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        waitFor(process.toHandle());
        children.forEach(this::waitFor);
        process = null;
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroy();
        waitFor(process.toHandle());
        children.forEach(ProcessHandle::destroyForcibly);
        children.forEach(this::waitFor);
        process = null;
    }

    private void waitFor(ProcessHandle h) {
        try {
            h.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            h.destroyForcibly();
        }
    }

    /** The youngest revision, read with svnlook straight from the repository. */
    public long youngest() {
        return Long.parseLong(run(List.of("svnlook", "youngest", repositoryPath().toString())).strip());
    }

    /** {@code svnlook tree} of a path, for checks independent of SVNKit. */
    public String tree(String path) {
        return run(List.of("svnlook", "tree", "--full-paths", repositoryPath().toString(), path));
    }

    public String cat(String path) {
        return run(List.of("svnlook", "cat", repositoryPath().toString(), path));
    }

    /** Commits a file behind the application's back (another committer), with svnmucc over file://. */
    public void putFile(String path, byte[] content, String message) {
        try {
            Path f = Files.createTempFile(root, "put", ".tmp");
            Files.write(f, content);
            run(List.of("svnmucc", "-m", message, "-U", fileUrl(), "put", f.toString(), path));
            Files.delete(f);
            if (isRoot()) {
                fixOwner();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void mkdir(String path) {
        run(List.of("svnmucc", "-m", "mkdir " + path, "-U", fileUrl(), "mkdir", path));
        if (isRoot()) {
            fixOwner();
        }
    }

    protected void fixOwner() {
        // svnserve runs as the test's user: nothing to hand over
    }

    public String log() {
        try {
            Path out = root.resolve(getClass().getSimpleName().toLowerCase() + ".out");
            String text = Files.exists(out) ? Files.readString(out) : "";
            Path err = root.resolve("error.log");
            return Files.exists(err) ? text + Files.readString(err) : text;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    protected static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    protected static String run(List<String> command) {
        Tools.Result r = Tools.run(null, command, Map.of("LANG", "C"), null);
        assertEquals(0, r.exitCode(), () -> command + " failed: " + r.err());
        return r.out();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
