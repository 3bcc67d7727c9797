package io.releasepilot.mail;

import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.KeysFileOutputs;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.SignOutputs;
import io.releasepilot.release.SourceOutputs;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepRecord;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.release.ReleaseRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads what the earlier steps recorded in release.json into the {@link MailData} the templates use. */
final class RecordMailData {
    private RecordMailData() {
    }

    static MailData from(ReleaseRecord r, String notes, Map<MailInput, String> inputs) {
        SourceOutputs source = r.outputs(StepId.SOURCE, SourceOutputs.class);
        SignOutputs sign = r.outputs(StepId.SIGN, SignOutputs.class);
        StageOutputs stage = r.outputs(StepId.STAGE, StageOutputs.class);
        KeysFileOutputs keys = r.outputs(StepId.KEYS_FILE, KeysFileOutputs.class);
        // The vote mail says the key is in KEYS: only once the KEYS step recorded it (a local KEYS that was then
        // committed by hand stands for the profile's dist/release KEYS).
        String keysUrl = keys == null ? null : keys.url() != null && keys.url().startsWith("https://") ? keys.url()
                : r.profile().distReleaseUrl().isEmpty() ? null : r.profile().distReleaseUrl() + "KEYS";
        return new MailData(r.profile(), source == null ? null : source.tag(), source == null ? null : source.commitId(),
                artifacts(source, sign), sign == null ? null : sign.fingerprint(), stage == null ? null : stage.url(),
                keysUrl, notes, tally(r, StepId.TALLY), tally(r, StepId.IPMC_TALLY), sent(r, StepId.VOTE),
                sent(r, StepId.IPMC_VOTE), publishedAt(r), inputs);
    }

    /** The signed files with the SHA-512 their signature covers; else the built archives. */
    private static List<MailData.Artifact> artifacts(SourceOutputs source, SignOutputs sign) {
        List<MailData.Artifact> out = new ArrayList<>();
        if (sign != null && !sign.files().isEmpty()) {
            for (SignOutputs.SignedFile f : sign.files()) {
                if (f.artifact() != null && f.artifactSha512() != null) {
                    out.add(new MailData.Artifact(f.artifact(), f.artifactSha512()));
                }
            }
        } else if (source != null) {
            for (ArtifactRecord a : source.artifacts()) {
                if (a.sha512() != null) {
                    out.add(new MailData.Artifact(a.file(), a.sha512()));
                }
            }
        }
        return out;
    }

    private static VoteTally tally(ReleaseRecord r, StepId step) {
        TallyOutputs t = r.outputs(step, TallyOutputs.class);
        if (t == null || t.binding() == null || t.nonBinding() == null) {
            return null;
        }
        List<VoteTally.Voter> voters = t.voters().stream().filter(v -> v.name() != null && v.vote() != null)
                .map(v -> new VoteTally.Voter(v.name(), v.vote(), v.binding())).toList();
        return new VoteTally(t.passed(), t.canClose(), t.closesAt(),
                new VoteTally.Counts(t.binding().plus(), t.binding().zero(), t.binding().minus()),
                new VoteTally.Counts(t.nonBinding().plus(), t.nonBinding().zero(), t.nonBinding().minus()),
                voters, t.threadUrl());
    }

    private static SentMail sent(ReleaseRecord r, StepId step) {
        MailOutputs m = r.outputs(step, MailOutputs.class);
        if (m == null || m.messageId() == null || !m.messageId().startsWith("<") || !m.messageId().endsWith(">")) {
            return null;
        }
        return new SentMail(m.messageId(), m.subject(), m.sentAt(), m.closesAt());
    }

    private static Instant publishedAt(ReleaseRecord r) {
        StepRecord publish = r.step(StepId.PUBLISH);
        return publish.status() == StepState.DONE ? publish.at() : null;
    }
}
