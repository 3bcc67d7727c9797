package io.releasepilot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Apache httpd with mod_dav_svn, mod_authz_svn and basic auth (htpasswd), in the foreground, from its own
 * httpd.conf. As root, the folder is handed to www-data (httpd's workers cannot read a 0700 folder).
 */
public final class Httpd extends DistServer {
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    private static final String WORKER = "www-data";
    static final Path SBIN_APACHE2 = Path.of("/usr/sbin/apache2");

    Httpd(Path tempDir) {
        super(tempDir);
        try {
            Path htpasswd = root.resolve("htpasswd");
            run(List.of("htpasswd", "-c", "-b", "-m", htpasswd.toString(), RM, RM_PASSWORD));
            run(List.of("htpasswd", "-b", "-m", htpasswd.toString(), COMMITTER, COMMITTER_PASSWORD));
            Files.createDirectories(root.resolve("run"));
            StringBuilder conf = new StringBuilder();
            conf.append("ServerRoot \"").append(root).append("\"\n")
                    .append("Listen 127.0.0.1:").append(port).append('\n')
                    .append("ServerName 127.0.0.1\n")
                    .append("PidFile ").append(root.resolve("run/httpd.pid")).append('\n')
                    .append("DefaultRuntimeDir ").append(root.resolve("run")).append('\n')
                    .append("ErrorLog ").append(root.resolve("error.log")).append('\n')
                    .append("LogLevel warn\n");
            for (String m : List.of("mpm_event", "authn_core", "authn_file", "authz_core", "authz_user",
                    "auth_basic", "access_compat", "dav", "dav_svn", "authz_svn")) {
                conf.append("LoadModule ").append(m).append("_module ")
                        .append(MODULES.resolve("mod_" + m + ".so")).append('\n');
            }
            if (isRoot()) {
                conf.append("User ").append(WORKER).append("\nGroup ").append(WORKER).append('\n');
            }
            conf.append("LimitRequestBody 0\nTimeout 120\nKeepAlive On\n")
                    .append("<Location /repos>\n  DAV svn\n  SVNParentPath ").append(root.resolve("repos")).append('\n')
                    .append("  AuthType Basic\n  AuthName \"Release Pilot test\"\n  AuthBasicProvider file\n")
                    .append("  AuthUserFile ").append(htpasswd).append('\n')
                    .append("  AuthzSVNAccessFile ").append(root.resolve("authz")).append('\n')
                    .append("  Satisfy Any\n  Require valid-user\n</Location>\n");
            Files.writeString(root.resolve("httpd.conf"), conf.toString(), StandardCharsets.UTF_8);
            if (isRoot()) {
                fixOwner();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void fixOwner() {
        run(List.of("chown", "-R", WORKER + ":" + WORKER, root.toString()));
    }

    @Override
    public String repositoryUrl() {
        return "http://127.0.0.1:" + port + "/repos/dist";
    }

    @Override
    protected List<String> command() {
        return List.of(Files.isExecutable(SBIN_APACHE2) ? SBIN_APACHE2.toString() : "apache2", "-f", root.resolve("httpd.conf").toString(), "-DFOREGROUND");
    }
}
