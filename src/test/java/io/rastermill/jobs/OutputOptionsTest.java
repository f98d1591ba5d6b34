package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.write.GeoTiffOutputParams;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The default Deflate level: 1 for predictor-3 floats (sizes within 1 % of GDAL's level 6), else GDAL's 6. */
class OutputOptionsTest {
    @Command(name = "write")
    static final class Write {
        @Mixin
        OutputOptions output;
    }

    private static GeoTiffWriteOptions parse(CellType cellType, String... args) {
        Write w = new Write();
        new CommandLine(w).parseArgs(args);
        return w.output.toWriteOptions(cellType);
    }

    @Test
    void floatsWithThePredictorDefaultToDeflateLevelOne() {
        GeoTiffWriteOptions o = parse(CellType.parse("float32ud-9999"));
        assertEquals(Compression.DEFLATE, o.compression());
        assertEquals(Predictor.FLOATING_POINT, o.predictor());
        assertEquals(GeoTiffOutputParams.FLOAT_DEFLATE_LEVEL, o.level());
        assertEquals(1, o.level());
    }

    @Test
    void anExplicitLevelOrAnotherPredictorKeepsGdalsDefault() {
        assertEquals(6, parse(CellType.parse("float32ud-9999"), "--level", "6").level());
        assertEquals(
                6, parse(CellType.parse("float32ud-9999"), "--predictor", "1").level());
        assertEquals(6, parse(CellType.parse("int16"), "--compress", "deflate").level());
        assertEquals(9, parse(CellType.parse("float64"), "--compress", "zstd").level());
    }
}
