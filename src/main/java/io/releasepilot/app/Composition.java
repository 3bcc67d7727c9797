package io.releasepilot.app;

import io.releasepilot.core.AppHome;
import io.releasepilot.check.CheckService;
import io.releasepilot.gui.branch.BranchStep;
import io.releasepilot.gui.check.CheckStep;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.wizard.SummaryStep;
import io.releasepilot.gui.keys.KeysStep;
import io.releasepilot.gui.mail.MailClientOpener;
import io.releasepilot.gui.mail.MailPane;
import io.releasepilot.gui.mail.MailStep;
import io.releasepilot.gui.nextversion.NextVersionStep;
import io.releasepilot.gui.timeline.TimelineStep;
import io.releasepilot.mail.SmtpSender;
import io.releasepilot.gui.notes.NotesStep;
import io.releasepilot.gui.sign.SignStep;
import io.releasepilot.gui.source.SourceStep;
import io.releasepilot.gui.profile.ProfileStep;
import io.releasepilot.gui.tally.TallyStep;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.gui.wizard.MainWindow;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.settings.SettingsStore;

import io.releasepilot.gui.prune.PruneStep;
import io.releasepilot.gui.publish.PublishStep;
import io.releasepilot.gui.stage.StageStep;
import io.releasepilot.svn.DistOptions;
import java.util.List;

/** The composition root: builds the window's object graph with plain {@code new}. */
public final class Composition {
    private Composition() {
    }

    public static MainWindow mainWindow(AppHome home, DialogService dialogs, Runnable verify) {
        return mainWindow(home, dialogs, verify, KeySpec.DEFAULT_BITS);
    }

    /** As above; {@code keyBits} is smaller only in tests, to keep them fast. */
    public static MainWindow mainWindow(AppHome home, DialogService dialogs, Runnable verify, int keyBits) {
        return mainWindow(home, dialogs, verify, keyBits, new SmtpSender(), Composition::openWithDesktop);
    }

    /** As above, with the SMTP client and the mail-client opener given (tests: a test server, no desktop). */
    public static MainWindow mainWindow(AppHome home, DialogService dialogs, Runnable verify, int keyBits,
                                        SmtpSender smtp, MailClientOpener opener) {
        return mainWindow(home, dialogs, verify, keyBits, smtp, opener, java.time.Clock.systemUTC());
    }

    /**
     * As above, with the clock the mails, the vote count and the timeline go by (a rehearsal moves it past the
     * vote's 72 hours and the day before the announcement).
     */
    public static MainWindow mainWindow(AppHome home, DialogService dialogs, Runnable verify, int keyBits,
                                        SmtpSender smtp, MailClientOpener opener, java.time.Clock clock) {
        SettingsStore settingsStore = new SettingsStore(home);
        ReleaseSession session = new ReleaseSession(new ReleaseStore(), settingsStore, settingsStore.loadOrEmpty());
        KeyService keys = new KeyService(home);
        return new MainWindow(session, dialogs, () -> steps(session, dialogs, keys, keyBits, smtp, opener, clock),
                verify);
    }

    /**
     * The wizard's steps, in the order of the release: the plan mail, key and KEYS, notes, branch, source, sign, check,
     * stage, the vote and its count, the result (or the cancel and the next RC), the podling round (shown only
     * for podlings), publish, prune, the announcement and the next version; then the timeline (the dated checklist) and the summary.
     * Only steps that exist are listed.
     */
    static List<WizardStep> steps(ReleaseSession session, DialogService dialogs, KeyService keys, int keyBits,
                                  SmtpSender smtp, MailClientOpener opener, java.time.Clock clock) {
        java.util.function.Function<MailPane, WizardStep> mail = pane -> new MailStep(session, dialogs, smtp, opener,
                pane, clock);
        return List.of(new ProfileStep(session, dialogs), mail.apply(MailPane.PLAN),
                new KeysStep(session, dialogs, keys, keyBits), new NotesStep(session), new BranchStep(session, dialogs), new SourceStep(session, keys),
                new SignStep(session, keys), new CheckStep(session, dialogs, new CheckService(keys)),
                new StageStep(session, dialogs, DistOptions.DEFAULT), mail.apply(MailPane.VOTE),
                new TallyStep(session, dialogs, clock), mail.apply(MailPane.RESULT), mail.apply(MailPane.IPMC_VOTE),
                new TallyStep(session, dialogs, clock, true), mail.apply(MailPane.IPMC_RESULT),
                new PublishStep(session, dialogs, DistOptions.DEFAULT), new PruneStep(session, dialogs,
                        DistOptions.DEFAULT), mail.apply(MailPane.ANNOUNCE), new NextVersionStep(session, dialogs, keys),
                new TimelineStep(session, clock), new SummaryStep(session));
    }

    /** Opens a mailto: link or an .eml file with the desktop's mail client. */
    static void openWithDesktop(java.net.URI uri) throws java.io.IOException {
        if (!java.awt.Desktop.isDesktopSupported()) {
            throw new java.io.IOException("this desktop offers no way to open a mail client");
        }
        java.awt.Desktop desktop = java.awt.Desktop.getDesktop();
        if ("mailto".equals(uri.getScheme())) {
            desktop.mail(uri);
        } else {
            desktop.open(java.nio.file.Path.of(uri).toFile());
        }
    }
}
