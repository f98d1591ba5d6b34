#!/usr/bin/python3
"""Compares two single-band rasters cell by cell (NoData masks must match) and their overview counts.
   compare_cells.py A.tif B.tif TOLERANCE   -> prints the largest |A - B|; exit 1 if above TOLERANCE or the masks
   or the overview counts differ."""
import sys
import numpy as np
from osgeo import gdal

a_ds, b_ds = gdal.Open(sys.argv[1]), gdal.Open(sys.argv[2])
tol = float(sys.argv[3])
a_b, b_b = a_ds.GetRasterBand(1), b_ds.GetRasterBand(1)
w, h = a_ds.RasterXSize, a_ds.RasterYSize
assert (w, h) == (b_ds.RasterXSize, b_ds.RasterYSize), "sizes differ"
worst, data = 0.0, 0
for y in range(0, h, 1024):
    rows = min(1024, h - y)
    arrs = []
    for band in (a_b, b_b):
        arr = band.ReadAsArray(0, y, w, rows).astype(np.float64)
        nd = band.GetNoDataValue()
        if nd is not None and not np.isnan(nd):
            arr[arr == nd] = np.nan
        arrs.append(arr)
    na, nb = np.isnan(arrs[0]), np.isnan(arrs[1])
    if not np.array_equal(na, nb):
        sys.exit(f"NoData differs in rows {y}..{y + rows - 1}: {int((na != nb).sum())} cells")
    ok = ~na
    data += int(ok.sum())
    if ok.any():
        worst = max(worst, float(np.abs(arrs[0][ok] - arrs[1][ok]).max()))
ovr = (a_b.GetOverviewCount(), b_b.GetOverviewCount())
print(f"cells compared: {data}, max |a - b| = {worst:.3g}, overviews {ovr[0]} vs {ovr[1]}")
sys.exit(0 if worst <= tol and ovr[0] == ovr[1] else 1)
