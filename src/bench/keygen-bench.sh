#!/usr/bin/env bash
# Benchmark: making an RSA-4096 release key (primary [SC] + encryption subkey [E]) with Release Pilot against
# gpg making the same pair (gpg --quick-gen-key ... rsa4096 sign, then --quick-add-key ... rsa4096 encr),
# in the same run, REPETITIONS times each (default 7), medians. RSA key generation time varies a lot from
# run to run (it searches for random primes), so use enough repetitions.
#
#   src/bench/keygen-bench.sh [REPETITIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-7}
work=$(mktemp -d /tmp/rp-keygen.XXXXXX)
trap 'gpgconf --homedir "$work/gnupg" --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ -f target/release-pilot.jar ] || mvn -q -B -DskipTests package
printf 'benchmark passphrase\n' > "$work/pass"
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"

seconds() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
gpg_pair() {
  local uid="Bench $RANDOM$RANDOM <bench@apache.org>" fpr
  gpg --batch --pinentry-mode loopback --passphrase 'benchmark passphrase' --quick-gen-key "$uid" rsa4096 sign 0
  fpr=$(gpg --with-colons --list-keys "$uid" | awk -F: '/^fpr/ {print $10; exit}')
  gpg --batch --pinentry-mode loopback --passphrase 'benchmark passphrase' --quick-add-key "$fpr" rsa4096 encr 0
}
ours() {
  java -jar target/release-pilot.jar keys generate --home "$work/rp" --name "Bench User" \
    --email bench@apache.org --passphrase-file "$work/pass"
}

g=(); o=()
for ((r = 1; r <= reps; r++)); do
  g+=("$(seconds gpg_pair)"); o+=("$(seconds ours)")
done
mg=$(median "${g[@]}"); mo=$(median "${o[@]}")
echo "RSA-4096 primary + subkey, $reps repetitions each, $(nproc) cores"
echo
echo "| contender | median seconds | all runs |"
echo "|---|---|---|"
printf '| gpg --quick-gen-key + --quick-add-key | %.2f | %s |\n' "$mg" "$(printf '%.1f ' "${g[@]}")"
printf '| release-pilot keys generate (JVM start included) | %.2f | %s |\n' "$mo" "$(printf '%.1f ' "${o[@]}")"
echo
printf 'ratio release-pilot / gpg: %.2f (target <= 1.0)\n' "$(echo "$mo / $mg" | bc -l)"
