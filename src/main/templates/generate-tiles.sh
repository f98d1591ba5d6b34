#!/usr/bin/env bash
# Generates the per-cell-type ArrayTile classes from one template per family into $1 (generate-sources;
# nothing generated is committed). A family's classes differ only in the primitive type and its constants,
# so they are written once, in src/main/templates/io/rastermill/core/tile/*.java.template, with @TOKENS@.
set -euo pipefail
out=$1/io/rastermill/core/tile
templates=$(dirname "$0")/io/rastermill/core/tile
mkdir -p "$out"

# narrow integers (int8/uint8, int16/uint16): class prim BITS MIN MASK var BYTES AS_BUFFER
narrow() {
    sed -e "s/@Class@/$1/g" -e "s/@prim@/$2/g" -e "s/@BITS@/$3/g" -e "s/@MIN@/$4/g" -e "s/@MASK@/$5/g" \
        -e "s/@var@/$6/g" -e "s/@BYTES@/$7/g" -e "s/@AS_BUFFER@/$8/g" \
        "$templates/NarrowIntArrayTile.java.template" > "$out/$1.java.tmp"
    mv "$out/$1.java.tmp" "$out/$1.java"
}
narrow ByteArrayTile byte 8 -128 0xFF b 1 ''
narrow ShortArrayTile short 16 -32768 0xFFFF s 2 '.asShortBuffer()'

# floating point (float32, float64): class prim Boxed BITS cast BYTES narrowed
floating() {
    sed -e "s/@Class@/$1/g" -e "s/@prim@/$2/g" -e "s/@Boxed@/$3/g" -e "s/@BITS@/$4/g" -e "s/@cast@/$5/g" \
        -e "s/@BYTES@/$6/g" -e "s/@narrowed@/$7/g" \
        "$templates/FloatingArrayTile.java.template" > "$out/$1.java.tmp"
    mv "$out/$1.java.tmp" "$out/$1.java"
}
floating FloatArrayTile float Float 32 '(float) ' 4 narrowed
floating DoubleArrayTile double Double 64 '' 8 unchanged
