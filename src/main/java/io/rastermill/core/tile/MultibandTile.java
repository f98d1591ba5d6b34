package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * An ordered set of one or more bands that share cell type, cols and rows (GeoTrellis's
 * {@code ArrayMultibandTile}). Immutable; operations are band-wise or combine two bands per cell.
 */
public final class MultibandTile implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Tile> bands;

    private MultibandTile(List<Tile> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a multiband tile needs at least one band");
        }
        Tile first = bands.get(0);
        for (int b = 1; b < bands.size(); b++) {
            Tile t = bands.get(b);
            if (t.cols() != first.cols()
                    || t.rows() != first.rows()
                    || !t.cellType().equals(first.cellType())) {
                throw new IllegalArgumentException("band " + b + " is " + t.cols() + "x" + t.rows() + " " + t.cellType()
                        + " but band 0 is " + first.cols() + "x" + first.rows() + " " + first.cellType());
            }
        }
        this.bands = List.copyOf(bands);
    }

    public static MultibandTile of(Tile... bands) {
        return new MultibandTile(List.of(bands));
    }

    public static MultibandTile of(List<Tile> bands) {
        return new MultibandTile(bands);
    }

    public int bandCount() {
        return bands.size();
    }

    public Tile band(int index) {
        if (index < 0 || index >= bands.size()) {
            throw new IndexOutOfBoundsException("band " + index + " of a " + bands.size() + "-band tile");
        }
        return bands.get(index);
    }

    /** The bands, unmodifiable, in band order. */
    public List<Tile> bands() {
        return bands;
    }

    public CellType cellType() {
        return bands.get(0).cellType();
    }

    public int cols() {
        return bands.get(0).cols();
    }

    public int rows() {
        return bands.get(0).rows();
    }

    /** The given bands, in the given order (repeats allowed). */
    public MultibandTile subset(int... indices) {
        List<Tile> picked = new ArrayList<>(indices.length);
        for (int i : indices) {
            picked.add(band(i));
        }
        return new MultibandTile(picked);
    }

    /** Every band through {@code f}; the results must again share size and cell type. */
    public MultibandTile mapBands(UnaryOperator<Tile> f) {
        List<Tile> out = new ArrayList<>(bands.size());
        for (Tile t : bands) {
            out.add(f.apply(t));
        }
        return new MultibandTile(out);
    }

    /** {@link Tile#map} on one band; the other bands are kept. */
    public MultibandTile map(int band, IntUnaryOperator f) {
        return replace(band, band(band).map(f));
    }

    /** {@link Tile#mapDouble} on one band; the other bands are kept. */
    public MultibandTile mapDouble(int band, DoubleUnaryOperator f) {
        return replace(band, band(band).mapDouble(f));
    }

    private MultibandTile replace(int band, Tile t) {
        List<Tile> out = new ArrayList<>(bands);
        out.set(band, t);
        return new MultibandTile(out);
    }

    /** Two bands combined cell by cell in the int lane ({@link Tile#combine}). */
    public Tile combine(int b0, int b1, IntBinaryOperator f) {
        return band(b0).combine(band(b1), f);
    }

    /** Two bands combined cell by cell in the double lane ({@link Tile#combineDouble}). */
    public Tile combineDouble(int b0, int b1, DoubleBinaryOperator f) {
        return band(b0).combineDouble(band(b1), f);
    }

    public MultibandTile convert(CellType target) {
        return mapBands(t -> t.convert(target));
    }

    public MultibandTile interpretAs(CellType target) {
        return mapBands(t -> t.interpretAs(target));
    }

    public MultibandTile crop(int colMin, int rowMin, int colMax, int rowMax) {
        return mapBands(t -> t.crop(colMin, rowMin, colMax, rowMax));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultibandTile m && m.bands.equals(bands);
    }

    @Override
    public int hashCode() {
        return bands.hashCode();
    }

    @Override
    public String toString() {
        return "MultibandTile(" + bands.size() + " x " + cols() + "x" + rows() + ", " + cellType() + ")";
    }
}
