#!/usr/bin/env bash
# Benchmark: `release-pilot verify` of a large SOURCE release against what a voter runs by hand.
#
#   src/bench/verify-source-bench.sh [REPETITIONS] [FILES] [TOTAL_MB]
#
# Generates two source releases of FILES Java-like text files (default 20,000) with ASF headers, each packed as
# apache-bench-1.0.0-src.tar.gz (tar | gzip -6), signed with a fresh RSA-4096 key (SHA-512) and given a .sha512
# made by sha512sum:
#   incompressible  the ARCHIVE is about TOTAL_MB MB (default 150): the bodies are varied identifiers and
#                   base64/hex-like literals that gzip shrinks little (the files unpack to a little more);
#                   the shape the issue asks for, "a 150 MB / 20,000-file source release"
#   compressible    TOTAL_MB MB UNPACKED (the files repeat a small vocabulary, gzip shrinks them about 6:1, so the
#                   archive is about a sixth of that); the shape measured before, kept as a second line
# Then, for each shape, REPETITIONS times (default 5), it times in pairs, back to back:
#   manual   gpg --verify + sha512sum -c (what the ASF guides tell voters; it does not look inside)
#   ours     java -jar target/release-pilot.jar verify DIR --keys KEYS --json   (signature, checksum, and the
#            content checks: layout, LICENSE/NOTICE, compiled files, license headers of all FILES files)
#   binary   the same archive renamed -bin.tar.gz, so release-pilot skips the content checks
# and prints the medians, the median of the per-pair ratios ours/manual, and the share of our time the content
# checks take ((ours - binary) / ours), with the machine's load (uptime) before and after. A warm-up pass runs
# first so every contender reads from the page cache.
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

# generate SHAPE: writes $work/SHAPE/1.0.0-rc1 (the source release) and $work/SHAPE/1.0.0-rc1-bin (same bytes)
generate() {
  local shape=$1 dir="$work/$1"
  mkdir -p "$dir"
  python3 - "$dir/$top" "$files" "$total" "$(date -u +%Y)" "$shape" <<'PY'
import base64, os, random, sys, zlib
root, files, total, year, shape = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) * 1000 * 1000, sys.argv[4], sys.argv[5]
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

def compressible(size):
    body, n = [], 0
    while n < size:
        line = "    " + " ".join(rnd.choice(words) for _ in range(10)) + ";\n"
        body.append(line)
        n += len(line)
    return "".join(body)

def incompressible(size):
    # varied identifiers (hex-like names) and base64 literals: Java-like text that gzip shrinks little
    body, n = [], 0
    while n < size:
        raw = rnd.randbytes(65)
        name = raw[:5].hex()
        lit = base64.b64encode(raw[5:]).decode()
        line = f"    static final String k{name} = \"{lit}\";\n" if raw[0] & 1 else f"    long v{name} = m{raw[5:9].hex()}(\"{lit}\");\n"
        body.append(line)
        n += len(line)
    return "".join(body)

body = compressible if shape == "compressible" else incompressible
per = total // files
if shape != "compressible":
    # TOTAL_MB is the archive's size here: size the files by how well gzip -6 packs a sample of them
    sample = "".join(header + body(per) for _ in range(50)).encode()
    ratio = len(zlib.compress(sample, 6)) / len(sample)
    per = int(total / ratio) // files
os.makedirs(root)
with open(os.path.join(root, "LICENSE"), "w") as f:
    f.write("Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n")
with open(os.path.join(root, "NOTICE"), "w") as f:
    f.write(f"Apache Bench\nCopyright {year} The Apache Software Foundation\n")
for i in range(files):
    d = os.path.join(root, "src", "main", "java", "org", "apache", "bench", f"p{i % 200:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"File{i:05d}.java"), "w") as f:
        f.write(header + f"class File{i:05d} {{\n" + body(max(0, per - len(header))) + "}\n")
PY
  mkdir -p "$dir/1.0.0-rc1" "$dir/1.0.0-rc1-bin"
  tar -C "$dir" -cf - "$top" | gzip -6 -n > "$dir/1.0.0-rc1/$top.tar.gz"
  cp "$dir/1.0.0-rc1/$top.tar.gz" "$dir/1.0.0-rc1-bin/apache-bench-1.0.0-bin.tar.gz"
  for d in "$dir/1.0.0-rc1" "$dir/1.0.0-rc1-bin"; do
    for f in "$d"/*.tar.gz; do
      gpg --batch -q --armor --digest-algo SHA512 --detach-sign "$f"
      (cd "$d" && sha512sum "$(basename "$f")" > "$(basename "$f").sha512")
    done
  done
  du -sm --apparent-size "$dir/$top" | cut -f1 > "$dir/unpacked"
  du -m --apparent-size "$dir/1.0.0-rc1/$top.tar.gz" | cut -f1 > "$dir/packed"
  rm -rf "${dir:?}/$top"
}

seconds() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# measure SHAPE: the paired runs and the report for one shape
measure() {
  local shape=$1 dir="$work/$1"
  local rc="$dir/1.0.0-rc1" bin="$dir/1.0.0-rc1-bin"
  manual() {
    gpg --batch -q --verify "$rc/$top.tar.gz.asc" "$rc/$top.tar.gz" 2>/dev/null
    (cd "$rc" && sha512sum --quiet -c "$top.tar.gz.sha512")
  }
  ours() { java -jar target/release-pilot.jar verify "$rc" --keys "$work/KEYS" --json > "$dir/ours.json"; }
  binary() { java -jar target/release-pilot.jar verify "$bin" --keys "$work/KEYS" --json > /dev/null; }
  manual; ours; binary   # warm-up
  local m=() o=() b=() ratio=() tm to tb
  for ((r = 1; r <= reps; r++)); do
    tm=$(seconds manual); to=$(seconds ours); tb=$(seconds binary)
    m+=("$tm"); o+=("$to"); b+=("$tb"); ratio+=("$(echo "$to / $tm" | bc -l)")
  done
  local mm mo mb mr
  mm=$(median "${m[@]}"); mo=$(median "${o[@]}"); mb=$(median "${b[@]}"); mr=$(median "${ratio[@]}")
  echo
  echo "== $shape: $files files, $(cat "$dir/unpacked") MB unpacked, $(cat "$dir/packed") MB tar.gz," \
    "$reps paired repetitions, $(nproc) cores"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); a=r['artifacts'][0]['archive']; \
print('ours: outcome', r['outcome'], '| entries', a['entries'], '| without header', \
len(a['filesWithoutLicenseHeader']))" "$dir/ours.json"
  echo "runs (s): manual ${m[*]} | ours ${o[*]} | binary ${b[*]}"
  echo
  echo "| contender | median seconds |"
  echo "|---|---|"
  printf '| manual: gpg --verify + sha512sum -c | %.2f |\n' "$mm"
  printf '| release-pilot verify (with the content checks) | %.2f |\n' "$mo"
  printf '| release-pilot verify, same bytes as a -bin artifact (no content checks) | %.2f |\n' "$mb"
  echo
  printf 'median of paired ratios ours / manual: %.2f (target <= 5)\n' "$mr"
  printf 'share of our time the content checks take: %.0f%%\n' "$(echo "($mo - $mb) * 100 / $mo" | bc -l)"
}

generate incompressible
generate compressible
echo "load before: $(uptime)"
measure incompressible
measure compressible
echo
echo "load after: $(uptime)"
