import io.releasepilot.core.Progress;
import io.releasepilot.mail.inbox.ReadResult;
import io.releasepilot.vote.Roster;
import io.releasepilot.vote.Tally;
import io.releasepilot.vote.TallyResult;
import io.releasepilot.vote.ThreadSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times the tally in one JVM (read the mbox, find the thread, classify every line, count): a warm-up, then
 * REPETITIONS timed runs; prints the median and every run in milliseconds, and the count as a check.
 * Run with: java -cp "target/release-pilot.jar:target/lib/*" src/bench/TallyBench.java MBOX ROSTER [REPETITIONS]
 */
public class TallyBench {
    public static void main(String[] args) throws Exception {
        Path mbox = Path.of(args[0]);
        Roster roster = Roster.readPlain(Path.of(args[1]));
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        TallyResult r = null;
        for (int i = 0; i < 3; i++) {
            r = tally(mbox, roster, now);
        }
        long[] ms = new long[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r = tally(mbox, roster, now);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.println("in-process tally of " + mbox.getFileName() + ": median " + sorted[reps / 2] + " ms, runs "
                + Arrays.toString(ms) + "; " + r.voters().size() + " voters, binding " + r.binding() + ", passed " + r.passed());
    }

    static TallyResult tally(Path mbox, Roster roster, Instant now) throws Exception {
        ReadResult read = new ThreadSource.Mbox(mbox).read(null, Progress.NONE);
        return Tally.count(read, null, roster, Map.of(), List.of(), now, List.of());
    }
}
