package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

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
        SegmentCopier.copy(
                SampleKind.UINT16,
                new SegmentCopier.Source(seg, ByteOrder.BIG_ENDIAN, 2 * 3 * 2, 3, 2),
                0,
                0,
                2,
                2,
                dst,
                3,
                1,
                1);
        assertArrayEquals(new short[] {0, 0, 0, 0, 2, 102, 0, 202, 302}, dst);
    }

    /** Sample (x, y) of the test segments: distinct, negative in places, and with bytes that differ when swapped. */
    private static double sample(int x, int y) {
        return 1000 * y + 7 * x - 1500.25 * (x % 2) + 0x0102;
    }

    /**
     * A 5x3 segment of {@code kind} in {@code order} with {@code spp} samples per pixel (sample 0 is {@link #sample},
     * the others -1) and rows padded by one pixel, as a reader meets rows that are wider than what it copies.
     */
    private static byte[] segment(SampleKind kind, ByteOrder order, int spp) {
        int bytes = kind.bytes();
        ByteBuffer b = ByteBuffer.allocate(6 * spp * bytes * 3).order(order);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 6; x++) {
                for (int s = 0; s < spp; s++) {
                    double v = s == 0 ? sample(x, y) : -1;
                    int at = ((y * 6 + x) * spp + s) * bytes;
                    switch (kind) {
                        case INT16 -> b.putShort(at, (short) v);
                        case INT32 -> b.putInt(at, (int) v);
                        case FLOAT32 -> b.putFloat(at, (float) v);
                        case FLOAT64 -> b.putDouble(at, v);
                        default -> throw new IllegalArgumentException(kind.name());
                    }
                }
            }
        }
        return b.array();
    }

    /** The 3x2 samples at segment pixel (1, 1) into a 4-pixel-wide window at (1, 0), as doubles. */
    private static double[] window(SampleKind kind, ByteOrder order, int spp) {
        int rowBytes = 6 * spp * kind.bytes();
        Object dst = switch (kind) {
            case INT16 -> new short[4 * 2];
            case INT32 -> new int[4 * 2];
            case FLOAT32 -> new float[4 * 2];
            default -> new double[4 * 2];
        };
        SegmentCopier.copy(
                kind,
                new SegmentCopier.Source(segment(kind, order, spp), order, rowBytes, spp, 0),
                1,
                1,
                3,
                2,
                dst,
                4,
                1,
                0);
        double[] out = new double[8];
        for (int i = 0; i < 8; i++) {
            out[i] = switch (kind) {
                case INT16 -> ((short[]) dst)[i];
                case INT32 -> ((int[]) dst)[i];
                case FLOAT32 -> ((float[]) dst)[i];
                default -> ((double[]) dst)[i];
            };
        }
        return out;
    }

    @Test
    void copiesRowsOfOneSampleInBulkInBothByteOrders() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            // window row 0 = segment row 1, x = 1..3; row 1 = segment row 2; column 0 stays 0
            assertArrayEquals(
                    new double[] {0, -235, 1272, -221, 0, 764, 2272, 778},
                    window(SampleKind.INT16, order, 1),
                    "int16 " + order);
            assertArrayEquals(
                    new double[] {0, -235, 1272, -221, 0, 764, 2272, 778},
                    window(SampleKind.INT32, order, 1),
                    "int32 " + order);
            assertArrayEquals(
                    new double[] {0, -235.25, 1272, -221.25, 0, 764.75, 2272, 778.75},
                    window(SampleKind.FLOAT32, order, 1),
                    "float32 " + order);
            assertArrayEquals(
                    new double[] {0, -235.25, 1272, -221.25, 0, 764.75, 2272, 778.75},
                    window(SampleKind.FLOAT64, order, 1),
                    "float64 " + order);
        }
    }

    @Test
    void bulkRowsEqualTheSampleBySampleCopyOfChunkySegments() {
        for (SampleKind kind :
                new SampleKind[] {SampleKind.INT16, SampleKind.INT32, SampleKind.FLOAT32, SampleKind.FLOAT64}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                double[] bulk = window(kind, order, 1);
                assertArrayEquals(window(kind, order, 2), bulk, kind + " " + order);
                assertNotEquals(0, bulk[1], "the window was written");
            }
        }
    }

    @Test
    void unpacksMsbFirstBitsIntoLsbFirstTiles() {
        // 10 pixels wide: row bytes = 2; pixels 0, 2, 9 set -> 1010 0000 | 0100 0000
        byte[] seg = {(byte) 0b1010_0000, (byte) 0b0100_0000};
        byte[] dst = new byte[2];
        SegmentCopier.copy(
                SampleKind.BIT,
                new SegmentCopier.Source(seg, ByteOrder.LITTLE_ENDIAN, 2, 1, 0),
                0,
                0,
                10,
                1,
                dst,
                10,
                0,
                0);
        assertArrayEquals(new byte[] {0b0000_0101, 0b10}, dst);
    }

    @Test
    void readsUnsigned32BitSamplesExactlyAsDoubles() {
        byte[] seg = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 0, 0, 0};
        double[] dst = new double[2];
        SegmentCopier.copy(
                SampleKind.UINT32,
                new SegmentCopier.Source(seg, ByteOrder.LITTLE_ENDIAN, 8, 1, 0),
                0,
                0,
                2,
                1,
                dst,
                2,
                0,
                0);
        assertArrayEquals(new double[] {4294967295.0, 1.0}, dst);
    }

    @Test
    void cellTypesFollowGdalNoDataAndGeoTrellisCollapsing() {
        assertEquals(CellType.UINT8_RAW, SampleKind.UINT8.cellType(OptionalDouble.empty()));
        assertEquals(CellType.UINT8, SampleKind.UINT8.cellType(OptionalDouble.of(0)));
        assertEquals(
                "uint8ud255", SampleKind.UINT8.cellType(OptionalDouble.of(255)).name());
        assertEquals(CellType.UINT8_RAW, SampleKind.UINT8.cellType(OptionalDouble.of(-1)), "unrepresentable NoData");
        assertEquals(
                "int16ud-9999",
                SampleKind.INT16.cellType(OptionalDouble.of(-9999)).name());
        assertEquals(CellType.FLOAT32, SampleKind.FLOAT32.cellType(OptionalDouble.of(Double.NaN)));
        assertEquals(
                "float64ud4.294967295E9",
                SampleKind.UINT32.cellType(OptionalDouble.of(4294967295.0)).name());
        assertEquals(CellType.BOOL, SampleKind.BIT.cellType(OptionalDouble.of(0)));
        assertTrue(SampleKind.of(12, SampleKind.FORMAT_UINT).isEmpty());
        assertEquals(SampleKind.INT8, SampleKind.of(8, SampleKind.FORMAT_INT).orElseThrow());
    }
}
