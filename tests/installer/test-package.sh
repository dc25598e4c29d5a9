#!/usr/bin/env bash
# usage: test-package.sh BUILD_DIR
set -euo pipefail
build_dir=$1
fail() { echo "FAIL: $*" >&2; exit 1; }

scratch=$(mktemp -d /tmp/gatehouse-pkg.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; fail "cpack failed"; }
deb=$(ls "$scratch"/out/gatehouse_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "no .deb produced"
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6widgets6 libqt6keychain1 librdkafka1 libpq5 libhiredis0.14 libsecret-1-0 postgresql-15 redis-server; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/gatehouse ./usr/bin/gatehouse-runtime \
            ./usr/share/gatehouse/examples/api-gateway.gatehouse \
            ./usr/share/applications/io.gatehouse.Gatehouse.desktop \
            ./usr/share/metainfo/io.gatehouse.Gatehouse.metainfo.xml \
            ./usr/share/mime/packages/gatehouse.xml \
            ./usr/share/icons/hicolor/48x48/apps/gatehouse.png \
            ./usr/share/icons/hicolor/256x256/apps/gatehouse.png \
            ./usr/share/icons/hicolor/scalable/apps/gatehouse.svg; do
  grep -q " $path\$" <<<"$contents" || fail "package lacks $path"
done

check_installed() {  # $1 = prefix the package's /usr lives under
  local prefix=$1
  QT_QPA_PLATFORM=offscreen "$prefix/usr/bin/gatehouse" --version | grep -q "Gatehouse\|gatehouse" \
    || fail "gatehouse --version did not print its name"
  "$prefix/usr/bin/gatehouse-runtime" --version | grep -q gatehouse-runtime || fail "gatehouse-runtime --version"
  "$prefix/usr/bin/gatehouse-runtime" validate "$prefix/usr/share/gatehouse/examples/api-gateway.gatehouse" \
    || fail "validate of the installed example failed (exit $?)"
}

if [ "${GATEHOUSE_TEST_SYSTEM_INSTALL:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
  dpkg-query -W gatehouse >/dev/null 2>&1 && fail "a gatehouse package is already installed; refusing to replace it"
  dpkg -i "$deb" >/dev/null || fail "dpkg -i failed"
  check_installed ""
  command -v desktop-file-validate >/dev/null && desktop-file-validate /usr/share/applications/io.gatehouse.Gatehouse.desktop
  dpkg -r gatehouse >/dev/null || fail "dpkg -r failed"
  [ ! -e /usr/bin/gatehouse ] && [ ! -e /usr/bin/gatehouse-runtime ] || fail "binaries left after dpkg -r"
  [ ! -e /usr/share/gatehouse ] || fail "/usr/share/gatehouse left after dpkg -r"
  echo "installed with dpkg, ran, removed cleanly"
else
  dpkg-deb -x "$deb" "$scratch/root"
  check_installed "$scratch/root"
  echo "unpacked into a scratch root and ran"
fi
echo "tst_package: 1 passed, 0 failed"
