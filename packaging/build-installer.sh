#!/usr/bin/env bash
# Builds the installer for the operating system this runs on, with jpackage from the JDK (17+).
# Run it on each of Linux, macOS and Windows (Git Bash) to get .deb, .dmg and .msi.
# The JavaFX jars Maven copies to target/lib are the ones for the building OS, so build each
# installer on its own OS.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -DskipTests package
rm -rf target/installer-input target/installer
mkdir -p target/installer-input
cp target/release-pilot.jar target/installer-input/
cp -r target/lib target/installer-input/lib
case "$(uname -s)" in
  Linux*) os=linux ;;
  Darwin*) os=mac
           if [ ! -f icons/release-pilot.icns ]; then
             iconutil_dir=$(mktemp -d)/release-pilot.iconset; mkdir -p "$iconutil_dir"
             for s in 16 32 64 128 256 512; do cp "icons/release-pilot-$s.png" "$iconutil_dir/icon_${s}x${s}.png"; done
             iconutil -c icns -o icons/release-pilot.icns "$iconutil_dir"
           fi ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "Unknown OS $(uname -s)" >&2; exit 2 ;;
esac
jpackage @packaging/jpackage-common.txt @packaging/jpackage-$os.txt
ls -l target/installer
