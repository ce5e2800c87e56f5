#!/usr/bin/env bash
# Installs the Debian packages docpipe builds and tests with. Idempotent: only
# packages that are missing are installed, so a second run costs one dpkg query.
set -euo pipefail

BUILD_PKGS=(
  cmake g++ make pkg-config clang-format
  libboost-dev libboost-filesystem-dev libboost-program-options-dev
  libpugixml-dev libzip-dev zlib1g-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libyaml-cpp-dev libvalijson-dev nlohmann-json3-dev
  libxml2-dev libuchardet-dev libicu-dev libopencc-dev libopencc-data
  libxlsxwriter-dev libtbb-dev libsqlite3-dev libpcre2-dev libssl-dev
  libgoogle-perftools-dev libpoppler-cpp-dev
)
# Independent readers the test suite opens our outputs with (chromium renders
# the review pages; python3-websocket drives it for bench/review_bench.py).
TEST_PKGS=(
  python3 python3-docx python3-openpyxl python3-jsonschema python3-readability
  pandoc poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui
  fonts-noto-cjk zip unzip time qpdf
  chromium
  python3-websocket
  slurmctld slurmd slurm-client munge
)

want=("${BUILD_PKGS[@]}")
if [ "${DOCPIPE_SKIP_TEST_DEPS:-0}" != 1 ]; then want+=("${TEST_PKGS[@]}"); fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#want[@]} packages present"
  exit 0
fi
echo "setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
