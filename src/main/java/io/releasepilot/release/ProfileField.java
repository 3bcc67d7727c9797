package io.releasepilot.release;

/** The fields of a release profile, with the label the user sees and an example of a right value. */
public enum ProfileField {
    PROJECT_ID("Project id", "kvrocks"),
    DISPLAY_NAME("Display name", "Apache Kvrocks"),
    VERSION("Version", "2.4.0"),
    RC_NUMBER("RC number", "1"),
    GIT_REPOSITORY("Git repository", "/home/me/src/kvrocks"),
    RC_TAG_PATTERN("RC tag pattern", "v{version}-rc{rc}"),
    RELEASE_TAG_PATTERN("Release tag pattern", "v{version}"),
    BRANCH_PATTERN("Branch pattern", "{major}.{minor}"),
    DIST_DEV_URL("Dist dev URL", "https://dist.apache.org/repos/dist/dev/kvrocks/"),
    DIST_RELEASE_URL("Dist release URL", "https://dist.apache.org/repos/dist/release/kvrocks/"),
    DEV_LIST("Dev list", "dev@kvrocks.apache.org"),
    ANNOUNCE_LIST("Announce list", "announce@apache.org"),
    RM_NAME("Your name", "Jane Doe"),
    RM_APACHE_ID("Your Apache id", "jdoe"),
    RM_EMAIL("Your email", "jdoe@apache.org"),
    SIGNING_KEY("Signing key fingerprint", "0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567");

    private final String label;
    private final String example;

    ProfileField(String label, String example) {
        this.label = label;
        this.example = example;
    }

    public String label() {
        return label;
    }

    public String example() {
        return example;
    }
}
