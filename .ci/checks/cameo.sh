#!/usr/bin/env bash
# The bundled CAMEO codebook agrees with the CAMEO-to-PLOVER reference table in ../shared.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo run --release --locked -q -p herald-cameo --example check_plover -- \
  ../shared/data/plover/CAMEO2PLOVER-2021.txt 0.99
