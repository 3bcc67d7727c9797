#!/usr/bin/env bash
# Benchmark: signing and checksumming one artifact with Release Pilot against what a release manager runs by
# hand, in the same run, REPETITIONS times each (default 5), medians.
#   manual  gpg --armor --detach-sign --digest-algo SHA512 FILE, then sha512sum FILE > FILE.sha512
#   ours    java -jar target/release-pilot.jar sign FILE --key FPR (writes FILE.asc and FILE.sha512, and checks
#           the new signature against the public key)
# Both sign with an RSA-4096 key without smartcard. A warm-up pass puts the file in the page cache first.
#
#   src/bench/sign-bench.sh [REPETITIONS] [SIZE_MIB]
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-5}
size=${2:-1024}
work=$(mktemp -d /tmp/rp-sign.XXXXXX)
trap 'gpgconf --homedir "$work/gnupg" --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ -f target/release-pilot.jar ] || mvn -q -B -DskipTests package
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch -q --pinentry-mode loopback --passphrase '' --quick-gen-key "Bench RM <bench@apache.org>" rsa4096 sign 0
printf 'bench passphrase\n' > "$work/pass"
fpr=$(java -jar target/release-pilot.jar keys generate --home "$work/rp" --name "Bench RM" \
  --email bench@apache.org --passphrase-file "$work/pass" 2>/dev/null | tail -1)
mkdir -p "$work/a" "$work/b"
head -c "${size}M" /dev/urandom > "$work/a/apache-bench-1.0.0-src.tar.gz"
cp "$work/a/apache-bench-1.0.0-src.tar.gz" "$work/b/"

manual() {
  gpg --batch --yes -q --armor --digest-algo SHA512 --detach-sign "$work/a/apache-bench-1.0.0-src.tar.gz"
  (cd "$work/a" && sha512sum apache-bench-1.0.0-src.tar.gz > apache-bench-1.0.0-src.tar.gz.sha512)
}
ours() {
  java -jar target/release-pilot.jar sign --home "$work/rp" --key "$fpr" --passphrase-file "$work/pass" \
    "$work/b/apache-bench-1.0.0-src.tar.gz" > /dev/null
}
seconds() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

manual; ours
m=(); o=()
for ((r = 1; r <= reps; r++)); do
  m+=("$(seconds manual)"); o+=("$(seconds ours)")
done
mm=$(median "${m[@]}"); mo=$(median "${o[@]}")
echo "One $size MiB artifact, RSA-4096, SHA-512, $reps repetitions, $(nproc) cores"
echo
echo "| contender | median seconds |"
echo "|---|---|"
printf '| manual: gpg --armor --detach-sign + sha512sum | %.2f |\n' "$mm"
printf '| release-pilot sign (JVM start and signature check included) | %.2f |\n' "$mo"
echo
printf 'ratio release-pilot / manual: %.2f (target <= 0.6)\n' "$(echo "$mo / $mm" | bc -l)"
(cd "$work/b" && sha512sum -c --quiet apache-bench-1.0.0-src.tar.gz.sha512) && echo "sha512sum -c: OK"
gpg --batch -q --import <(java -jar target/release-pilot.jar keys export --home "$work/rp" --key "$fpr") 2>/dev/null
gpg --batch -q --verify "$work/b/apache-bench-1.0.0-src.tar.gz.asc" "$work/b/apache-bench-1.0.0-src.tar.gz" \
  && echo "gpg --verify: OK"
