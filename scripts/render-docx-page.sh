#!/usr/bin/env bash
# Renders one page of a DOCX to PNG so a person can look at the layout:
# LibreOffice (headless, private profile) makes a PDF, pdftoppm the picture.
#
#   scripts/render-docx-page.sh INPUT.docx OUTPUT.png [PAGE] [DPI]
#
# The official-document fonts (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体,
# 宋体) are rarely installed on Linux. A private fontconfig file maps them to
# Noto CJK (fonts-noto-cjk) so the picture shows serif body text and a sans
# 黑体 heading rather than whatever the default fallback is. Page size,
# margins, line grid and alignment are what the DOCX says.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 INPUT.docx OUTPUT.png [PAGE] [DPI]" >&2
  exit 2
fi
input=$(realpath "$1")
output=$2
page=${3:-1}
dpi=${4:-80}

work=$(mktemp -d /tmp/docpipe-render-XXXXXX)
trap 'rm -rf "$work"' EXIT

alias_to() {  # alias_to FAMILY TARGET
  printf '  <alias binding="same"><family>%s</family><prefer><family>%s</family></prefer></alias>\n' "$1" "$2"
}
{
  echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
  echo '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
  for f in 仿宋_GB2312 仿宋 FangSong 楷体_GB2312 楷体 KaiTi 宋体 SimSun 方正小标宋简体 方正小标宋_GBK; do
    alias_to "$f" "Noto Serif CJK SC"
  done
  for f in 黑体 SimHei 等线 DengXian "等线 Light"; do alias_to "$f" "Noto Sans CJK SC"; done
  echo '</fontconfig>'
} > "$work/fonts.conf"

FONTCONFIG_FILE="$work/fonts.conf" soffice "-env:UserInstallation=file://$work/profile" \
  --headless --norestore --convert-to pdf --outdir "$work" "$input" > "$work/soffice.log" 2>&1 || {
  cat "$work/soffice.log" >&2
  exit 1
}
pdf="$work/$(basename "${input%.*}").pdf"
[ -s "$pdf" ] || { echo "render: LibreOffice wrote no PDF for $input" >&2; cat "$work/soffice.log" >&2; exit 1; }
pdftoppm -f "$page" -l "$page" -r "$dpi" -png -singlefile "$pdf" "$work/page"
mkdir -p "$(dirname "$output")"
mv "$work/page.png" "$output"
echo "render: page $page of $1 -> $output"
