#!/usr/bin/python3
"""Small GeoTIFFs for the warp oracle tests (WarpOracleTest): python3 make_warp_fixtures.py OUTDIR.

Every value is a smooth function of longitude/latitude (so neighbouring scenes agree where they overlap) plus a
seeded pattern, with NoData holes. Deterministic; a few hundred KiB in all.
"""
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
OUT = sys.argv[1]


def geo(epsg, gt, w, h):
    """lon/lat of every cell centre of a grid."""
    src = osr.SpatialReference()
    src.ImportFromEPSG(epsg)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(4326)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    t = osr.CoordinateTransformation(src, dst)
    cols, rows = np.meshgrid(np.arange(w) + 0.5, np.arange(h) + 0.5)
    x = gt[0] + cols * gt[1]
    y = gt[3] + rows * gt[5]
    pts = np.array(t.TransformPoints(np.column_stack([x.ravel(), y.ravel()])))
    return pts[:, 0].reshape(h, w), pts[:, 1].reshape(h, w)


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


def terrain(lon, lat):
    return (800 + 300 * np.sin(lon * 7.0) * np.cos(lat * 5.0) + 120 * np.cos(lon * 23.0 + lat * 17.0)
            + 40 * np.sin(lat * 61.0))


def holes(a, nodata, seed):
    rng = np.random.default_rng(seed)
    h, w = a.shape
    for _ in range(4):
        r, c = rng.integers(0, h - 12), rng.integers(0, w - 12)
        a[r:r + rng.integers(3, 12), c:c + rng.integers(3, 12)] = nodata
    return a


def scene(name, epsg, gt, w, h, seed, dtype=gdal.GDT_Float32, nodata=-9999.0, nbands=1):
    lon, lat = geo(epsg, gt, w, h)
    bands = []
    for b in range(nbands):
        a = terrain(lon + b * 0.01, lat).astype(np.float32)
        bands.append(holes(a, nodata, seed + b))
    write(name, epsg, gt, bands, dtype, nodata)


# UTM 33N near 15E 48N, 30 m: a DEM with holes.
scene('utm33', 32633, (500000.0, 30.0, 0, 5320000.0, 0, -30.0), 160, 120, 1)
# Lat/lon over the same area (for geographic sources).
scene('geo', 4326, (14.9, 0.0004, 0, 48.1, 0, -0.0003), 150, 130, 2)
# Lambert-93 (LCC, EPSG:2154) over France, 3 bands of Int16.
scene('lcc', 2154, (650000.0, 50.0, 0, 6860000.0, 0, -50.0), 130, 110, 3, gdal.GDT_Int16, -32768, 3)
# Polar: a lat/lon grid over Greenland's coast, warped to NSIDC north polar stereographic (EPSG:3413).
scene('arctic', 4326, (-52.0, 0.01, 0, 72.0, 0, -0.005), 140, 120, 4)
# Classes (Byte, NoData 0) in patches, for mode.
lon, lat = geo(32633, (500000.0, 30.0, 0, 5320000.0, 0, -30.0), 160, 120)
classes = (1 + (np.floor(lon * 400) + 2 * np.floor(lat * 300)) % 6).astype(np.uint8)
classes[40:52, 70:90] = 0
write('classes', 32633, (500000.0, 30.0, 0, 5320000.0, 0, -30.0), [classes], gdal.GDT_Byte, 0)
# Two scenes on each side of the UTM 32/33 border (12E), overlapping by a few kilometres.
scene('zone32', 32632, (716000.0, 40.0, 0, 5350000.0, 0, -40.0), 150, 120, 5)
scene('zone33', 32633, (274000.0, 40.0, 0, 5352000.0, 0, -40.0), 150, 120, 6)
# No CRS at all.
write('nocrs', 0, (0.0, 1.0, 0, 100.0, 0, -1.0), [np.ones((20, 20), np.float32)], gdal.GDT_Float32, None)
# Two bands, to mosaic with a one-band file.
scene('twobands', 32633, (500000.0, 30.0, 0, 5320000.0, 0, -30.0), 40, 30, 7, nbands=2)
# Across the antimeridian: UTM 60N crossing 180E near 52N, and lon/lat running on past 180 (179..180.6).
# Longitudes are unwrapped (mod 360) so the pattern is continuous across 180.
lon, lat = geo(32660, (700000.0, 1000.0, 0, 5800000.0, 0, -1000.0), 160, 120)
write('utm60', 32660, (700000.0, 1000.0, 0, 5800000.0, 0, -1000.0),
      [holes(terrain(np.mod(lon, 360), lat).astype(np.float32), -9999.0, 8)], gdal.GDT_Float32, -9999.0)
lon, lat = np.meshgrid(179.0 + (np.arange(160) + 0.5) * 0.01, 52.0 - (np.arange(120) + 0.5) * 0.01)
write('past180', 4326, (179.0, 0.01, 0, 52.0, 0, -0.01),
      [holes(terrain(lon, lat).astype(np.float32), -9999.0, 9)], gdal.GDT_Float32, -9999.0)
