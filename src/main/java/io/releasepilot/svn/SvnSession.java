package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import org.tmatesoft.svn.core.SVNCancelException;
import org.tmatesoft.svn.core.SVNErrorCode;
import org.tmatesoft.svn.core.SVNErrorMessage;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.SVNURL;
import org.tmatesoft.svn.core.auth.BasicAuthenticationManager;
import org.tmatesoft.svn.core.auth.SVNAuthentication;
import org.tmatesoft.svn.core.internal.io.dav.DAVRepositoryFactory;
import org.tmatesoft.svn.core.internal.io.svn.SVNRepositoryFactoryImpl;
import org.tmatesoft.svn.core.io.SVNRepository;
import org.tmatesoft.svn.core.io.SVNRepositoryFactory;

import java.util.Locale;

/**
 * One connection to a dist server at one URL, with SVNKit kept inside this package. Credentials go through a
 * {@link BasicAuthenticationManager} only: SVNKit neither reads nor writes {@code ~/.subversion}. Every call has
 * the timeouts of {@link DistOptions}; cancellation reaches SVNKit through its canceller.
 */
final class SvnSession implements AutoCloseable {
    static {
        DAVRepositoryFactory.setup();
        SVNRepositoryFactoryImpl.setup();
        org.tmatesoft.svn.util.SVNDebugLog.setDefaultLog(QuietLog.INSTANCE);
    }

    private final SVNRepository repository;
    private final BasicAuthenticationManager auth;
    private final String url;
    private final String user;

    private SvnSession(SVNRepository repository, BasicAuthenticationManager auth, String url, String user) {
        this.repository = repository;
        this.auth = auth;
        this.url = url;
        this.user = user;
    }

    /** Opens a session at {@code url}; {@code credentials} may be null to read anonymously. */
    static SvnSession open(String url, SvnCredentials credentials, DistOptions options, Progress progress)
            throws SvnException {
        String clean = DistUrls.check(url);
        BasicAuthenticationManager auth = credentials == null
                ? new TimedAuth(new SVNAuthentication[0], options)
                : TimedAuth.of(credentials, options);
        try {
            SVNRepository repo = SVNRepositoryFactory.create(SVNURL.parseURIEncoded(clean));
            repo.setAuthenticationManager(auth);
            repo.setDebugLog(QuietLog.INSTANCE);
            repo.setCanceller(() -> {
                if (progress.isCancelled()) {
                    throw new SVNCancelException(SVNErrorMessage.create(SVNErrorCode.CANCELLED, "cancelled"));
                }
            });
            return new SvnSession(repo, auth, clean, credentials == null ? null : credentials.username());
        } catch (SVNException e) {
            auth.dismissSensitiveData();
            throw new SvnException(SvnException.Reason.OTHER, "Not a Subversion URL: " + clean + ".",
                    "Give an http://, https:// or svn:// URL of the dist area.", e);
        }
    }

    SVNRepository repository() {
        return repository;
    }

    String url() {
        return url;
    }

    /** Turns an SVNKit error during {@code what} into a message in words. */
    SvnException wrap(SVNException e, String what) {
        return SvnErrors.wrap(e, what, url, user);
    }

    /** Like {@link #wrap}, but a cancelled call becomes a {@link CancelledException}. */
    CancelledException cancelled(String what) {
        return new CancelledException(what);
    }

    @Override
    public void close() {
        repository.closeSession();
        auth.dismissSensitiveData();
    }

    /** The basic manager with our timeouts for every protocol (SVNKit's default for svn:// is to wait forever). */
    private static final class TimedAuth extends BasicAuthenticationManager {
        private final DistOptions options;

        TimedAuth(SVNAuthentication[] credentials, DistOptions options) {
            super(credentials);
            this.options = options;
        }

        static TimedAuth of(SvnCredentials credentials, DistOptions options) {
            // SVNKit keeps the array it is given and zero-fills it in dismissSensitiveData(): give it a copy.
            char[] password = credentials.password().clone();
            String user = credentials.username();
            return new TimedAuth(new SVNAuthentication[] {
                org.tmatesoft.svn.core.auth.SVNPasswordAuthentication.newInstance(user, password, false, null, false),
                org.tmatesoft.svn.core.auth.SVNUserNameAuthentication.newInstance(user, false, null, false)},
                    options);
        }

        @Override
        public int getReadTimeout(SVNRepository repository) {
            return (int) Math.min(Integer.MAX_VALUE, options.readTimeout().toMillis());
        }

        @Override
        public int getConnectTimeout(SVNRepository repository) {
            return (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        }
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
