package io.rastermill.spark.sql;

import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The SQL tests' layer: a GDAL-made 100 x 80 int16 COG with NoData, in 32-cell tiles (4 x 3, the last column and row cropped). */
final class SqlTestLayer {
    static final String FILE =
            GdalFixtures.named("cog_int16_deflate_bs32").tif().toString();

    private SqlTestLayer() {}

    /** The layer, on a session with the rm_ functions registered (registering again replaces them). */
    static TileLayer layer(SparkSession spark) throws Exception {
        RastermillSql.register(spark);
        return TileLayers.readGeoTiffs(
                spark, List.of(FILE), TileLayers.ReadOptions.defaults().withTileSize(32));
    }
}
