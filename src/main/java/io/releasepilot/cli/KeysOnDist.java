package io.releasepilot.cli;

import io.releasepilot.svn.DistKeys;


/**
 * {@code dist keys} for a release manager who may not write dist/release (a committer, not a PMC member): the
 * request for the PMC with the exact text to append, and, once a PMC member added it, the step recorded without
 * a commit ({@code dist keys} run again finds the key there).
 */
final class KeysOnDist {
    private KeysOnDist() {
    }

    /** The mail to the PMC's private list asking a PMC member to append the entry. */
    static String request(DistKeys.Preview preview, String user, String displayName) {
        return "Subject: Please add my signing key to the " + displayName + " KEYS file\n\n"
                + "I am the release manager of the next " + displayName + " release. My Apache id '" + user
                + "' may not write to dist/release. Could a PMC member please append this text to\n  " + preview.url()
                + "\n\n" + preview.textToAppend() + "\nThank you.\n";
    }
}
