#!/usr/bin/env bash
# Benchmark: building the source archive of a tag with Release Pilot against
#   git archive --format=tar.gz --prefix=apache-bench-1.0.0-src/ TAG
# on the same tag of a generated repository (20,000 files, about 330 MB, packed), in the same run,
# REPETITIONS times each (default 5), medians. Both compress with gzip level 6 (git archive pipes through
# gzip -cn). Release Pilot runs with --skip-preflight, so both do the same work: read the tag's tree, write
# tar, gzip it. A warm-up pass of each runs first.
#
#   src/bench/source-bench.sh [REPETITIONS] [FILES]
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-5}
files=${2:-20000}
work=$(mktemp -d /tmp/rp-source.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -f target/release-pilot.jar ] || mvn -q -B -DskipTests package
repo="$work/repo"
java src/bench/GenerateRepo.java "$repo" "$files" 16
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=Bench -c user.email=bench@apache.org add -A
git -C "$repo" -c gc.auto=0 -c user.name=Bench -c user.email=bench@apache.org commit -q -m "Generated tree"
git -C "$repo" -c user.name=Bench -c user.email=bench@apache.org tag -a v1.0.0-rc1 -m rc1
git -C "$repo" repack -adq
size=$(du -sm "$repo" --exclude=.git | cut -f1)
count=$(git -C "$repo" ls-tree -r v1.0.0-rc1 | wc -l)

theirs() { git -C "$repo" archive --format=tar.gz --prefix=apache-bench-1.0.0-src/ -o "$work/git.tar.gz" v1.0.0-rc1; }
ours() {
  java -jar target/release-pilot.jar source build --skip-preflight --repo "$repo" --tag v1.0.0-rc1 \
    --project bench --version 1.0.0 --out "$work/out" > /dev/null 2>&1
}
seconds() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

theirs; ours
g=(); o=()
for ((r = 1; r <= reps; r++)); do
  g+=("$(seconds theirs)"); o+=("$(seconds ours)")
done
mg=$(median "${g[@]}"); mo=$(median "${o[@]}")
echo "Tag of a packed repository: $count files, $size MB, $reps repetitions, $(nproc) cores"
echo
echo "| contender | median seconds | archive size |"
echo "|---|---|---|"
printf '| git archive --format=tar.gz | %.2f | %s |\n' "$mg" "$(du -h "$work/git.tar.gz" | cut -f1)"
printf '| release-pilot source build (JVM start included) | %.2f | %s |\n' "$mo" \
  "$(du -h "$work/out/apache-bench-1.0.0-src.tar.gz" | cut -f1)"
echo
printf 'ratio release-pilot / git archive: %.2f (target <= 0.7)\n' "$(echo "$mo / $mg" | bc -l)"
cmp <(tar -tzf "$work/git.tar.gz" | grep -v '/\.' | sort) <(tar -tzf "$work/out/apache-bench-1.0.0-src.tar.gz" | sort) \
  && echo "same file list as git archive (minus dot files): OK"
