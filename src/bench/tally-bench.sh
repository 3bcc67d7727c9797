#!/usr/bin/env bash
# Benchmark: `release-pilot vote tally` on a 2,000-message mbox against a naive reference in the same run.
#
#   src/bench/tally-bench.sh [REPETITIONS] [MESSAGES]
#
# Generates (src/bench/GenerateVoteMbox.java) an mbox of MESSAGES mails (default 2000): one [VOTE] thread of
# 300 replies in the shapes of real clients among other threads. Then, REPETITIONS times (default 7), it times:
#   reference  python3's mailbox + email packages reading the same mbox and counting lines that start with +1
#              in the thread's text/plain parts (what a quick script, or the ASF's heuristic tools, do)
#   ours       java -jar target/release-pilot.jar vote tally --mbox ... --roster ... --json (JVM start included)
#   ours, C1   the same with java -XX:TieredStopAtLevel=1 (no C2 compiler threads competing for the cores)
# and prints the medians and the ratio ours/reference as a Markdown table; finally the in-process time of the
# tally alone (src/bench/TallyBench.java, after a warm-up), whose target is under one second.
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-7}
messages=${2:-2000}
work=$(mktemp -d /tmp/rp-tally-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

[ -f target/release-pilot.jar ] || mvn -q -B -DskipTests package
java src/bench/GenerateVoteMbox.java "$work/list.mbox" "$work/roster.txt" "$messages" 300

cat > "$work/reference.py" <<'PY'
import mailbox, sys
n = 0
for msg in mailbox.mbox(sys.argv[1]):
    if "[VOTE]" not in (msg.get("Subject") or ""):
        continue
    for part in msg.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8", "replace")
            n += sum(1 for line in text.splitlines() if line.strip().startswith("+1"))
print(n)
PY

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { local s e; s=$(date +%s.%N); "$@" >/dev/null || true; e=$(date +%s.%N); echo "$e - $s" | bc; }

python3 "$work/reference.py" "$work/list.mbox" >/dev/null
java -jar target/release-pilot.jar vote tally --mbox "$work/list.mbox" --roster "$work/roster.txt" \
  --now 2026-12-01T00:00:00Z --json >/dev/null || true
ref=(); ours=(); c1=()
for _ in $(seq "$reps"); do
  ref+=("$(timeit python3 "$work/reference.py" "$work/list.mbox")")
  ours+=("$(timeit java -jar target/release-pilot.jar vote tally --mbox "$work/list.mbox" --roster "$work/roster.txt" \
    --now 2026-12-01T00:00:00Z --json)")
  c1+=("$(timeit java -XX:TieredStopAtLevel=1 -jar target/release-pilot.jar vote tally --mbox "$work/list.mbox" \
    --roster "$work/roster.txt" --now 2026-12-01T00:00:00Z --json)")
done
r=$(printf '%s\n' "${ref[@]}" | median)
o=$(printf '%s\n' "${ours[@]}" | median)
q=$(printf '%s\n' "${c1[@]}" | median)
echo "| contender | median seconds |"
echo "|---|---|"
echo "| reference: python3 mailbox + email, naive +1 count | $r |"
echo "| release-pilot vote tally (JVM start included) | $o |"
echo "| release-pilot vote tally, java -XX:TieredStopAtLevel=1 | $q |"
echo
echo "ratio release-pilot / reference: $(echo "scale=2; $o / $r" | bc); with C1 only: $(echo "scale=2; $q / $r" | bc)"
java -cp "target/release-pilot.jar:target/lib/*" src/bench/TallyBench.java "$work/list.mbox" "$work/roster.txt" "$reps"
