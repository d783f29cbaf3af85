#!/usr/bin/env bash
# The Python package (issue 16): builds and installs `./python` into a fresh virtual environment
# with pip (maturin as the PEP 517 backend, as a user would), runs its pytest suite (the CLI's
# events from Pipeline.code, code_batch and Spark local[2]; bad records as errors), then the quick
# benchmark with thresholds (bench/python_bench.py --quick --check). About 10 minutes on 2 quiet
# cores, most of it the extension's release build; 23.5 minutes at load average 8-10, 12 of them
# the build (on a busy machine the benchmark now skips its speed-up runs, checked only when quiet).
#
# The extension builds into the workspace's target/ (CARGO_TARGET_DIR), so that dependencies the
# release build before this check compiled with the same features are reused (the Herald crates
# themselves get other build hashes: the root workspace unifies features differently). It needs
# the `herald` command built by .ci/run (target/release/herald) to compare with, Java for Spark
# (installed with apt when missing) and ../shared for the benchmark corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

if ! command -v java >/dev/null 2>&1; then
  echo "python.sh: installing Java for Spark"
  apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null
fi

echo "python.sh: cargo fmt --check (python/)"
cargo fmt --manifest-path python/Cargo.toml -- --check

venv="$root/target/python-ci-venv"
rm -rf "$venv"
python3 -m venv "$venv"
py="$venv/bin/python"
start=$(date +%s)
"$py" -m pip install -q pytest pyarrow pandas 'pyspark==3.5.*'
echo "python.sh: test dependencies in $(( $(date +%s) - start )) s"

start=$(date +%s)
CARGO_TARGET_DIR="$root/target" MATURIN_PEP517_ARGS="--locked" "$py" -m pip install -q ./python
echo "python.sh: pip install ./python in $(( $(date +%s) - start )) s"

start=$(date +%s)
set +e
HERALD_BIN="$root/target/release/herald" "$py" -m pytest python/tests -q -p no:cacheprovider
rc=$?
set -e
echo "python.sh: pytest in $(( $(date +%s) - start )) s (exit $rc)"
if [ "$rc" -eq 5 ]; then
  echo "python.sh: FAIL pytest collected no tests"
  exit 1
elif [ "$rc" -ne 0 ]; then
  exit "$rc"
fi

start=$(date +%s)
HERALD_BIN="$root/target/release/herald" "$py" bench/python_bench.py --quick --check
echo "python.sh: benchmark in $(( $(date +%s) - start )) s"
