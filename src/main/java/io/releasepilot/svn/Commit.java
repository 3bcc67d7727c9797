package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import org.tmatesoft.svn.core.SVNCommitInfo;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.io.ISVNEditor;

import java.io.IOException;

/**
 * One commit through SVNKit's commit editor, the way {@code svnmucc} does it: no working copy, nothing of the
 * existing tree is downloaded. Anything that goes wrong (an error, a cancel) aborts the edit, so nothing is
 * committed.
 */
final class Commit {
    /** The edit itself: editor calls relative to the session URL. */
    interface Edit {
        void run(ISVNEditor editor) throws SVNException, IOException, CancelledException, SvnException;
    }

    private Commit() {
    }

    /** Runs {@code edit} between openRoot and closeEdit; returns the new revision. */
    static long run(SvnSession session, String message, String what, Edit edit)
            throws SvnException, CancelledException {
        ISVNEditor editor;
        try {
            editor = session.repository().getCommitEditor(message, null, false, null);
        } catch (SVNException e) {
            throw session.wrap(e, what);
        }
        boolean done = false;
        try {
            editor.openRoot(-1);
            edit.run(editor);
            editor.closeDir();
            SVNCommitInfo info = editor.closeEdit();
            done = true;
            if (info.getErrorMessage() != null && info.getNewRevision() < 0) {
                throw session.wrap(new SVNException(info.getErrorMessage()), what);
            }
            return info.getNewRevision();
        } catch (SVNException e) {
            if (e instanceof org.tmatesoft.svn.core.SVNCancelException) {
                throw session.cancelled(what);
            }
            throw session.wrap(e, what);
        } catch (IOException e) {
            throw new SvnException(SvnException.Reason.OTHER, "Could not read a file to send while " + what + ": "
                    + e.getMessage(), "Check the file; nothing was committed.", e);
        } finally {
            if (!done) {
                abort(editor);
            }
        }
    }

    private static void abort(ISVNEditor editor) {
        try {
            editor.abortEdit();
        } catch (SVNException alreadyBroken) {
            // the connection is gone or the transaction never began: nothing was committed either way
        }
    }

    /** Opens each folder of {@code relPath} ("a/b/c") below the root; returns how many were opened. */
    static int openDirs(ISVNEditor editor, String relPath) throws SVNException {
        if (relPath.isEmpty()) {
            return 0;
        }
        String[] parts = relPath.split("/");
        StringBuilder p = new StringBuilder();
        for (String part : parts) {
            if (p.length() > 0) {
                p.append('/');
            }
            p.append(part);
            editor.openDir(p.toString(), -1);
        }
        return parts.length;
    }

    static void closeDirs(ISVNEditor editor, int count) throws SVNException {
        for (int i = 0; i < count; i++) {
            editor.closeDir();
        }
    }
}
