package io.rastermill.spark.sql;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.UDFRegistration;

/**
 * Registers the {@code rm_*} SQL functions of the {@link SqlFunctions} catalog on a session; the
 * generated page {@code docs/sql-functions.md} lists them. Tiles go in and out as binary in the
 * {@link io.rastermill.core.tile.TileBytes} form; a NULL tile gives NULL.
 */
public final class RastermillSql {
    private RastermillSql() {}

    public static void register(SparkSession spark) {
        UDFRegistration udf = spark.udf();
        for (SqlFunction f : SqlFunctions.all()) {
            f.register(udf);
        }
    }
}
