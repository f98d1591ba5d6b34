package io.rastermill.core.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import org.junit.jupiter.api.Test;

/** Hand-computed cells; the GeoTrellis values come from shared/geotrellis-golden/recipe/probe-output.txt. */
class TileTest {
    private static final int ND = NoData.INT;

    @Test
    void uint8ReadsMaskedAndZeroIsNoData() {
        Tile t = Tiles.ofBytes(CellType.UINT8, 4, 1, (byte) 0, (byte) 1, (byte) -1, (byte) 100);
        assertArrayEquals(new int[] {ND, 1, 255, 100}, t.toIntLane());
        assertArrayEquals(new double[] {Double.NaN, 1, 255, 100}, t.toDoubleLane());
    }

    @Test
    void int32UserDefinedTranslatesItsNoDataButKeepsStoredMinValueInTheDoubleLane() {
        Tile t = Tiles.ofInts(CellType.parse("int32ud-9999"), 2, 2, 1, -9999, 3, Integer.MIN_VALUE);
        assertArrayEquals(new int[] {1, ND, 3, ND}, t.toIntLane());
        assertArrayEquals(new double[] {1, Double.NaN, 3, -2.147483648E9}, t.toDoubleLane());
        // convert copies through the int lane (the source is integral)
        assertArrayEquals(new int[] {1, ND, 3, ND}, ((IntArrayTile) t.convert(CellType.INT32)).copyCells());
        assertArrayEquals(
                new float[] {1, -1, 3, -1}, ((FloatArrayTile) t.convert(CellType.parse("float32ud-1"))).copyCells());
    }

    @Test
    void mapDoesNotSkipNoDataButMapIfSetAndLocalStyleFunctionsDo() {
        Tile t = Tiles.ofInts(CellType.INT32, 4, 1, 1, ND, 3, 4);
        assertArrayEquals(new int[] {2, -2147483647, 4, 5}, t.map(z -> z + 1).toIntLane());
        assertArrayEquals(new int[] {2, ND, 4, 5}, t.mapIfSet(z -> z + 1).toIntLane());
    }

    @Test
    void combineReturnsTheUnionCellType() {
        Tile i = Tiles.ofInts(CellType.INT32, 2, 1, 1, 2);
        Tile f = Tiles.ofFloats(CellType.FLOAT32, 2, 1, 0.5f, Float.NaN);
        Tile sum = i.combineDouble(f, Double::sum);
        assertEquals(CellType.FLOAT32, sum.cellType());
        assertArrayEquals(new double[] {1.5, Double.NaN}, sum.toDoubleLane());
        assertThrows(
                IllegalArgumentException.class, () -> i.combine(Tiles.ofInts(CellType.INT32, 1, 1, 1), Integer::sum));
    }

    @Test
    void floatLanesFollowGeoTrellisQuirks() {
        // raw: NaN casts to 0 in the int lane; constant: NaN is NoData; user-defined: only the value is NoData
        float[] cells = {Float.NaN, -9999f, 2.9f, -2.9f};
        assertArrayEquals(
                new int[] {0, -9999, 2, -2},
                Tiles.ofFloats(CellType.FLOAT32_RAW, 4, 1, cells).toIntLane());
        assertArrayEquals(
                new int[] {ND, -9999, 2, -2},
                Tiles.ofFloats(CellType.FLOAT32, 4, 1, cells).toIntLane());
        Tile ud = Tiles.ofFloats(CellType.parse("float32ud-9999"), 4, 1, cells);
        assertArrayEquals(new int[] {0, ND, 2, -2}, ud.toIntLane());
        assertTrue(Double.isNaN(ud.getDouble(0, 0)) && Double.isNaN(ud.getDouble(1, 0)));
    }

    @Test
    void narrowingWrapsAndNoDataBecomesTheTargetsNoData() {
        Tile t = Tiles.fromIntLane(CellType.INT8, 4, 1, 300, ND, -129, 5);
        assertArrayEquals(new byte[] {44, -128, 127, 5}, ((ByteArrayTile) t).copyCells());
        Tile u = Tiles.fromDoubleLane(CellType.parse("uint16ud65535"), 3, 1, Double.NaN, 70000.7, -1.5);
        assertArrayEquals(new short[] {-1, (short) 70000, -1}, ((ShortArrayTile) u).copyCells());
        assertArrayEquals(new int[] {ND, 4464, ND}, u.toIntLane());
    }

    @Test
    void bitTilesArePackedLsbFirst() {
        Tile t = Tiles.fromIntLane(CellType.BOOL, 3, 3, 1, 0, 1, 0, 0, 0, 0, 0, 3);
        assertArrayEquals(new byte[] {0b101, 1}, t.toBytes());
        assertEquals(1, t.get(2, 2));
        Tile flipped = t.map(z -> z == 0 ? 1 : 0);
        assertArrayEquals(new int[] {0, 1, 0, 1, 1, 1, 1, 1, 0}, flipped.toIntLane());
        assertArrayEquals(
                new int[] {1, 0, 0, 0}, ((BitArrayTile) t).crop(0, 0, 1, 1).toIntLane());
    }

    @Test
    void cropCopiesStoredSamplesOfTheInclusiveWindow() {
        Tile t = Tiles.ofShorts(
                CellType.INT16,
                3,
                3,
                (short) 1,
                (short) 2,
                (short) 3,
                (short) 4,
                (short) -32768,
                (short) 6,
                (short) 7,
                (short) 8,
                (short) 9);
        Tile c = t.crop(1, 1, 2, 2);
        assertEquals(2, c.cols());
        assertArrayEquals(new int[] {ND, 6, 8, 9}, c.toIntLane());
        assertThrows(IllegalArgumentException.class, () -> t.crop(1, 1, 3, 2));
    }

    @Test
    void toBytesIsBigEndianAndFromBytesInvertsIt() {
        Tile t = Tiles.ofInts(CellType.INT32, 2, 1, 1, -2);
        assertArrayEquals(new byte[] {0, 0, 0, 1, -1, -1, -1, -2}, t.toBytes());
        assertEquals(t, Tiles.fromBytes(t.toBytes(), CellType.INT32, 2, 1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Tiles.fromBytes(new byte[7], CellType.INT32, 2, 1));
        assertTrue(e.getMessage().contains("needs 8 bytes"), e.getMessage());
    }

    @Test
    void constantTilesBehaveLikeTheArrayTileTheyExpandTo() {
        ConstantTile c = Tiles.constant(CellType.parse("int16ud-9999"), 3, 2, Double.NaN);
        assertArrayEquals(new int[] {ND, ND, ND, ND, ND, ND}, c.toIntLane());
        assertArrayEquals(
                new short[] {-9999, -9999, -9999, -9999, -9999, -9999}, ((ShortArrayTile) c.toArrayTile()).copyCells());
        assertEquals(c.toArrayTile(), c);
        assertEquals(c.toArrayTile().map(z -> z + 1), c.map(z -> z + 1));
        assertEquals(2, c.crop(0, 0, 1, 0).cols());
        Tile ones = Tiles.constant(CellType.BOOL, 3, 3, 1);
        assertArrayEquals(new byte[] {-1, 1}, ones.toBytes());
    }

    @Test
    void interpretAsReusesSamplesUnderAnotherNoDataPolicy() {
        Tile t = Tiles.ofBytes(CellType.UINT8_RAW, 2, 1, (byte) 0, (byte) 7);
        assertArrayEquals(new int[] {0, 7}, t.toIntLane());
        assertArrayEquals(
                new int[] {0, ND}, t.interpretAs(CellType.parse("uint8ud7")).toIntLane());
        assertThrows(IllegalArgumentException.class, () -> t.interpretAs(CellType.INT8));
    }

    @Test
    void builderWritesAsTheLanesDoAndCannotBeReusedAfterBuild() {
        TileBuilder b = TileBuilder.noData(CellType.parse("float32ud-9999"), 2, 2);
        b.set(0, 0, 5).setDouble(1, 0, 2.5).set(0, 1, ND);
        ArrayTile t = b.build();
        assertArrayEquals(new float[] {5, 2.5f, -9999, -9999}, ((FloatArrayTile) t).copyCells());
        assertThrows(IllegalStateException.class, () -> b.set(0, 0, 1));
        assertThrows(
                IndexOutOfBoundsException.class,
                () -> TileBuilder.zeros(CellType.INT8, 2, 2).set(2, 0, 1));
        Tile copy = TileBuilder.copyOf(t).set(1, 1, 9).build();
        assertEquals(-9999f, ((FloatArrayTile) t).copyCells()[3], "copyOf must not write through to the source");
        assertEquals(9, copy.get(1, 1));
    }

    @Test
    void multibandTilesRequireMatchingBands() {
        Tile a = Tiles.ofInts(CellType.INT32, 2, 1, 1, 2);
        Tile b = Tiles.ofInts(CellType.INT32, 2, 1, 10, 20);
        MultibandTile m = MultibandTile.of(a, b);
        assertEquals(2, m.bandCount());
        assertArrayEquals(new int[] {11, 22}, m.combine(0, 1, Integer::sum).toIntLane());
        assertSame(b, m.subset(1).band(0));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> MultibandTile.of(a, Tiles.ofFloats(CellType.FLOAT32, 2, 1, 1, 2)));
        assertTrue(e.getMessage().contains("band 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultibandTile.of());
    }

    @Test
    void theReadmeExampleComputesWhatItSays() {
        Tile dem = Tiles.ofFloats(CellType.parse("float32ud-9999"), 2, 2, 1f, -9999f, 3f, 4f);
        Tile feet = dem.mapIfSetDouble(z -> z * 3.28084);
        Tile mask = dem.combine(feet, (a, b) -> a == NoData.INT ? 0 : 1).convert(CellType.BOOL);
        assertArrayEquals(new float[] {3.28084f, -9999f, 9.84252f, 13.12336f}, ((FloatArrayTile) feet).copyCells());
        assertArrayEquals(new int[] {1, 0, 1, 1}, mask.toIntLane());
        assertEquals(CellType.BOOL, mask.cellType());
    }
}
