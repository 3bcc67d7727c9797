package io.releasepilot.git;

import io.releasepilot.keys.Signer;
import io.releasepilot.pgp.KeyringException;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;

/** JGit's signing hook, answered by one of our signers (built-in keyring or GnuPG). */
final class JGitSigner implements org.eclipse.jgit.lib.Signer {
    private final Signer signer;

    JGitSigner(Signer signer) {
        this.signer = signer;
    }

    @Override
    public GpgSignature sign(Repository repository, GpgConfig config, byte[] data, PersonIdent committer,
                             String signingKey, CredentialsProvider credentials) throws CanceledException {
        try {
            return new GpgSignature(signer.sign(data));
        } catch (KeyringException e) {
            CanceledException c = new CanceledException(e.getMessage());
            c.initCause(e);
            throw c;
        }
    }

    @Override
    public boolean canLocateSigningKey(Repository repository, GpgConfig config, PersonIdent committer,
                                       String signingKey, CredentialsProvider credentials) {
        return true;
    }
}
