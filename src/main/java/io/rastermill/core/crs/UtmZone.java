package io.rastermill.core.crs;

/**
 * A WGS 84 UTM zone, chosen for a longitude/latitude as GeoTrellis's {@code UTM.getZone} does: 6° zones with the
 * Norway (32V) and Svalbard (31X–37X) exceptions, north for latitudes ≥ 0.
 *
 * @param zone  zone number, normally 1..60
 * @param north true for the northern hemisphere (EPSG:326zz), false for the southern (EPSG:327zz)
 */
public record UtmZone(int zone, boolean north) {

    private static final String MGRS_LATITUDE_BANDS = "CDEFGHJKLMNPQRSTUVWXX";

    /** True if UTM is defined at this latitude: {@code -80 <= lat <= 84}. */
    public static boolean isValidLatitude(double lat) {
        return -80 <= lat && lat <= 84;
    }

    /**
     * The zone holding (lon, lat).
     *
     * @throws IllegalArgumentException if the latitude is outside [-80, 84]
     */
    public static UtmZone of(double lon, double lat) {
        if (!isValidLatitude(lat)) {
            throw new IllegalArgumentException("latitude " + lat + " is outside the UTM limits [-80, 84]");
        }
        int zone = (int) (Math.floor((lon + 180) / 6) + 1);
        char band = MGRS_LATITUDE_BANDS.charAt((int) Math.floor(lat / 8 + 10));
        if (zone == 31 && band == 'V' && lon >= 3) {
            zone = 32;
        } else if (band == 'X') {
            zone = svalbardZone(zone, lon);
        }
        return new UtmZone(zone, lat >= 0);
    }

    private static int svalbardZone(int zone, double lon) {
        return switch (zone) {
            case 32 -> lon < 9 ? 31 : 33;
            case 34 -> lon < 21 ? 33 : 35;
            case 36 -> lon < 33 ? 35 : 37;
            default -> zone;
        };
    }

    /** 326zz in the north, 327zz in the south. */
    public int epsgCode() {
        return (north ? 32600 : 32700) + zone;
    }

    /** The zone's CRS from the EPSG registry. */
    public Crs crs() {
        return Crs.epsg(epsgCode());
    }
}
