#!/usr/bin/env python3
"""Scene series for CompositeTest and their numpy references.

Usage: make_composite_fixtures.py OUTDIR

Writes OUTDIR/scenes/scene_NN_YYYYMMDD.tif: 30 two-band UInt16 scenes (A = value, NoData 0; B = QA, bit 3 = cloud)
on different grids in EPSG:32633 (offsets in whole target cells, sizes 18..45 cells, every fifth at 20 m), which
overlap the 60 x 50 target grid partially; the DateTime tag holds each scene's date too. Also dates.csv (path,time),
onebanded.tif (for the band-count error) and ref/<reducer>.tif: numpy over the stack placed on the target grid,
NoData and cloudy cells dropped, as Float64 with NaN for NoData (count: 0). The scenes' grids are aligned to the
target's, so a nearest-neighbour warp places cells exactly and the references are exact.
"""
import datetime
import os
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
out = sys.argv[1]
os.makedirs(os.path.join(out, "scenes"), exist_ok=True)
os.makedirs(os.path.join(out, "ref"), exist_ok=True)

X0, Y0, RES, W, H = 500000.0, 5000000.0, 10.0, 60, 50
srs = osr.SpatialReference()
srs.ImportFromEPSG(32633)
rng = np.random.default_rng(18)
start = datetime.date(2024, 5, 1)

N = 30
stack = np.full((N, H, W), np.nan)
days = np.zeros(N)
order = rng.permutation(N)  # file numbers not in time order
csv = ["path,time"]


def write(path, arrays, gt, nodata, date=None):
    ds = gdal.GetDriverByName("GTiff").Create(path, arrays[0].shape[1], arrays[0].shape[0], len(arrays), gdal.GDT_UInt16)
    ds.SetGeoTransform(gt)
    ds.SetProjection(srs.ExportToWkt())
    if date is not None:
        ds.SetMetadataItem("TIFFTAG_DATETIME", date.strftime("%Y:%m:%d 10:30:00"))
    for i, a in enumerate(arrays):
        b = ds.GetRasterBand(i + 1)
        if nodata is not None and i == 0:
            b.SetNoDataValue(nodata)
        b.WriteArray(a)
    ds = None


for t in range(N):
    date = start + datetime.timedelta(days=int(t * 3 + rng.integers(0, 3)))
    days[t] = (date - start).days
    scale = 2 if t % 5 == 4 else 1
    cw = int(rng.integers(18, 46)) // scale
    ch = int(rng.integers(18, 46)) // scale
    c0 = int(rng.integers(-12, W - 8)) // scale * scale
    r0 = int(rng.integers(-12, H - 8)) // scale * scale
    value = (1000 + 40 * t + rng.integers(0, 800, (ch, cw))).astype(np.uint16)
    value[rng.random((ch, cw)) < 0.1] = 0  # NoData holes
    qa = np.where(rng.random((ch, cw)) < 0.2, 8, 0).astype(np.uint16) | rng.integers(0, 4, (ch, cw)).astype(np.uint16)
    if t % 7 == 3:  # a cloud bank
        qa[: ch // 2, :] |= 8
    name = "scene_%02d_%s.tif" % (order[t], date.strftime("%Y%m%d"))
    write(os.path.join(out, "scenes", name), [value, qa], (X0 + c0 * RES, RES * scale, 0, Y0 - r0 * RES, 0, -RES * scale),
          0, date)
    csv.append("%s,%s" % (name, date.isoformat()))
    full_v = np.repeat(np.repeat(value, scale, 0), scale, 1).astype(float)
    full_q = np.repeat(np.repeat(qa, scale, 0), scale, 1)
    full_v[(full_v == 0) | ((full_q & 8) != 0)] = np.nan
    rows, cols = full_v.shape
    ta, tb = max(r0, 0), min(r0 + rows, H)
    sa, sb = max(c0, 0), min(c0 + cols, W)
    if ta < tb and sa < sb:
        stack[t, ta:tb, sa:sb] = full_v[ta - r0:tb - r0, sa - c0:sb - c0]

with open(os.path.join(out, "dates.csv"), "w") as f:
    f.write("\n".join(csv) + "\n")
write(os.path.join(out, "onebanded.tif"), [np.ones((10, 10), np.uint16)], (X0, RES, 0, Y0, 0, -RES), 0)


def reference(name, stack, days):
    valid = ~np.isnan(stack)
    count = valid.sum(axis=0)
    with np.errstate(all="ignore"), __import__("warnings").catch_warnings():
        __import__("warnings").simplefilter("ignore")
        if name == "median":
            return [np.nanmedian(stack, axis=0)]
        if name == "mean":
            return [np.nanmean(stack, axis=0)]
        if name == "min":
            return [np.nanmin(stack, axis=0)]
        if name == "max":
            return [np.nanmax(stack, axis=0)]
        if name == "count":
            return [count.astype(float)]
        if name in ("first", "last"):
            idx = np.argmax(valid, axis=0) if name == "first" else stack.shape[0] - 1 - np.argmax(valid[::-1], axis=0)
            v = np.take_along_axis(stack, idx[None], axis=0)[0]
            return [np.where(count > 0, v, np.nan)]
        if name.startswith("p"):
            return [np.nanpercentile(stack, float(name[1:]), axis=0)]
        if name == "trend":
            x = np.where(valid, days[:, None, None], np.nan)
            mx, my = np.nanmean(x, axis=0), np.nanmean(stack, axis=0)
            sxx = np.nansum((x - mx) ** 2, axis=0)
            sxy = np.nansum((x - mx) * (stack - my), axis=0)
            syy = np.nansum((stack - my) ** 2, axis=0)
            ok = (count >= 2) & (sxx > 0)
            slope = np.where(ok, sxy / sxx, np.nan)
            intercept = np.where(ok, my - slope * mx, np.nan)
            r2 = np.where(ok & (syy > 0), sxy * sxy / (sxx * syy), np.nan)
            return [slope, intercept, r2, count.astype(float)]
    raise ValueError(name)


def write_ref(name, bands):
    ds = gdal.GetDriverByName("GTiff").Create(os.path.join(out, "ref", name + ".tif"), W, H, len(bands), gdal.GDT_Float64)
    ds.SetGeoTransform((X0, RES, 0, Y0, 0, -RES))
    ds.SetProjection(srs.ExportToWkt())
    for i, a in enumerate(bands):
        ds.GetRasterBand(i + 1).SetNoDataValue(float("nan"))
        ds.GetRasterBand(i + 1).WriteArray(a)
    ds = None


for name in ["median", "mean", "min", "max", "count", "first", "last", "p10", "p90", "p2.5", "trend"]:
    write_ref(name, reference(name, stack, days))
# June only (2024-06-01 .. 2024-06-30): trend and median over the scenes in range, days from the first of them
june = np.array([(start + datetime.timedelta(days=int(d))).month == 6 for d in days])
write_ref("june-median", reference("median", stack[june], days[june] - days[june][0]))
write_ref("june-trend", reference("trend", stack[june], days[june] - days[june][0]))
