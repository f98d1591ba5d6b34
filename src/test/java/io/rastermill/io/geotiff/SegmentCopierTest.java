package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentCopierTest {

    @Test
    void copiesOneSampleOfChunkyBigEndianShortsIntoAWindow() {
        // 2x2 segment, 3 samples per pixel, 16-bit big-endian: pixel p sample s = 100*p + s
        byte[] seg = new byte[2 * 2 * 3 * 2];
        for (int p = 0; p < 4; p++) {
            for (int s = 0; s < 3; s++) {
                int v = 100 * p + s;
                seg[(p * 3 + s) * 2] = (byte) (v >> 8);
                seg[(p * 3 + s) * 2 + 1] = (byte) v;
            }
        }
        short[] dst = new short[3 * 3];
        SegmentCopier.copy(SampleKind.UINT16, new SegmentCopier.Source(seg, ByteOrder.BIG_ENDIAN, 2 * 3 * 2, 3, 2),
                0, 0, 2, 2, dst, 3, 1, 1);
        assertArrayEquals(new short[] {0, 0, 0, 0, 2, 102, 0, 202, 302}, dst);
    }

    @Test
    void unpacksMsbFirstBitsIntoLsbFirstTiles() {
        // 10 pixels wide: row bytes = 2; pixels 0, 2, 9 set -> 1010 0000 | 0100 0000
        byte[] seg = {(byte) 0b1010_0000, (byte) 0b0100_0000};
        byte[] dst = new byte[2];
        SegmentCopier.copy(SampleKind.BIT, new SegmentCopier.Source(seg, ByteOrder.LITTLE_ENDIAN, 2, 1, 0),
                0, 0, 10, 1, dst, 10, 0, 0);
        assertArrayEquals(new byte[] {0b0000_0101, 0b10}, dst);
    }

    @Test
    void readsUnsigned32BitSamplesExactlyAsDoubles() {
        byte[] seg = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 0, 0, 0};
        double[] dst = new double[2];
        SegmentCopier.copy(SampleKind.UINT32, new SegmentCopier.Source(seg, ByteOrder.LITTLE_ENDIAN, 8, 1, 0),
                0, 0, 2, 1, dst, 2, 0, 0);
        assertArrayEquals(new double[] {4294967295.0, 1.0}, dst);
    }

    @Test
    void cellTypesFollowGdalNoDataAndGeoTrellisCollapsing() {
        assertEquals(CellType.UINT8_RAW, SampleKind.UINT8.cellType(OptionalDouble.empty()));
        assertEquals(CellType.UINT8, SampleKind.UINT8.cellType(OptionalDouble.of(0)));
        assertEquals("uint8ud255", SampleKind.UINT8.cellType(OptionalDouble.of(255)).name());
        assertEquals(CellType.UINT8_RAW, SampleKind.UINT8.cellType(OptionalDouble.of(-1)), "unrepresentable NoData");
        assertEquals("int16ud-9999", SampleKind.INT16.cellType(OptionalDouble.of(-9999)).name());
        assertEquals(CellType.FLOAT32, SampleKind.FLOAT32.cellType(OptionalDouble.of(Double.NaN)));
        assertEquals("float64ud4.294967295E9", SampleKind.UINT32.cellType(OptionalDouble.of(4294967295.0)).name());
        assertEquals(CellType.BOOL, SampleKind.BIT.cellType(OptionalDouble.of(0)));
        assertTrue(SampleKind.of(12, SampleKind.FORMAT_UINT).isEmpty());
        assertEquals(SampleKind.INT8, SampleKind.of(8, SampleKind.FORMAT_INT).orElseThrow());
    }
}
