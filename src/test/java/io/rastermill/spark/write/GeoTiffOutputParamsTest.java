package io.rastermill.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.geotiff.BigTiffMode;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.OverviewResampling;
import org.junit.jupiter.api.Test;

/** The output words and GDAL's creation-option rules they follow; no Spark. */
class GeoTiffOutputParamsTest {
    private static final CellType FLOAT32 = CellType.parse("float32ud-9999");
    private static final CellType INT16 = CellType.parse("int16");

    private static GeoTiffOutputParams with(String compress, Integer level, String predictor) {
        return new GeoTiffOutputParams(compress, level, predictor, 256, true, "auto", null, "average");
    }

    @Test
    void theDefaultsAreDeflateWithThePredictorOfTheCellTypeAsGdalsPredictorYes() {
        GeoTiffWriteOptions f = GeoTiffOutputParams.defaults(256).toWriteOptions(FLOAT32);
        assertEquals(Compression.DEFLATE, f.compression());
        assertEquals(Predictor.FLOATING_POINT, f.predictor());
        assertEquals(GeoTiffOutputParams.FLOAT_DEFLATE_LEVEL, f.level());
        assertEquals(256, f.blockSize());
        assertEquals(GeoTiffWriteOptions.AUTO_OVERVIEWS, f.overviewCount());
        assertEquals(BigTiffMode.AUTO, f.bigTiff());
        assertEquals(OverviewResampling.AVERAGE, f.resampling());

        GeoTiffWriteOptions i = GeoTiffOutputParams.defaults(256).toWriteOptions(INT16);
        assertEquals(Predictor.HORIZONTAL, i.predictor());
        assertEquals(6, i.level(), "GDAL's ZLEVEL default without predictor 3");
    }

    @Test
    void predictorYesIsNoneForCodecsWithoutOneAndForBits() {
        assertEquals(
                Predictor.NONE,
                with("packbits", null, "yes").toWriteOptions(INT16).predictor());
        assertEquals(
                Predictor.NONE,
                with("NONE", null, "Yes").toWriteOptions(FLOAT32).predictor());
        assertEquals(
                Predictor.NONE,
                with("deflate", null, "yes").toWriteOptions(CellType.BOOL).predictor());
        assertEquals(
                Predictor.HORIZONTAL,
                with("lzw", null, "2").toWriteOptions(INT16).predictor());
        assertThrows(
                IllegalArgumentException.class, () -> with("lzw", null, "2").toWriteOptions(FLOAT32));
    }

    @Test
    void anExplicitLevelOrAnotherCodecKeepsItsOwnLevel() {
        assertEquals(7, with("deflate", 7, "yes").toWriteOptions(FLOAT32).level());
        assertEquals(6, with("deflate", null, "no").toWriteOptions(FLOAT32).level());
        assertEquals(9, with("zstd", null, "yes").toWriteOptions(FLOAT32).level());
    }

    @Test
    void overviewsDefaultToNoneWithoutCogAndTakeACount() {
        GeoTiffOutputParams stripped = new GeoTiffOutputParams("lzw", null, "yes", 512, false, "yes", null, "mode");
        GeoTiffWriteOptions o = stripped.toWriteOptions(INT16);
        assertEquals(0, o.overviewCount());
        assertFalse(o.cog());
        assertEquals(BigTiffMode.YES, o.bigTiff());
        assertEquals(OverviewResampling.MODE, o.resampling());
        GeoTiffOutputParams three = new GeoTiffOutputParams("lzw", null, "yes", 512, true, "no", "3", "nearest");
        assertEquals(3, three.toWriteOptions(INT16).overviewCount());
    }

    @Test
    void anUnknownWordNamesTheChoiceAndTheWord() {
        assertEquals(
                "--compress must be deflate, lzw, zstd, packbits or none, not 'jpeg'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> with("jpeg", null, "yes").toWriteOptions(INT16))
                        .getMessage());
        assertEquals(
                "--predictor must be 1, 2, 3, yes or no, not '4'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> with("lzw", null, "4").toWriteOptions(INT16))
                        .getMessage());
        GeoTiffOutputParams badOverviews =
                new GeoTiffOutputParams("lzw", null, "yes", 512, true, "auto", "many", "average");
        assertEquals(
                "--overviews must be auto, none or a number, not 'many'",
                assertThrows(IllegalArgumentException.class, () -> badOverviews.toWriteOptions(INT16))
                        .getMessage());
    }
}
