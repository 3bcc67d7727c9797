#!/usr/bin/env bash
# Benchmark: the dist area through Release Pilot (SVNKit's commit editor, no working copy) against the native
# Subversion client, in the same run, against the same real httpd + mod_dav_svn on 127.0.0.1, REPETITIONS times
# each (default 3), medians. The whole JVM start is included for Release Pilot.
#   stage  ours:   release-pilot dist stage (one commit of the RC folder, read-back check included)
#          native: svn import of the same files to a fresh folder of the same server
#   KEYS   ours:   release-pilot dist keys (reads and commits only KEYS)
#          native: what the guides say: svn co dist/release/<project> (every older release), append, svn commit
#          measured with OLD_GIB of older releases beside KEYS, and with a tenth of it (flat in the folder size?)
#
#   src/bench/dist-bench.sh [REPETITIONS] [RC_MIB] [OLD_GIB]      (ONLY=stage or ONLY=keys: that part only)
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-3}
rc_mib=${2:-200}
old_gib=${3:-2}
work=$(mktemp -d /tmp/rp-dist.XXXXXX)
chmod 755 "$work"
httpd_pid=
cleanup() {
  [ -n "$httpd_pid" ] && kill "$httpd_pid" 2>/dev/null && wait "$httpd_pid" 2>/dev/null || true
  gpgconf --homedir "$work/gnupg" --kill gpg-agent >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
[ -f target/release-pilot.jar ] || mvn -q -B -DskipTests package
rp() { java -jar target/release-pilot.jar "$@"; }

# --- the server: one repository, httpd in the foreground ---------------------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/httpd/repos" "$work/httpd/run"
repo="$work/httpd/repos/dist"
svnadmin create "$repo"
svnmucc -m layout -U "file://$repo" mkdir dev mkdir dev/bench mkdir release mkdir release/bench \
  mkdir release/bench-small >/dev/null
htpasswd -c -b -m "$work/httpd/htpasswd" rm bench-pw 2>/dev/null
printf '[dist:/]\n* = r\nrm = rw\n' > "$work/httpd/authz"
mods=/usr/lib/apache2/modules
{
  echo "ServerRoot \"$work/httpd\""; echo "Listen 127.0.0.1:$port"; echo "ServerName 127.0.0.1"
  echo "PidFile $work/httpd/run/httpd.pid"; echo "DefaultRuntimeDir $work/httpd/run"
  echo "ErrorLog $work/httpd/error.log"
  for m in mpm_event authn_core authn_file authz_core authz_user auth_basic access_compat dav dav_svn authz_svn; do
    echo "LoadModule ${m}_module $mods/mod_${m}.so"
  done
  [ "$(id -u)" = 0 ] && printf 'User www-data\nGroup www-data\n'
  printf 'LimitRequestBody 0\nTimeout 300\nKeepAlive On\n<Location /repos>\n  DAV svn\n'
  echo "  SVNParentPath $work/httpd/repos"
  printf '  AuthType Basic\n  AuthName bench\n  AuthBasicProvider file\n'
  echo "  AuthUserFile $work/httpd/htpasswd"; echo "  AuthzSVNAccessFile $work/httpd/authz"
  printf '  Satisfy Any\n  Require valid-user\n</Location>\n'
} > "$work/httpd/httpd.conf"

fix_owner() { [ "$(id -u)" = 0 ] && chown -R www-data:www-data "$work/httpd" || true; }
mucc() { svnmucc -U "file://$repo" "$@" >/dev/null; fix_owner; }
fix_owner
"${APACHE2:-/usr/sbin/apache2}" -f "$work/httpd/httpd.conf" -DFOREGROUND & httpd_pid=$!
for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port/repos/dist"
svnopts=(--non-interactive --no-auth-cache --config-dir "$work/svn-config" --username rm --password bench-pw)
printf 'bench-pw\n' > "$work/pw"

# --- the RC and a release folder for the dist commands --------------------------------------------------
rp profile init --dir "$work/rel" --project bench --version 1.0.0 --name "Bench RM" --apache-id rm \
  --email rm@apache.org >/dev/null
rc="$work/rel/artifacts/1.0.0-rc1"
mkdir -p "$rc"
head -c "${rc_mib}M" /dev/urandom > "$rc/apache-bench-1.0.0-src.tar.gz"
(cd "$rc" && sha512sum apache-bench-1.0.0-src.tar.gz > apache-bench-1.0.0-src.tar.gz.sha512)
head -c 833 /dev/urandom | base64 > "$rc/apache-bench-1.0.0-src.tar.gz.asc"

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

stage_ours() { rp dist stage --dir "$work/rel" --dev-url "$base/dev/bench/ours$1/" --password-file "$work/pw"; }
stage_native() { svn import -q -m "Stage" "${svnopts[@]}" "$rc" "$base/dev/bench/native$1/1.0.0-rc1"; }
for ((r = 0; r <= reps; r++)); do mucc -m mk mkdir "dev/bench/ours$r" mkdir "dev/bench/native$r"; done
so=(0); sn=(1)
if [ "${ONLY:-}" != keys ]; then
  stage_ours 0 >/dev/null 2>&1; stage_native 0   # warm-up: page cache, server
  so=(); sn=()
  for ((r = 1; r <= reps; r++)); do
    sn+=("$(seconds stage_native "$r")")
    so+=("$(seconds stage_ours "$r")")
  done
fi

mso=$(median "${so[@]}"); msn=$(median "${sn[@]}")
if [ "${ONLY:-}" = stage ]; then
  echo "| svn import, ${rc_mib} MiB RC | $msn | ${sn[*]} |"
  echo "| release-pilot dist stage, ${rc_mib} MiB RC | $mso | ${so[*]} |"
  printf '| dist stage / svn import | **%.2f** | at most 1.3 |\n' "$(echo "$mso / $msn" | bc -l)"
  exit 0
fi

# --- KEYS beside older releases ----------------------------------------------------------------------------
export GNUPGHOME="$work/gnupg"; mkdir -m 700 "$GNUPGHOME"
printf 'bench passphrase\n' > "$work/pass"
fpr=$(rp keys generate --home "$work/rp" --name "Bench RM" --email rm@apache.org --bits 2048 \
  --passphrase-file "$work/pass" 2>/dev/null | tail -1)
printf 'This file contains the PGP keys of various developers.\n\n' > "$work/KEYS"
entry=$(rp keys export --home "$work/rp" --key "$fpr")
old_mib=$((old_gib * 1024))
make_old() { # folder, MiB in all, as 4 older releases
  local per=$(($2 / 4)) v
  for v in 0.1.0 0.2.0 0.3.0 0.4.0; do
    head -c "${per}M" /dev/urandom > "$work/old.tar.gz"
    mucc -m "old $v" mkdir "release/$1/$v" put "$work/old.tar.gz" "release/$1/$v/apache-bench-$v-src.tar.gz"
  done
  rm -f "$work/old.tar.gz"
}
make_old bench "$old_mib"
make_old bench-small $((old_mib / 10))
reset_keys() { mucc -m reset put "$work/KEYS" "release/$1/KEYS"; }
keys_ours() { rp dist keys --dir "$work/rel" --home "$work/rp" --key "$fpr" --release-url "$base/release/$1/" \
  --password-file "$work/pw"; }
keys_native() {
  rm -rf "$work/wc"
  svn co -q "${svnopts[@]}" "$base/release/$1" "$work/wc"
  printf '\n%s\n' "$entry" >> "$work/wc/KEYS"
  svn commit -q -m "Add my key" "${svnopts[@]}" "$work/wc"
}
ko=(); kn=(); ks=()
for ((r = 1; r <= reps; r++)); do
  reset_keys bench; kn+=("$(seconds keys_native bench)")
  reset_keys bench; ko+=("$(seconds keys_ours bench)")
  reset_keys bench-small; ks+=("$(seconds keys_ours bench-small)")
done

mko=$(median "${ko[@]}"); mkn=$(median "${kn[@]}"); mks=$(median "${ks[@]}")
echo "| contender | median seconds | all runs |"
echo "|---|---|---|"
if [ "${ONLY:-}" != keys ]; then
  echo "| svn import, ${rc_mib} MiB RC | $msn | ${sn[*]} |"
  echo "| release-pilot dist stage, ${rc_mib} MiB RC | $mso | ${so[*]} |"
fi
echo "| svn co + append + svn commit, ${old_gib} GiB of older releases | $mkn | ${kn[*]} |"
echo "| release-pilot dist keys, ${old_gib} GiB of older releases | $mko | ${ko[*]} |"
echo "| release-pilot dist keys, $((old_mib / 10)) MiB of older releases | $mks | ${ks[*]} |"
echo
echo "| ratio | measured | target |"
echo "|---|---|---|"
[ "${ONLY:-}" != keys ] && printf '| dist stage / svn import | **%.2f** | at most 1.3 |\n' "$(echo "$mso / $msn" | bc -l)"
printf '| dist keys / svn co + commit (%s GiB) | **%.3f** | at most 0.05 |\n' "$old_gib" "$(echo "$mko / $mkn" | bc -l)"
printf '| dist keys at %s GiB / at a tenth of it | **%.2f** | about 1 (flat) |\n' "$old_gib" "$(echo "$mko / $mks" | bc -l)"
