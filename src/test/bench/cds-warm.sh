# Sourced by the benchmark scripts: make each launcher's class-data-sharing archive from a Spark job, untimed.
# jobs/rastermill archives the classes of the FIRST command after a build and then maps that archive in every later
# command. Two traps for a benchmark: that first command, if timed, also pays the dump at exit (several CPU-s), and
# a first command that starts no Spark (`info`, `--help` of a subcommand) leaves an archive without Spark's classes,
# which every later job then loads from the jars again. So: drop the build's archive and make it again with a
# small local[2] run of the benchmarked command.
#   cds_warm HOME CASE DEM RED NIR   HOME: a built checkout; CASE: slope (any slope case), ndvi or calc;
#                                    DEM/RED/NIR: the benchmark rasters (a 1024² crop of them, tiled and compressed as
#                                    make_dem.sh makes them, so the same decoders load)
#   cds_warm HOME file FILE          any other benchmark: a slope over a 1024² crop of its input FILE (any cell type),
#                                    so the archive holds Spark's classes and the readers and writers of that file
# Needs gdal_translate. Call after the launcher has built (jobs/rastermill --version).

cds_warm() {
  local home=$1 case=$2 dem=$3 red=${4:-} nir=${5:-}
  local dir co=(-co TILED=YES -co BLOCKXSIZE=512 -co BLOCKYSIZE=512 -co COMPRESS=DEFLATE)
  dir=$(mktemp -d /tmp/cds-warm.XXXXXX)
  rm -f "$home"/target/cds/rastermill-*.jsa
  case $case in
    slope*)
      gdal_translate -q -srcwin 0 0 1024 1024 "${co[@]}" -co PREDICTOR=3 "$dem" "$dir/dem.tif"
      "$home/jobs/rastermill" --conf spark.master='local[2]' slope "$dir/dem.tif" "$dir/out.tif" --quiet ;;
    ndvi|calc)
      gdal_translate -q -srcwin 0 0 1024 1024 "${co[@]}" -co PREDICTOR=2 "$red" "$dir/red.tif"
      gdal_translate -q -srcwin 0 0 1024 1024 "${co[@]}" -co PREDICTOR=2 "$nir" "$dir/nir.tif"
      "$home/jobs/rastermill" --conf spark.master='local[2]' calc --expr '(B - A) / (B + A)' -A "$dir/red.tif" \
        -B "$dir/nir.tif" "$dir/out.tif" --type Float32 --quiet --overviews none --no-cog ;;
    file)
      gdal_translate -q -srcwin 0 0 1024 1024 "${co[@]}" "$dem" "$dir/in.tif"
      "$home/jobs/rastermill" --conf spark.master='local[2]' slope "$dir/in.tif" "$dir/out.tif" --quiet ;;
    *) echo "cds_warm: unknown case $case (slope..., ndvi, calc, file)" >&2; rm -rf "$dir"; return 2 ;;
  esac >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; rm -rf "$dir"; return 1; }
  ls "$home"/target/cds/rastermill-*.jsa >/dev/null 2>&1 \
    || echo "cds_warm: $home wrote no class-data-sharing archive (RASTERMILL_CDS=off?)" >&2
  rm -rf "$dir"
}
