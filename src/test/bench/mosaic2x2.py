#!/usr/bin/python3
"""2x2 mosaic of a tiled single-IFD classic TIFF by copying its compressed tiles (no re-encoding): SRC (N x N) ->
DST (2N x 2N BigTIFF), same tags, geotransform origin unchanged. For memory runs only (the terrain jumps at the
joins): make_dem.sh 32768 takes over 40 minutes on a loaded 2-core box, this about a minute.
  /usr/bin/python3 src/test/bench/mosaic2x2.py /tmp/bench/data/dem_16384.tif /tmp/mem/data/dem_32768.tif"""
import struct, sys
src, dst = sys.argv[1], sys.argv[2]
SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8, 17: 8}
f = open(src, 'rb')
hdr = f.read(8)
assert hdr[:4] == b'II*\x00', 'classic little-endian TIFF expected'
ifd = struct.unpack('<I', hdr[4:])[0]
f.seek(ifd)
n = struct.unpack('<H', f.read(2))[0]
tags = {}
for i in range(n):
    tag, typ, cnt, val = struct.unpack('<HHII', f.read(12))
    size = SIZES[typ] * cnt
    if size <= 4:
        raw = struct.pack('<I', val)[:size]
    else:
        pos = f.tell(); f.seek(val); raw = f.read(size); f.seek(pos)
    tags[tag] = (typ, cnt, raw)
def ints(tag):
    typ, cnt, raw = tags[tag]
    fmt = {3: 'H', 4: 'I', 16: 'Q'}[typ]
    return list(struct.unpack('<%d%s' % (cnt, fmt), raw))
W, H = ints(256)[0], ints(257)[0]
TW, TH = ints(322)[0], ints(323)[0]
across, down = (W + TW - 1) // TW, (H + TH - 1) // TH
assert W % TW == 0 and H % TH == 0, 'whole tiles only'
offs, lens = ints(324), ints(325)
out = open(dst, 'wb')
out.write(b'\0' * 16)  # header later
newoffs, newlens = [], []
for r in range(2 * down):
    for c in range(2 * across):
        s = (r % down) * across + (c % across)
        f.seek(offs[s]); data = f.read(lens[s])
        newoffs.append(out.tell()); newlens.append(len(data))
        out.write(data)
    if r % 16 == 0:
        print('tile row', r, '/', 2 * down, file=sys.stderr, flush=True)
tags[256] = (4, 1, struct.pack('<I', 2 * W))
tags[257] = (4, 1, struct.pack('<I', 2 * H))
tags[324] = (16, len(newoffs), struct.pack('<%dQ' % len(newoffs), *newoffs))
tags[325] = (16, len(newlens), struct.pack('<%dQ' % len(newlens), *newlens))
# out-of-line values, then the IFD
if out.tell() % 2: out.write(b'\0')
entries = []
for tag in sorted(tags):
    typ, cnt, raw = tags[tag]
    if len(raw) <= 8:
        entries.append((tag, typ, cnt, raw.ljust(8, b'\0')))
    else:
        pos = out.tell(); out.write(raw)
        if out.tell() % 2: out.write(b'\0')
        entries.append((tag, typ, cnt, struct.pack('<Q', pos)))
ifdpos = out.tell()
out.write(struct.pack('<Q', len(entries)))
for tag, typ, cnt, v in entries:
    out.write(struct.pack('<HHQ', tag, typ, cnt) + v)
out.write(struct.pack('<Q', 0))
out.seek(0)
out.write(b'II' + struct.pack('<HHHQ', 43, 8, 0, ifdpos))
out.close()
print('wrote', dst, 2 * W, 'x', 2 * H, file=sys.stderr)
