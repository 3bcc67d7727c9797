package io.releasepilot.git;

import io.releasepilot.keys.Signer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A local git repository, as the release steps use it: tags, the committed tree of a tag (never the working
 * copy), the log between two tags, and annotated RC tags, created (optionally signed) and pushed.
 */
public final class GitRepository implements AutoCloseable {
    private final Repository repository;
    private final Path dir;
    private final List<Repository> submoduleRepositories = new ArrayList<>();

    private GitRepository(Repository repository, Path dir) {
        this.repository = repository;
        this.dir = dir;
    }

    public static GitRepository open(Path dir) throws GitException {
        try {
            Repository repo = new FileRepositoryBuilder().setMustExist(true).findGitDir(dir.toFile())
                    .readEnvironment().build();
            if (repo.getDirectory() == null) {
                throw new RepositoryNotFoundException(dir.toFile());
            }
            return new GitRepository(repo, dir);
        } catch (IllegalArgumentException | IOException e) {
            throw new GitException(dir + " is not a git repository.",
                    "Choose the top folder of your local clone of the project.", e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Tag names, sorted. */
    public List<String> tags() throws GitException {
        try {
            return repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS).stream()
                    .map(r -> r.getName().substring(Constants.R_TAGS.length())).sorted().toList();
        } catch (IOException e) {
            throw new GitException("Could not list the tags of " + dir + ": " + e.getMessage(), "", e);
        }
    }

    /** The commit a tag, branch or hash names. */
    public ResolvedRevision resolve(String revision) throws GitException {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision + "^{commit}");
            if (id == null) {
                throw new GitException("There is no tag or commit \"" + revision + "\" in " + dir + ".",
                        "If it is this release candidate's tag, create it first (release-pilot source tag --dir"
                                + " RELEASE_DIR, or the Source release step); else check the name (git tag --list"
                                + " shows the tags), or fetch the tags first (git fetch --tags).");
            }
            RevCommit commit = walk.parseCommit(id);
            return new ResolvedRevision(revision, id.name(), Instant.ofEpochSecond(commit.getCommitTime()));
        } catch (IOException e) {
            throw new GitException("Could not read \"" + revision + "\" in " + dir + ": " + e.getMessage(), "", e);
        }
    }

    /** Visits each file of the committed tree, sorted by path as git stores them. */
    public interface Visitor {
        void visit(GitFile file) throws IOException;
    }

    /** The committed tree of {@code commit}; with {@code submodules}, the submodules' trees at their commits too. */
    public void walk(String commit, boolean submodules, Visitor visitor) throws GitException {
        try {
            walk(repository, ObjectId.fromString(commit), "", submodules, visitor);
        } catch (IOException e) {
            throw new GitException("Could not read the tree of " + commit + ": " + e.getMessage(),
                    submodules ? "Check that the submodules are checked out (git submodule update --init)." : "", e);
        }
    }

    private void walk(Repository repo, ObjectId commitId, String prefix, boolean submodules, Visitor visitor)
            throws IOException {
        try (RevWalk revWalk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            RevCommit commit = revWalk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            ObjectReader reader = tree.getObjectReader();
            while (tree.next()) {
                String path = prefix + tree.getPathString();
                FileMode mode = tree.getFileMode(0);
                ObjectId id = tree.getObjectId(0);
                if (mode == FileMode.GITLINK) {
                    if (submodules) {
                        Repository sub = SubmoduleWalk.getSubmoduleRepository(repo, tree.getPathString());
                        if (sub == null) {
                            throw new IOException("submodule " + path + " is not checked out");
                        }
                        submoduleRepositories.add(sub);
                        walk(sub, id, path + "/", true, visitor);
                    }
                    continue;
                }
                GitFile.Kind kind = mode == FileMode.SYMLINK ? GitFile.Kind.SYMLINK
                        : mode == FileMode.EXECUTABLE_FILE ? GitFile.Kind.EXECUTABLE : GitFile.Kind.FILE;
                long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                ObjectId blob = id.copy();
                visitor.visit(new GitFile(path, kind, size, () -> repo.open(blob, Constants.OBJ_BLOB).openStream()));
            }
        }
    }

    /** The content of one file of a commit, if it exists. */
    public Optional<byte[]> read(String commit, String path) throws GitException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tw = TreeWalk.forPath(repository, path, c.getTree())) {
                if (tw == null) {
                    return Optional.empty();
                }
                return Optional.of(repository.open(tw.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new GitException("Could not read " + path + " at " + commit + ": " + e.getMessage(), "", e);
        }
    }

    /** Commits reachable from {@code to} but not from {@code from} (null: from the beginning), newest first. */
    public List<CommitInfo> log(String from, String to) throws GitException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(resolve(to).commit())));
            if (from != null) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(resolve(from).commit())));
            }
            List<CommitInfo> commits = new ArrayList<>();
            for (RevCommit c : walk) {
                PersonIdent author = c.getAuthorIdent();
                commits.add(new CommitInfo(c.name(), author.getName(), author.getEmailAddress(),
                        author.getWhenAsInstant(), c.getShortMessage(), c.getParentCount() > 1));
            }
            return commits;
        } catch (IOException e) {
            throw new GitException("Could not read the history of " + dir + ": " + e.getMessage(), "", e);
        }
    }

    /**
     * Creates the annotated tag {@code name} on {@code commit}; signed with {@code signer} when given. Refuses an
     * existing tag: tags are never moved.
     */
    public void createTag(String name, String commit, String message, String taggerName, String taggerEmail,
                          Optional<Signer> signer) throws GitException {
        String invalid = invalidTagName(name);
        if (invalid != null) {
            throw new GitException("\"" + name + "\" is not a valid tag name: " + invalid + ".",
                    "Choose a name such as v2.4.0-rc1 (letters, digits, dots, dashes; no spaces).");
        }
        try (Git git = new Git(repository); RevWalk walk = new RevWalk(repository)) {
            if (repository.exactRef(Constants.R_TAGS + name) != null) {
                throw new GitException("The tag " + name + " already exists.",
                        "Tags are never moved. If this RC failed, start the next release candidate"
                                + " (release-pilot rc next --dir RELEASE_DIR) and make its tag instead.");
            }
            var tag = git.tag().setName(name).setAnnotated(true).setMessage(message)
                    .setObjectId(walk.parseCommit(ObjectId.fromString(commit)))
                    .setTagger(new PersonIdent(taggerName, taggerEmail));
            if (signer.isPresent()) {
                Config config = new Config();
                config.setString("gpg", null, "format", "openpgp");
                tag.setSigned(true).setSigner(new JGitSigner(signer.get())).setGpgConfig(new GpgConfig(config))
                        .setSigningKey(signer.get().fingerprint().hex());
            } else {
                tag.setSigned(false);
            }
            tag.call();
        } catch (GitAPIException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof io.releasepilot.core.ReleasePilotException signing) {
                    throw new GitException("Could not sign the tag " + name + ": " + signing.getMessage(),
                            signing.fix() + " No tag was created.", e);
                }
            }
            throw new GitException("Could not create the tag " + name + ": "
                    + io.releasepilot.core.IoErrors.redact(e.getMessage()), "No tag was created.", e);
        } catch (IOException e) {
            throw new GitException("Could not create the tag " + name + " in " + dir + ": "
                    + io.releasepilot.core.IoErrors.reason(e) + ".", io.releasepilot.core.IoErrors.fix(e, dir), e);
        }
    }

    /** Why git would refuse {@code name} as a tag name (git check-ref-format), or null when it is fine. */
    static String invalidTagName(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (name.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return "it contains a space or a control character";
        }
        for (char c : new char[] {'~', '^', ':', '?', '*', '[', '\\'}) {
            if (name.indexOf(c) >= 0) {
                return "git does not allow the character " + c + " in tag names";
            }
        }
        if (name.contains("..") || name.contains("@{") || name.contains("//")) {
            return "git does not allow \"..\", \"@{\" or \"//\" in tag names";
        }
        if (name.startsWith("-") || name.startsWith(".") || name.startsWith("/") || name.contains("/.")) {
            return "a tag name (or a part of it between slashes) may not start with -, . or /";
        }
        if (name.endsWith(".") || name.endsWith("/") || name.endsWith(".lock") || name.equals("@")) {
            return "a tag name may not end with a dot, a slash or .lock, or be @";
        }
        if (!Repository.isValidRefName(Constants.R_TAGS + name)) {
            return "git does not allow it as a reference name";
        }
        return null;
    }

    /** The raw content of an annotated tag object (message and signature), for checks and tests. */
    public String tagObject(String name) throws GitException {
        try {
            Ref ref = repository.exactRef(Constants.R_TAGS + name);
            if (ref == null) {
                throw new GitException("There is no tag " + name + ".", "");
            }
            return new String(repository.open(ref.getObjectId()).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GitException("Could not read the tag " + name + ": " + e.getMessage(), "", e);
        }
    }

    /**
     * Pushes one tag to {@code remote} (a remote name such as origin, or a URL). {@code password} is used for
     * this push only and cleared by the caller; it is never stored.
     */
    public void pushTag(String remote, String tag, String username, char[] password) throws GitException {
        push(remote, Constants.R_TAGS + tag, "tag " + tag, username, password,
                "A tag with that name may already exist there; tags are never moved.");
    }

    /** How long a push may wait for the remote to answer. */
    static final int PUSH_TIMEOUT_SECONDS = 120;

    private void push(String remote, String ref, String what, String username, char[] password, String refusedFix)
            throws GitException {
        if (!remote.contains("/") && !remote.contains(":")
                && repository.getConfig().getString("remote", remote, "url") == null) {
            throw new GitException("The repository " + dir + " has no remote named \"" + remote + "\"; the " + what
                    + " was not pushed.", "Add it (git -C " + dir + " remote add " + remote + " URL), or give"
                    + " --remote with the name of one of its remotes or the repository's address.");
        }
        try (Git git = new Git(repository)) {
            // a remote that stops answering ends the push after PUSH_TIMEOUT_SECONDS instead of holding it forever
            var push = git.push().setRemote(remote).setRefSpecs(new RefSpec(ref + ":" + ref))
                    .setTimeout(PUSH_TIMEOUT_SECONDS);
            if (username != null && !username.isEmpty()) {
                push.setCredentialsProvider(new UsernamePasswordCredentialsProvider(username,
                        password == null ? new char[0] : password));
            }
            for (PushResult result : push.call()) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new GitException("The remote refused the " + what + ": " + update.getStatus()
                                + (update.getMessage() == null ? "" : " ("
                                + io.releasepilot.core.IoErrors.redact(update.getMessage()) + ")"), refusedFix);
                    }
                }
            }
        } catch (GitAPIException | IllegalArgumentException e) {
            // A remote URL may carry a user name and token (https://alice:TOKEN@host/…): never print them.
            throw new GitException("Could not push the " + what + " to "
                    + io.releasepilot.core.IoErrors.redact(remote) + ": "
                    + io.releasepilot.core.IoErrors.redact(e.getMessage()),
                    "Check the remote's address and your credentials (your user name and password or token, not"
                            + " written into the address).", new RedactedCause(e));
        }
    }

    /** The commit the local branch {@code branch} points at, or empty when there is no such branch. */
    public Optional<String> branchCommit(String branch) throws GitException {
        try {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
        } catch (IOException e) {
            throw new GitException("Could not read the branch " + branch + " in " + dir + ": " + e.getMessage(), "", e);
        }
    }

    /** The remote-tracking branches named {@code branch} (e.g. origin/2.4), for a fix that says where it is. */
    public List<String> remoteBranches(String branch) throws GitException {
        try {
            return repository.getRefDatabase().getRefsByPrefix(Constants.R_REMOTES).stream()
                    .map(r -> r.getName().substring(Constants.R_REMOTES.length()))
                    .filter(n -> n.endsWith("/" + branch)).sorted().toList();
        } catch (IOException e) {
            throw new GitException("Could not list the remote branches of " + dir + ": " + e.getMessage(), "", e);
        }
    }

    /** The branch HEAD is on (main, 2.4, …), or empty when HEAD is detached or names no commit yet. */
    public Optional<String> currentBranch() throws GitException {
        try {
            Ref head = repository.exactRef(Constants.HEAD);
            if (head == null || !head.isSymbolic() || head.getObjectId() == null) {
                return Optional.empty();
            }
            String target = head.getTarget().getName();
            return target.startsWith(Constants.R_HEADS) ? Optional.of(target.substring(Constants.R_HEADS.length()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new GitException("Could not read HEAD in " + dir + ": " + e.getMessage(), "", e);
        }
    }

    /** The names of the repository's remotes (origin, upstream, …), sorted. */
    public List<String> remotes() {
        return repository.getConfig().getSubsections("remote").stream().sorted().toList();
    }

    /**
     * Creates the local branch {@code branch} at {@code commit} (a full commit id), without checking it out: the
     * working tree, the index and HEAD stay as they are. Refuses a branch that exists, and an invalid name.
     */
    public void createBranch(String branch, String commit) throws GitException {
        String ref = Constants.R_HEADS + branch;
        if (!Repository.isValidRefName(ref) || branch.startsWith("-")) {
            throw new GitException("\"" + branch + "\" is not a valid branch name.",
                    "Correct the branch pattern in the release profile (e.g. {major}.{minor} gives 2.4).");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            if (repository.exactRef(ref) != null) {
                throw new GitException("The branch " + branch + " already exists in " + dir + ".",
                        "Use it as it is, or delete it first (git branch -D " + branch + ") if it was made by"
                                + " mistake.");
            }
            org.eclipse.jgit.lib.RefUpdate update = repository.updateRef(ref);
            update.setNewObjectId(walk.parseCommit(ObjectId.fromString(commit)));
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setRefLogMessage("release-pilot: release branch", false);
            org.eclipse.jgit.lib.RefUpdate.Result result = update.update(walk);
            if (result != org.eclipse.jgit.lib.RefUpdate.Result.NEW) {
                throw new GitException("Could not create the branch " + branch + " (" + result + ").",
                        "Check that the repository is not locked by another git command, then try again.");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new GitException("Could not create the branch " + branch + " in " + dir + ": "
                    + io.releasepilot.core.IoErrors.redact(e.getMessage()), "Check that you may write to the"
                    + " repository.", e);
        }
    }

    /**
     * Pushes one local branch to {@code remote} (a remote name or a URL), as {@link #pushTag} pushes a tag. A
     * remote that has the branch at another commit refuses (nothing is forced).
     */
    public void pushBranch(String remote, String branch, String username, char[] password) throws GitException {
        // the remote may be an address with a token in it: the fix names it only as the address shown elsewhere
        String shown = io.releasepilot.core.IoErrors.redact(remote);
        push(remote, Constants.R_HEADS + branch, "branch " + branch, username, password,
                "The remote has the branch at another commit; nothing is forced. Compare them (git fetch " + shown
                        + ", then git log " + branch + "..." + shown + "/" + branch + ").");
    }

    /** Whether a file exists at the repository's top in the working copy (for the profile's check). */
    public boolean hasWorkingFile(String name) {
        return Files.exists(dir.resolve(name));
    }

    /**
     * Commits {@code changes} (repository path → new content) on top of {@code startPoint} as the new branch
     * {@code branch}, without touching the working tree, the index or the current branch, so the release
     * manager reviews and pushes it when ready. Refuses a branch that exists. Returns the new commit's id.
     */
    public String commitOnNewBranch(String branch, String startPoint, java.util.Map<String, byte[]> changes,
                                    String message, String name, String email) throws GitException {
        String ref = Constants.R_HEADS + branch;
        if (!Repository.isValidRefName(ref)) {
            throw new GitException("\"" + branch + "\" is not a valid branch name.",
                    "Use letters, digits, '.', '-' and '/', e.g. bump-2.5.0a1.");
        }
        try (org.eclipse.jgit.lib.ObjectInserter inserter = repository.newObjectInserter();
             ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(repository)) {
            if (repository.exactRef(ref) != null) {
                throw new GitException("The branch " + branch + " already exists in " + dir + ".",
                        "Delete it (git branch -D " + branch + ") or choose another name.");
            }
            RevCommit base = walk.parseCommit(ObjectId.fromString(resolve(startPoint).commit()));
            org.eclipse.jgit.dircache.DirCache index = org.eclipse.jgit.dircache.DirCache.newInCore();
            org.eclipse.jgit.dircache.DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], org.eclipse.jgit.dircache.DirCacheEntry.STAGE_0, reader, base.getTree());
            builder.finish();
            org.eclipse.jgit.dircache.DirCacheEditor editor = index.editor();
            for (java.util.Map.Entry<String, byte[]> change : changes.entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, change.getValue());
                editor.add(new org.eclipse.jgit.dircache.DirCacheEditor.PathEdit(change.getKey()) {
                    @Override
                    public void apply(org.eclipse.jgit.dircache.DirCacheEntry entry) {
                        if (entry.getRawMode() == 0) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                        }
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            org.eclipse.jgit.lib.CommitBuilder commit = new org.eclipse.jgit.lib.CommitBuilder();
            PersonIdent who = new PersonIdent(name, email);
            commit.setTreeId(tree);
            commit.setParentId(base);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            org.eclipse.jgit.lib.RefUpdate update = repository.updateRef(ref);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setRefLogMessage("release-pilot: next version", false);
            org.eclipse.jgit.lib.RefUpdate.Result result = update.update(walk);
            if (result != org.eclipse.jgit.lib.RefUpdate.Result.NEW) {
                throw new GitException("Could not create the branch " + branch + " (" + result + ").",
                        "Check that the repository is not locked by another git command, then try again.");
            }
            return id.name();
        } catch (IOException e) {
            throw new GitException("Could not commit the next version in " + dir + ": " + e.getMessage(),
                    "Check that you may write to the repository.", e);
        }
    }

    /** The local branches' short names (main, 2.4, …). */
    public List<String> branches() throws GitException {
        try {
            return repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                    .map(r -> r.getName().substring(Constants.R_HEADS.length())).sorted().toList();
        } catch (IOException e) {
            throw new GitException("Could not list the branches of " + dir + ": " + e.getMessage(), "", e);
        }
    }

    /** Every file of {@code commit} whose path matches {@code wanted}, with its content (small files only). */
    public java.util.Map<String, byte[]> files(String commit, java.util.function.Predicate<String> wanted,
                                               int maxBytes) throws GitException {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tw = new TreeWalk(repository)) {
            tw.addTree(walk.parseCommit(ObjectId.fromString(resolve(commit).commit())).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                if (wanted.test(tw.getPathString()) && tw.getFileMode(0) == FileMode.REGULAR_FILE
                        || wanted.test(tw.getPathString()) && tw.getFileMode(0) == FileMode.EXECUTABLE_FILE) {
                    var loader = repository.open(tw.getObjectId(0));
                    if (loader.getSize() <= maxBytes) {
                        out.put(tw.getPathString(), loader.getBytes());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new GitException("Could not read the files of " + commit + " in " + dir + ": " + e.getMessage(),
                    "", e);
        }
    }

    @Override
    public void close() {
        submoduleRepositories.forEach(Repository::close);
        repository.close();
    }

    @Override
    public String toString() {
        return "GitRepository[" + dir + "]";
    }

    /** Keeps the kind of a push failure for the log, without its message (it may hold a URL's credentials). */
    private static final class RedactedCause extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedCause(Exception e) {
            super(e.getClass().getName() + ": " + io.releasepilot.core.IoErrors.redact(e.getMessage()));
            setStackTrace(e.getStackTrace());
        }
    }

    static List<String> split(String path) {
        return Arrays.asList(path.split("/"));
    }
}
