#!/usr/bin/env bash
# Benchmark: `release-pilot verify` against what a voter runs by hand, in the same run.
#
#   src/bench/verify-bench.sh [REPETITIONS] [TOTAL_MIB]
#
# Makes an RC folder of three artifacts (about TOTAL_MIB MiB in all, default 1024), each signed with a fresh
# RSA-4096 key (SHA-512) and with a .sha512 from sha512sum. Then, REPETITIONS times (default 5), it times:
#   manual   gpg --verify for each artifact, then sha512sum -c for each (what the ASF guides tell voters)
#   ours     java -jar target/release-pilot.jar verify DIR --keys KEYS
#   sha512   sha512sum over the same bytes, alone
# and prints the medians and the ratios ours/manual and ours/sha512 as a Markdown table. A warm-up pass runs
# first so that every contender reads from the page cache. Finally it verifies a 4 GiB artifact with -Xmx128m
# and reports the peak resident memory. Needs gpg, sha512sum, GNU time, and Maven to build the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-5}
total=${2:-1024}
work=$(mktemp -d /tmp/rp-bench.XXXXXX)
trap 'gpgconf --homedir "$work/gnupg" --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

[ -f target/release-pilot.jar ] || mvn -q -B -DskipTests package
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch -q --pinentry-mode loopback --passphrase '' --quick-gen-key "Bench RM <bench@apache.org>" rsa4096 sign 0
rc="$work/1.0.0-rc1"
mkdir -p "$rc"
sizes=($((total / 2)) $((total * 3 / 8)) $((total - total / 2 - total * 3 / 8)))
names=(apache-bench-1.0.0-bin.tar.gz apache-bench-1.0.0-bin.zip apache-bench-1.0.0.jar)
for i in 0 1 2; do
  f="$rc/${names[$i]}"
  head -c "${sizes[$i]}M" /dev/urandom > "$f"
  gpg --batch -q --armor --digest-algo SHA512 --detach-sign "$f"
  (cd "$rc" && sha512sum "${names[$i]}" > "${names[$i]}.sha512")
done
gpg --batch -q --armor --export > "$work/KEYS"

manual() {
  for n in "${names[@]}"; do gpg --batch -q --verify "$rc/$n.asc" "$rc/$n" 2>/dev/null; done
  (cd "$rc" && for n in "${names[@]}"; do sha512sum --quiet -c "$n.sha512"; done)
}
ours() { java -jar target/release-pilot.jar verify "$rc" --keys "$work/KEYS" > /dev/null; }
alone() { (cd "$rc" && sha512sum "${names[@]}" > /dev/null); }
seconds() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

manual; ours; alone   # warm-up: every contender then reads from the page cache
m=(); o=(); s=()
for ((r = 1; r <= reps; r++)); do
  m+=("$(seconds manual)"); o+=("$(seconds ours)"); s+=("$(seconds alone)")
done
mm=$(median "${m[@]}"); mo=$(median "${o[@]}"); ms=$(median "${s[@]}")
echo
echo "RC folder: 3 artifacts, $total MiB, RSA-4096/SHA-512 signatures, $reps repetitions, $(nproc) cores"
echo
echo "| contender | median seconds |"
echo "|---|---|"
printf '| manual: gpg --verify + sha512sum -c, each artifact | %.2f |\n' "$mm"
printf '| release-pilot verify | %.2f |\n' "$mo"
printf '| sha512sum alone over the same bytes | %.2f |\n' "$ms"
echo
printf 'ratio ours / manual: %.2f (target <= 0.5)\n' "$(echo "$mo / $mm" | bc -l)"
printf 'ratio ours / sha512sum alone: %.2f (target <= 1.2)\n' "$(echo "$mo / $ms" | bc -l)"

# Memory: a 4 GiB artifact with a 128 MiB heap.
big="$work/big"
mkdir -p "$big"
head -c 4G /dev/zero > "$big/apache-bench-1.0.0-large-bin.tar.gz"
gpg --batch -q --armor --digest-algo SHA512 --detach-sign "$big/apache-bench-1.0.0-large-bin.tar.gz"
(cd "$big" && sha512sum apache-bench-1.0.0-large-bin.tar.gz > apache-bench-1.0.0-large-bin.tar.gz.sha512)
/usr/bin/time -f '%M %e' -o "$work/time.txt" java -Xmx128m -jar target/release-pilot.jar verify "$big" \
  --keys "$work/KEYS" > "$work/big.txt"
read -r rss secs < "$work/time.txt"
echo
echo "4 GiB artifact with -Xmx128m: $(tail -1 "$work/big.txt") in ${secs}s, peak RSS $((rss / 1024)) MiB"
