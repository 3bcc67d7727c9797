package io.releasepilot;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "io.releasepilot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses()
            .that().resideOutsideOfPackages("io.releasepilot.gui..", "io.releasepilot.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the core, the CLI and the tests share logic that must run without JavaFX");

    @ArchTest
    static final ArchRule coreDoesNotKnowItsFaces = noClasses()
            .that().resideOutsideOfPackages("io.releasepilot.gui..", "io.releasepilot.app..", "io.releasepilot.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.releasepilot.gui..", "io.releasepilot.cli..",
                    "io.releasepilot.app..")
            .because("core services are used by the GUI and the CLI, never the other way round");

    @ArchTest
    static final ArchRule onlyPgpUsesBouncyCastle = noClasses()
            .that().resideOutsideOfPackage("io.releasepilot.pgp..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..", "org.pgpainless..")
            .because("if the OpenPGP library changes, only the pgp package changes");

    @ArchTest
    static final ArchRule onlyGitUsesJGit = noClasses()
            .that().resideOutsideOfPackage("io.releasepilot.git..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..")
            .because("if the git library changes, only the git package changes");

    @ArchTest
    static final ArchRule onlySvnUsesSvnKit = noClasses()
            .that().resideOutsideOfPackage("io.releasepilot.svn..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tmatesoft..")
            .because("if the Subversion library changes, only the svn package changes");

    @ArchTest
    static final ArchRule onlyMailUsesJakartaMail = noClasses()
            .that().resideOutsideOfPackage("io.releasepilot.mail..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
            .because("if the mail library changes, only the mail package changes");

    @ArchTest
    static final ArchRule onlyVerifyUsesRat = noClasses()
            .that().resideOutsideOfPackage("io.releasepilot.verify..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.rat..")
            .because("the license-header check is the verifier's; other packages ask it");

    /** The GUI packages of the steps and windows; none may use another. */
    static final String[] STEP_GUIS = {"profile", "verify", "keys", "source", "sign", "notes", "check", "mail",
            "tally", "stage", "publish", "prune", "nextversion", "branch", "timeline"};

    @ArchTest
    static void stepGuisAreIndependent(com.tngtech.archunit.core.domain.JavaClasses classes) {
        for (String step : STEP_GUIS) {
            String[] others = java.util.Arrays.stream(STEP_GUIS).filter(o -> !o.equals(step))
                    .map(o -> "io.releasepilot.gui." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.releasepilot.gui." + step + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a step's GUI package never depends on another step's")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule wizardKnowsNoStep = noClasses()
            .that().resideInAnyPackage("io.releasepilot.gui.wizard..", "io.releasepilot.gui.common..")
            .should().dependOnClassesThat().resideInAnyPackage("io.releasepilot.gui.profile..",
                    "io.releasepilot.gui.verify..", "io.releasepilot.gui.keys..", "io.releasepilot.gui.source..",
                    "io.releasepilot.gui.sign..", "io.releasepilot.gui.notes..", "io.releasepilot.gui.check..",
                    "io.releasepilot.gui.mail..", "io.releasepilot.gui.tally..", "io.releasepilot.gui.stage..",
                    "io.releasepilot.gui.publish..", "io.releasepilot.gui.prune..", "io.releasepilot.gui.nextversion..",
                    "io.releasepilot.gui.branch..", "io.releasepilot.gui.timeline..")
            .because("the composition root hands the steps to the wizard");

    /** The value records of pgp and git that may cross into the faces; the rest is reached through services. */
    static final java.util.Set<String> CROSSING_VALUES = java.util.Set.of(
            "io.releasepilot.pgp.Fingerprint", "io.releasepilot.pgp.KeyInfo", "io.releasepilot.pgp.KeySpec",
            "io.releasepilot.pgp.KeyringException", "io.releasepilot.pgp.SignatureCheck",
            "io.releasepilot.pgp.SignatureStatus", "io.releasepilot.pgp.SignerDetails",
            "io.releasepilot.pgp.GnuPgHome$Entry", "io.releasepilot.git.GitException");

    @ArchTest
    static final ArchRule facesReachGitAndPgpThroughServices = noClasses()
            .that().resideInAnyPackage("io.releasepilot.gui..", "io.releasepilot.cli..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are in git or pgp and are not one of " + CROSSING_VALUES,
                    (com.tngtech.archunit.core.domain.JavaClass c) -> (c.getPackageName().startsWith("io.releasepilot.git")
                            || c.getPackageName().startsWith("io.releasepilot.pgp"))
                            && !CROSSING_VALUES.contains(c.getName())))
            .because("the window and the command line share one service per step (KeyService, SourceService,"
                    + " SignService, NotesService, CheckService); only value records cross");
}
