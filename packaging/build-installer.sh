#!/usr/bin/env bash
# Builds Release Pilot's installers with jpackage (JDK 17+), for the operating system this runs on:
#   Linux:   the app image, .deb and .rpm   (needs fakeroot + dpkg-deb for .deb, rpmbuild for .rpm)
#   macOS:   .dmg                            (iconutil, hdiutil: part of macOS)
#   Windows: .msi                            (WiX Toolset 3 on the PATH; run this in Git Bash)
# jpackage builds only for the OS it runs on, and the JavaFX jars Maven copies to target/lib are that OS's.
#
# Usage: packaging/build-installer.sh [--skip-build] [--dest DIR] [TYPE...]
#   TYPE         app-image, deb, rpm (Linux), dmg, pkg (macOS), msi, exe (Windows); default: this OS's list above
#   --skip-build use the target/release-pilot.jar and target/lib that `mvn package` built (the tests do this)
#   --dest DIR   where the installers go (default: target/installer); earlier Release Pilot installers there are replaced
#
# JavaFX runs on the module path inside the installed app: its jars go to <app>/javafx (not lib/, which the jar's
# class path names), and the launcher starts Java with --module-path=$APPDIR/javafx --add-modules=javafx.controls.
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
dest=target/installer
types=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) build=false ;;
    --dest) [ $# -ge 2 ] || { echo "--dest needs a folder" >&2; exit 2; }; dest="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
    *) types+=("$1") ;;
  esac
  shift
done

case "$(uname -s)" in
  Linux*) os=linux; default_types=(app-image deb rpm) ;;
  Darwin*) os=mac; default_types=(dmg) ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_types=(msi) ;;
  *) echo "Unknown operating system $(uname -s): jpackage builds for Linux, macOS and Windows" >&2; exit 2 ;;
esac
[ ${#types[@]} -gt 0 ] || types=("${default_types[@]}")

if ! command -v jpackage >/dev/null 2>&1; then
  echo "jpackage was not found: put a JDK 17+ bin folder on the PATH" >&2
  exit 2
fi
if $build; then
  mvn -B -q -DskipTests package
fi
if [ ! -f target/release-pilot.jar ] || [ ! -d target/lib ]; then
  echo "target/release-pilot.jar or target/lib is missing: run 'mvn -DskipTests package' first" >&2
  exit 2
fi

# jpackage wants 1 to 3 numbers: 0.1.0-SNAPSHOT becomes 0.1.0.
version=$(sed -n 's:.*<version>\([0-9][0-9]*\(\.[0-9][0-9]*\)\{0,2\}\).*</version>.*:\1:p' pom.xml | head -n 1)
[ -n "$version" ] || { echo "No version found in pom.xml" >&2; exit 2; }

# The app's files: the jar and its libraries in lib/ (as its manifest class path names them), JavaFX in javafx/.
# Maven's non-classifier javafx-*.jar files are empty placeholders (the code is in the -linux/-mac/-win jars):
# on the module path they would be a second module of the same name, so they are left out.
rm -rf target/installer-input
mkdir -p target/installer-input/lib target/installer-input/javafx "$dest"
# Only what an earlier run made goes (jpackage refuses to overwrite an app image); nothing else in --dest is touched.
rm -rf "$dest/Release Pilot" "$dest/Release Pilot.app"
rm -f "$dest"/release-pilot_*.deb "$dest"/release-pilot-*.rpm "$dest"/"Release Pilot-"*.dmg "$dest"/"Release Pilot-"*.pkg \
      "$dest"/"Release Pilot-"*.msi "$dest"/"Release Pilot-"*.exe
cp target/release-pilot.jar target/installer-input/
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-[0-9]*-*.jar) cp "$jar" target/installer-input/javafx/ ;;
    javafx-*.jar) ;;
    *) cp "$jar" target/installer-input/lib/ ;;
  esac
done
if [ -z "$(ls target/installer-input/javafx)" ]; then
  echo "No JavaFX jars for this OS in target/lib" >&2
  exit 2
fi

if [ "$os" = mac ]; then
  # macOS wants an .icns; iconutil makes it from the PNGs under the names an iconset requires.
  iconset=target/installer-icons/release-pilot.iconset
  rm -rf target/installer-icons && mkdir -p "$iconset"
  for pair in 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x 256:256x256 512:256x256@2x \
              512:512x512; do
    cp "icons/release-pilot-${pair%%:*}.png" "$iconset/icon_${pair#*:}.png"
  done
  iconutil -c icns -o target/installer-icons/release-pilot.icns "$iconset"
  # jpackage refuses a macOS version whose first number is 0 (CFBundleVersion); the file name keeps the real one.
  mac_version=$version
  case "$version" in 0|0.*) mac_version=1.0.0 ;; esac
fi

for type in "${types[@]}"; do
  args=(@packaging/jpackage-common.txt "@packaging/jpackage-$os.txt" --type "$type" --dest "$dest")
  if [ "$type" != app-image ]; then
    args+=("@packaging/jpackage-$os-installer.txt")
  fi
  if [ -f "packaging/jpackage-$type.txt" ]; then
    args+=("@packaging/jpackage-$type.txt")
  fi
  if [ "$os" = mac ]; then
    args+=(--app-version "$mac_version")
  else
    args+=(--app-version "$version")
  fi
  echo "jpackage --type $type (version $version) -> $dest"
  jpackage "${args[@]}"
  if [ "$os" = mac ] && [ "$mac_version" != "$version" ] && [ "$type" != app-image ]; then
    for f in "$dest"/*-"$mac_version.$type"; do
      [ -e "$f" ] && mv "$f" "${f%-"$mac_version.$type"}-$version.$type"
    done
  fi
done
ls -l "$dest"
