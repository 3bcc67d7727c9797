package io.releasepilot.svn;

import org.tmatesoft.svn.core.SVNDirEntry;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.SVNNodeKind;
import org.tmatesoft.svn.core.SVNProperties;
import org.tmatesoft.svn.core.SVNProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Read-only looks at a dist folder: its entries, a file's MD5, whether a path exists. */
final class Remote {
    /** One entry of a remote folder. */
    record Entry(String name, boolean folder, long bytes, long revision) {
    }

    private Remote() {
    }

    static SVNNodeKind kind(SvnSession s, String rel, long rev) throws SVNException {
        return s.repository().checkPath(rel, rev);
    }

    static List<Entry> list(SvnSession s, String rel, long rev) throws SVNException {
        Collection<SVNDirEntry> entries = s.repository().getDir(rel, rev, (SVNProperties) null,
                SVNDirEntry.DIRENT_KIND | SVNDirEntry.DIRENT_SIZE | SVNDirEntry.DIRENT_CREATED_REVISION,
                (Collection<SVNDirEntry>) null);
        List<Entry> out = new ArrayList<>();
        for (SVNDirEntry e : entries) {
            out.add(new Entry(e.getName(), e.getKind() == SVNNodeKind.DIR, e.getSize(), e.getRevision()));
        }
        out.sort(Comparator.comparing(Entry::name));
        return out;
    }

    /** The MD5 the server holds for a file, without downloading it. */
    static String md5(SvnSession s, String rel, long rev) throws SVNException {
        SVNProperties props = new SVNProperties();
        s.repository().getFile(rel, rev, props, null);
        return props.getStringValue(SVNProperty.CHECKSUM);
    }
}
