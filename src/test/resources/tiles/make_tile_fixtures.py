#!/usr/bin/python3
"""Small GeoTIFFs for the XYZ tile oracle tests (XyzTilesOracleTest): python3 make_tile_fixtures.py OUTDIR.

Smooth fields with seeded NoData holes, deterministic, a few tens of KiB each:
  utm_byte.tif   UTM 33N (EPSG:32633), 1 band Byte, NoData 0, 200 m cells
  geo_rgb.tif    lat/lon (EPSG:4326), 3 bands Byte RGB, no NoData (transparent outside the footprint)
  geo_float.tif  lat/lon, 1 band Float32, NoData -9999 (non-Byte: scaled over min..max)
  nocrs.tif      utm_byte's grid without a CRS
  world.tif      the whole lat/lon world, poles included
  utm60_am.tif   UTM 60N, 1 band Byte, NoData 0, 2 km cells, across the antimeridian (178.1°E..178.3°W, ~50°N)
  geo_am.tif     lat/lon, 1 band Byte, NoData 0, 0.2° cells, 170°E..190°E (past 180), 40..60°N
"""
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
OUT = sys.argv[1]


def write(name, epsg, gt, bands, dtype, nodata):
    h, w = bands[0].shape
    ds = gdal.GetDriverByName('GTiff').Create(f'{OUT}/{name}.tif', w, h, len(bands), dtype,
                                              ['TILED=YES', 'BLOCKXSIZE=64', 'BLOCKYSIZE=64', 'COMPRESS=DEFLATE'])
    ds.SetGeoTransform(gt)
    if epsg:
        s = osr.SpatialReference()
        s.ImportFromEPSG(epsg)
        ds.SetProjection(s.ExportToWkt())
    for i, b in enumerate(bands):
        band = ds.GetRasterBand(i + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(b)
    ds = None


def field(w, h, fx, fy, phase):
    c, r = np.meshgrid(np.arange(w) / w, np.arange(h) / h)
    return 0.5 + 0.3 * np.sin(c * fx + phase) * np.cos(r * fy) + 0.15 * np.cos((c + r) * 7 + phase)


def holes(a, nodata, seed):
    rng = np.random.default_rng(seed)
    h, w = a.shape
    for _ in range(5):
        r, c = rng.integers(0, h - 25), rng.integers(0, w - 25)
        a[r:r + rng.integers(8, 25), c:c + rng.integers(8, 25)] = nodata
    return a


w, h = 240, 200
byte = np.clip(np.round(field(w, h, 5, 4, 0.3) * 254) + 1, 1, 255).astype(np.uint8)
write('utm_byte', 32633, (400000.0, 200.0, 0, 5120000.0, 0, -200.0), [holes(byte, 0, 1)], gdal.GDT_Byte, 0)
write('world', 4326, (-180.0, 2.0, 0, 90.0, 0, -2.0), [np.full((90, 180), 7, np.uint8)], gdal.GDT_Byte, None)
write('nocrs', None, (400000.0, 200.0, 0, 5120000.0, 0, -200.0), [byte], gdal.GDT_Byte, 0)

w, h = 200, 150
rgb = [np.clip(np.round(field(w, h, 3 + k, 2 + k, k) * 255), 0, 255).astype(np.uint8) for k in range(3)]
write('geo_rgb', 4326, (10.13, 0.01, 0, 47.37, 0, -0.01), rgb, gdal.GDT_Byte, None)

w, h = 180, 160
dem = (field(w, h, 4, 6, 1.1) * 3000 - 200).astype(np.float32)
write('geo_float', 4326, (-3.07, 0.012, 0, 41.93, 0, -0.012), [holes(dem, -9999, 2)], gdal.GDT_Float32, -9999)

w, h = 120, 100
am = np.clip(np.round(field(w, h, 4, 3, 0.7) * 254) + 1, 1, 255).astype(np.uint8)
write('utm60_am', 32660, (600000.0, 2000.0, 0, 5700000.0, 0, -2000.0), [holes(am.copy(), 0, 3)], gdal.GDT_Byte, 0)
write('geo_am', 4326, (170.0, 0.2, 0, 60.0, 0, -0.2), [holes(am[:, :100].copy(), 0, 4)], gdal.GDT_Byte, 0)
