#!/usr/bin/env bash
# Builds the optional native Deflate accelerator (libdeflate, linked statically) for the running platform:
#   src/main/native/build.sh <classes dir>   ->   <classes dir>/native/linux-x86_64/librastermill_deflate.so
# Run by Maven in the compile phase (exec-maven-plugin; -Drastermill.native.skip=true skips it). Never fails the
# build: without gcc, the JDK headers or libdeflate.a (Debian: apt-get install libdeflate-dev), or off linux x86_64,
# it prints "native deflate: skipped (reason)" and exits 0, and Rastermill uses java.util.zip.
set -uo pipefail

skip() { echo "native deflate: skipped ($*)"; exit 0; }

[ $# -eq 1 ] || { echo "usage: $0 <classes dir>" >&2; exit 2; }
out_dir="$1/native/linux-x86_64"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/rastermill_deflate.c"

[ "$(uname -s)" = Linux ] || skip "not Linux: $(uname -s)"
[ "$(uname -m)" = x86_64 ] || skip "not x86_64: $(uname -m)"
command -v gcc > /dev/null 2>&1 || skip "gcc not found"

java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] || [ ! -f "$java_home/include/jni.h" ]; then
  javac="$(command -v javac 2>/dev/null)" || skip "JDK headers not found (no JAVA_HOME, no javac)"
  java_home="$(dirname "$(dirname "$(readlink -f "$javac")")")"
fi
[ -f "$java_home/include/jni.h" ] && [ -f "$java_home/include/linux/jni_md.h" ] \
  || skip "JDK headers not found under $java_home/include"

libdeflate_a="${LIBDEFLATE_A:-}"
if [ -z "$libdeflate_a" ]; then
  for candidate in /usr/lib/x86_64-linux-gnu/libdeflate.a /usr/local/lib/libdeflate.a /usr/lib/libdeflate.a \
                   /usr/lib64/libdeflate.a; do
    if [ -f "$candidate" ]; then libdeflate_a="$candidate"; break; fi
  done
fi
[ -n "$libdeflate_a" ] && [ -f "$libdeflate_a" ] || skip "libdeflate.a not found; apt-get install libdeflate-dev"
include_dir="$(dirname "$(dirname "$(dirname "$libdeflate_a")")")/include"
[ -f "$include_dir/libdeflate.h" ] || include_dir=/usr/include
[ -f "$include_dir/libdeflate.h" ] || skip "libdeflate.h not found"

lib="$out_dir/librastermill_deflate.so"
if [ -f "$lib" ] && [ "$lib" -nt "$src" ] && [ "$lib" -nt "${BASH_SOURCE[0]}" ] && [ "$lib" -nt "$libdeflate_a" ]; then
  echo "native deflate: up to date ($lib)"
  exit 0
fi
mkdir -p "$out_dir" || skip "cannot create $out_dir"
# libdeflate's symbols stay private to the .so (--exclude-libs); only the JNI entry points are exported.
if ! log=$(gcc -O3 -fPIC -shared -std=c99 -Wall -Wextra \
      -I"$java_home/include" -I"$java_home/include/linux" -I"$include_dir" \
      -o "$lib.tmp" "$src" "$libdeflate_a" \
      -Wl,--exclude-libs,ALL -Wl,--no-undefined -Wl,-z,noexecstack -static-libgcc 2>&1); then
  rm -f "$lib.tmp"
  printf '%s\n' "$log" >&2
  skip "gcc failed (output above)"
fi
[ -z "$log" ] || printf '%s\n' "$log" >&2
mv -f "$lib.tmp" "$lib"
echo "native deflate: built $lib (libdeflate $(sed -n 's/^#define LIBDEFLATE_VERSION_STRING[^"]*"\(.*\)"/\1/p' "$include_dir/libdeflate.h") from $libdeflate_a)"
