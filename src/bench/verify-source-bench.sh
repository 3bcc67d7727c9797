#!/usr/bin/env bash
# Benchmark: `release-pilot verify` of a large SOURCE release against what a voter runs by hand.
#
#   src/bench/verify-source-bench.sh [REPETITIONS] [FILES] [TOTAL_MB]
#
# Generates a source release of FILES text files (default 20,000) with ASF headers, about TOTAL_MB MB
# unpacked (default 150), packs it as apache-bench-1.0.0-src.tar.gz (tar + gzip), signs it with a fresh
# RSA-4096 key (SHA-512) and writes a .sha512 with sha512sum. Then, REPETITIONS times (default 5), it times in
# pairs, back to back:
#   manual   gpg --verify + sha512sum -c (what the ASF guides tell voters; it does not look inside)
#   ours     java -jar target/release-pilot.jar verify DIR --keys KEYS --json   (signature, checksum, and the
#            content checks: layout, LICENSE/NOTICE, compiled files, license headers of all FILES files)
#   binary   the same archive renamed -bin.tar.gz, so release-pilot skips the content checks
# and prints the medians, the median of the per-pair ratios ours/manual, and the share of our time the content
# checks take ((ours - binary) / ours). A warm-up pass runs first so every contender reads from the page cache.
# Needs gpg, sha512sum, tar, gzip, python3, bc, and Maven to build the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-5}
files=${2:-20000}
total=${3:-150}
work=$(mktemp -d /tmp/rp-srcbench.XXXXXX)
trap 'gpgconf --homedir "$work/gnupg" --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

[ -f target/release-pilot.jar ] || mvn -q -B -DskipTests package
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch -q --pinentry-mode loopback --passphrase '' --quick-gen-key "Bench RM <bench@apache.org>" rsa4096 sign 0
gpg --batch -q --armor --export > "$work/KEYS"

top=apache-bench-1.0.0-src
python3 - "$work/$top" "$files" "$total" "$(date -u +%Y)" <<'PY'
import os, random, sys
root, files, total, year = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) * 1000 * 1000, sys.argv[4]
header = """/*
 * Licensed to the Apache Software Foundation (ASF) under one
 * or more contributor license agreements.  See the NOTICE file
 * distributed with this work for additional information
 * regarding copyright ownership.  The ASF licenses this file
 * to you under the Apache License, Version 2.0 (the
 * "License"); you may not use this file except in compliance
 * with the License.  You may obtain a copy of the License at
 *
 *   http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an
 * "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
 * KIND, either express or implied.  See the License for the
 * specific language governing permissions and limitations
 * under the License.
 */
"""
rnd = random.Random(7)
words = ["int", "value", "return", "public", "class", "final", "static", "if", "else", "for", "while", "count",
         "buffer", "index", "node", "result", "String", "List", "Map", "new", "this", "null", "void", "long"]
os.makedirs(root)
with open(os.path.join(root, "LICENSE"), "w") as f:
    f.write("Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n")
with open(os.path.join(root, "NOTICE"), "w") as f:
    f.write(f"Apache Bench\nCopyright {year} The Apache Software Foundation\n")
per = total // files
for i in range(files):
    d = os.path.join(root, "src", "main", "java", "org", "apache", "bench", f"p{i % 200:03d}")
    os.makedirs(d, exist_ok=True)
    body = []
    size = len(header)
    while size < per:
        line = "    " + " ".join(rnd.choice(words) for _ in range(10)) + ";\n"
        body.append(line)
        size += len(line)
    with open(os.path.join(d, f"File{i:05d}.java"), "w") as f:
        f.write(header + f"class File{i:05d} {{\n" + "".join(body) + "}\n")
PY
rc="$work/1.0.0-rc1"
bin="$work/1.0.0-rc1-bin"
mkdir -p "$rc" "$bin"
tar -C "$work" -cf - "$top" | gzip -6 -n > "$rc/$top.tar.gz"
cp "$rc/$top.tar.gz" "$bin/apache-bench-1.0.0-bin.tar.gz"
for d in "$rc" "$bin"; do
  for f in "$d"/*.tar.gz; do
    gpg --batch -q --armor --digest-algo SHA512 --detach-sign "$f"
    (cd "$d" && sha512sum "$(basename "$f")" > "$(basename "$f").sha512")
  done
done
unpacked=$(du -sm "$work/$top" | cut -f1)
packed=$(du -m "$rc/$top.tar.gz" | cut -f1)
rm -rf "${work:?}/$top"

manual() {
  gpg --batch -q --verify "$rc/$top.tar.gz.asc" "$rc/$top.tar.gz" 2>/dev/null
  (cd "$rc" && sha512sum --quiet -c "$top.tar.gz.sha512")
}
ours() { java -jar target/release-pilot.jar verify "$rc" --keys "$work/KEYS" --json > "$work/ours.json"; }
binary() { java -jar target/release-pilot.jar verify "$bin" --keys "$work/KEYS" --json > /dev/null; }
seconds() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

manual; ours; binary   # warm-up
m=(); o=(); b=(); ratio=()
for ((r = 1; r <= reps; r++)); do
  tm=$(seconds manual); to=$(seconds ours); tb=$(seconds binary)
  m+=("$tm"); o+=("$to"); b+=("$tb"); ratio+=("$(echo "$to / $tm" | bc -l)")
done
mm=$(median "${m[@]}"); mo=$(median "${o[@]}"); mb=$(median "${b[@]}"); mr=$(median "${ratio[@]}")
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); a=r['artifacts'][0]['archive']; \
print('ours: outcome', r['outcome'], '| entries', a['entries'], '| without header', \
len(a['filesWithoutLicenseHeader']))" "$work/ours.json"
echo
echo "Source release: $files files, $unpacked MB unpacked, $packed MB tar.gz, $reps paired repetitions, $(nproc) cores"
echo
echo "| contender | median seconds |"
echo "|---|---|"
printf '| manual: gpg --verify + sha512sum -c | %.2f |\n' "$mm"
printf '| release-pilot verify (with the content checks) | %.2f |\n' "$mo"
printf '| release-pilot verify, same bytes as a -bin artifact (no content checks) | %.2f |\n' "$mb"
echo
printf 'median of paired ratios ours / manual: %.2f (target <= 5)\n' "$mr"
printf 'share of our time the content checks take: %.0f%%\n' "$(echo "($mo - $mb) * 100 / $mo" | bc -l)"
