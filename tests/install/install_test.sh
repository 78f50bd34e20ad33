#!/usr/bin/env bash
# Installs the build into a temporary prefix as `cmake --install` does for an
# office, runs the installed command on a programme of its own and on the
# installed example, then builds the Debian package and looks inside it.
# Usage: install_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/inovasi-install.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() {
  echo "install_test: $*" >&2
  exit 1
}

prefix="$work/usr"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || {
  cat "$work/install.log" >&2
  fail "cmake --install failed"
}

# Everything in its usual place.
expected=(
  bin/inovasi
  share/man/man1/inovasi.1
  share/man/man1/inovasi-add-idea.1
  share/man/man1/inovasi-evaluate.1
  share/man/man1/inovasi-merge-driver.1
  share/man/man1/inovasi-git-setup.1
  share/man/man5/inovasi.5
  share/bash-completion/completions/inovasi
  share/inovasi/labels.yaml
  share/inovasi/schema/idea.schema.json
  share/inovasi/schema/programme.schema.json
  share/doc/inovasi/README.md
  share/doc/inovasi/examples/tuban-2018/inovasi.yaml
  share/doc/inovasi/examples/ideas.csv
)
for file in "${expected[@]}"; do
  [[ -f $prefix/$file ]] || fail "not installed: $file"
done
[[ -x $prefix/bin/inovasi ]] || fail "bin/inovasi is not executable"
# Every page of the source tree's man/ is installed.
source_dir=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
for page in "$source_dir"/man/*.1; do
  [[ -f $prefix/share/man/man1/$(basename "$page") ]] || fail "man page not installed: $(basename "$page")"
done
cmp -s "$source_dir/completion/inovasi.bash" "$prefix/share/bash-completion/completions/inovasi" ||
  fail "the installed completion differs from completion/inovasi.bash"

# The installed command works on its own, away from the source tree.
inovasi="$prefix/bin/inovasi"
[[ $("$inovasi" --version) == "inovasi $version" ]] || fail "--version says '$("$inovasi" --version)'"
cd "$work"
"$inovasi" init kab --name "Inovasi Daerah" --region "Kabupaten Contoh" >/dev/null
"$inovasi" -C kab add-unit --id dinkes --name "Dinas Kesehatan" --kind dinas >/dev/null
"$inovasi" -C kab check >"$work/check.out" 2>&1 || {
  cat "$work/check.out" >&2
  fail "check of a new programme failed"
}
cp -r "$prefix/share/doc/inovasi/examples/tuban-2018" "$work/tuban"
"$inovasi" -C "$work/tuban" check >"$work/check.out" 2>&1 || {
  cat "$work/check.out" >&2
  fail "check of the installed example failed"
}
[[ -s $work/tuban/inovasi.yaml ]] || fail "example not copied"

# The Debian package: built by CPack from the same install rules.
cpack -G DEB -B "$work/package" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB failed"
}
deb=("$work"/package/inovasi_"$version"_*.deb)
[[ -f ${deb[0]} ]] || fail "no inovasi_${version}_*.deb in $(ls "$work/package")"
[[ $(dpkg-deb -f "${deb[0]}" Package) == inovasi ]] || fail "package name"
[[ $(dpkg-deb -f "${deb[0]}" Version) == "$version" ]] || fail "package version"
depends=$(dpkg-deb -f "${deb[0]}" Depends)
for library in libyaml-cpp0.7 libfmt9 libc6 libstdc++6; do
  [[ $depends == *"$library "* || $depends == *"$library," || $depends == *"$library" ]] ||
    fail "Depends lacks $library: $depends"
done
# The package installs under the build's prefix, where the binary looks.
package_prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
dpkg-deb -c "${deb[0]}" | awk '{ print $NF }' >"$work/contents"
for file in "${expected[@]}"; do
  grep -qx ".$package_prefix/$file" "$work/contents" || fail "not in the package: $package_prefix/$file"
done
dpkg-deb -x "${deb[0]}" "$work/unpacked"
[[ $("$work/unpacked$package_prefix/bin/inovasi" --version) == "inovasi $version" ]] ||
  fail "the packaged binary does not run"
echo "install_test: installed $(wc -l <"$work/contents") paths; package ${deb[0]##*/}: Depends: $depends"
