package io.rastermill.core.crs;

/** Great-circle distance on a sphere, with GeoTrellis's formula and operation order ({@code geotrellis.util.Haversine}). */
public final class Haversine {

    /** GeoTrellis's earth radius: the WGS 84 semi-major axis, {@value} m. */
    public static final double EARTH_RADIUS = 6378137d;

    private Haversine() {}

    /** Distance in metres between two longitude/latitude points (degrees) on a sphere of {@link #EARTH_RADIUS}. */
    public static double distance(double startLon, double startLat, double endLon, double endLat) {
        return distance(startLon, startLat, endLon, endLat, EARTH_RADIUS);
    }

    /** Distance between two longitude/latitude points (degrees) on a sphere of the given radius. */
    public static double distance(double startLon, double startLat, double endLon, double endLat, double radius) {
        double dLat = Math.toRadians(endLat - startLat);
        double dLon = Math.toRadians(endLon - startLon);
        double lat1 = Math.toRadians(startLat);
        double lat2 = Math.toRadians(endLat);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.sin(dLon / 2) * Math.sin(dLon / 2) * Math.cos(lat1) * Math.cos(lat2);
        double c = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
        return radius * c;
    }
}
