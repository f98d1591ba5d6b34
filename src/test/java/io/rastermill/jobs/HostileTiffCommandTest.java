package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.tiff.TiffTag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile TIFFs through the command line: a valid small GeoTIFF patched in place (no binary is committed) gives
 * exit code 1 and one {@code rastermill:} line naming the file and the tag or IFD. The reader-level cases, with
 * time and allocation bounds, are in {@code TiffMalformedTest} and {@code HostileTiffTest}.
 */
class HostileTiffCommandTest {
    @TempDir
    static Path dir;

    static byte[] valid;

    @BeforeAll
    static void source() throws Exception {
        Path p = dir.resolve("valid.tif");
        new SyntheticDem(64).write(p.toString(), 32);
        valid = Files.readAllBytes(p);
        assertEquals('I', valid[0], "the patches below assume a little-endian classic TIFF");
        assertEquals(42, valid[2]);
    }

    /** The little-endian buffer of a copy of the valid file, and the offset of IFD 0. */
    private record Patch(ByteBuffer buf, int ifd) {
        int entry(int tag) {
            int n = buf.getShort(ifd) & 0xFFFF;
            for (int i = 0; i < n; i++) {
                int at = ifd + 2 + 12 * i;
                if ((buf.getShort(at) & 0xFFFF) == tag) {
                    return at;
                }
            }
            throw new AssertionError("no tag " + tag + " in IFD 0");
        }

        int next() {
            return ifd + 2 + 12 * (buf.getShort(ifd) & 0xFFFF);
        }
    }

    private static void refused(String name, Consumer<Patch> patch, String... fragments) throws Exception {
        byte[] b = valid.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        patch.accept(new Patch(buf, buf.getInt(4)));
        Path f = dir.resolve(name);
        Files.write(f, b);
        CliRun r = CliRun.run("info", f.toString());
        assertEquals(1, r.exitCode(), name + ": " + r.err());
        List<String> lines =
                r.err().lines().filter(l -> l.startsWith("rastermill:")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(f.toString()), lines.get(0));
        for (String s : fragments) {
            assertTrue(lines.get(0).contains(s), "'" + s + "' not in: " + lines.get(0));
        }
    }

    @Test
    void patchedHeadersGiveOneLineNamingTheFileAndTheTag() throws Exception {
        assertEquals(0, CliRun.run("info", dir.resolve("valid.tif").toString()).exitCode());
        refused(
                "predictor-type.tif",
                p -> p.buf().putShort(p.entry(TiffTag.PREDICTOR) + 2, (short) 99),
                "tag 317 (Predictor)",
                "unknown field type code 99");
        refused("ifd-loop.tif", p -> p.buf().putInt(p.next(), p.ifd()), "the IFD chain loops");
        refused(
                "width.tif",
                p -> p.buf()
                        .putShort(p.entry(TiffTag.IMAGE_WIDTH) + 2, (short) 4)
                        .putInt(p.entry(TiffTag.IMAGE_WIDTH) + 8, 0x7FFFFFF0),
                "tag 324 (TileOffsets)",
                "2147483632x64");
        refused(
                "counts.tif",
                p -> p.buf().putInt(p.entry(TiffTag.TILE_BYTE_COUNTS) + 4, 0x7FFFFFFF),
                "tag 325 (TileByteCounts)");
    }
}
