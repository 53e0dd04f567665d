#!/usr/bin/env bash
# Renders the icon sources into the PNG sizes and the per-OS icon files that are committed.
# Run after editing an SVG; needs rsvg-convert (librsvg2-bin), icotool (icoutils), png2icns (icnsutils).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
packaging="$here/../../packaging"
out="$here/png"
mkdir -p "$out"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

# The full drawing turns to mush below 48 px, so the small sizes come from the simplified source.
for size in 16 24 32 48 64 128 256 512 1024; do
  if [ "$size" -le 32 ]; then src="$here/threadkeep-small.svg"; else src="$here/threadkeep.svg"; fi
  rsvg-convert --width "$size" --height "$size" "$src" --output "$out/threadkeep-$size.png"
done

cp "$out/threadkeep-512.png" "$packaging/linux/Threadkeep.png"
icotool --create --output "$packaging/windows/Threadkeep.ico" \
  "$out"/threadkeep-{16,24,32,48,64,128}.png --raw="$out/threadkeep-256.png"
# png2icns picks the icns slot from each PNG's size (16, 32, 48, 128, 256, 512, 1024).
png2icns "$packaging/macos/Threadkeep.icns" \
  "$out"/threadkeep-{16,32,48,128,256,512,1024}.png >/dev/null
echo "rendered icons into $out and $packaging/{linux,windows,macos}"
