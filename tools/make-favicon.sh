#!/usr/bin/env bash
# Rebuilds src/ClusterAtlas.Web/wwwroot/favicon.ico (PNG images of 16, 32 and 48 px) from favicon.svg beside it.
# Rasterises with Debian's headless Chromium (no ImageMagick needed) and packs the PNGs into an ICO container.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
svg="$root/src/ClusterAtlas.Web/wwwroot/favicon.svg"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 16 32 48; do
  printf '<html><body style="margin:0"><img src="file://%s" width="%s" height="%s" style="display:block"></body></html>' "$svg" "$size" "$size" > "$work/$size.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$work/$size.png" "file://$work/$size.html" 2>/dev/null
done
python3 - "$work" "$root/src/ClusterAtlas.Web/wwwroot/favicon.ico" <<'PY'
import struct, sys
work, out = sys.argv[1], sys.argv[2]
sizes = [16, 32, 48]
pngs = [open(f"{work}/{s}.png", "rb").read() for s in sizes]
entries, data, offset = b"", b"", 6 + 16 * len(sizes)
for s, png in zip(sizes, pngs):
    # ICONDIRENTRY: width, height, colours, reserved, planes, bits per pixel, size, offset (PNG payloads are valid ICO images).
    entries += struct.pack("<BBBBHHII", s, s, 0, 0, 1, 32, len(png), offset + len(data))
    data += png
open(out, "wb").write(struct.pack("<HHH", 0, 1, len(sizes)) + entries + data)
PY
echo "wrote $root/src/ClusterAtlas.Web/wwwroot/favicon.ico"
