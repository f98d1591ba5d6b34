package io.rastermill.core.crs;

import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.util.CRSCache;

/**
 * A coordinate reference system, backed by proj4j exactly as GeoTrellis's {@code geotrellis.proj4.CRS} is.
 *
 * <p><b>Definition.</b> A CRS is created from an authority code ({@link #epsg(int)}, {@code "EPSG:3857"}) through
 * proj4j's EPSG registry, or from a proj4 parameter string ({@link #fromProj4(String)}). {@link #toProj4()} is
 * proj4j's parameter string, which is what GeoTrellis writes into layer metadata; for {@link #LATLNG} and
 * {@link #WEB_MERCATOR} it is GeoTrellis's string including its trailing space.
 *
 * <p><b>Equality is by meaning</b>, the same rule GeoTrellis uses: two CRSs are equal when proj4j considers their
 * definitions equal (same projection, datum and parameters), whatever their names or the spelling of their proj4
 * strings. So {@code Crs.fromProj4("+proj=longlat +datum=WGS84 +no_defs")} equals {@code Crs.LATLNG}.
 * {@link #hashCode()} is proj4j's, consistent with that equality (GeoTrellis hashes the proj4 string, which is not).
 *
 * <p>Immutable and thread-safe. Serializable by its definition string; the proj4j object is rebuilt on read.
 */
public final class Crs implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final CRSCache PROJ4J = new CRSCache();
    private static final Pattern AUTHORITY_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*:[A-Za-z0-9_]+");

    /** The outermost (last) AUTHORITY of a WKT string, when it is EPSG's. */
    private static final Pattern WKT_EPSG =
            Pattern.compile("(?i)AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]\\s*]\\s*$");

    /** WGS 84 longitude/latitude, EPSG:4326 (GeoTrellis {@code LatLng}). */
    public static final Crs LATLNG = epsg(4326);
    /** Spherical Web Mercator, EPSG:3857 (GeoTrellis {@code WebMercator}). */
    public static final Crs WEB_MERCATOR = epsg(3857);

    /** Either an authority code such as "EPSG:4326" or a proj4 parameter string. */
    private final String definition;

    private final transient CoordinateReferenceSystem proj4j;

    private Crs(String definition, CoordinateReferenceSystem proj4j) {
        this.definition = definition;
        this.proj4j = proj4j;
    }

    /**
     * The CRS with the given EPSG code, from proj4j's EPSG registry.
     *
     * @throws IllegalArgumentException if proj4j does not know the code
     */
    public static Crs epsg(int code) {
        return fromAuthorityCode("EPSG:" + code);
    }

    /**
     * The CRS defined by a proj4 string such as {@code "+proj=utm +zone=33 +datum=WGS84 +units=m +no_defs"}.
     *
     * @throws IllegalArgumentException if proj4j cannot parse it
     */
    public static Crs fromProj4(String proj4) {
        if (proj4 == null || proj4.isBlank()) {
            throw new IllegalArgumentException("proj4 string must not be empty, got: " + proj4);
        }
        try {
            return new Crs(proj4, PROJ4J.createFromParameters(null, proj4));
        } catch (Proj4jException | IllegalStateException e) {
            throw new IllegalArgumentException("invalid proj4 string '" + proj4 + "': " + e.getMessage(), e);
        }
    }

    /**
     * Parses an authority code ({@code "EPSG:4326"}, case-insensitive authority) or a proj4 string.
     *
     * @throws IllegalArgumentException if {@code text} is neither
     */
    public static Crs fromString(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("CRS text must not be empty, got: " + text);
        }
        String trimmed = text.trim();
        if (AUTHORITY_CODE.matcher(trimmed).matches()) {
            int colon = trimmed.indexOf(':');
            return fromAuthorityCode(trimmed.substring(0, colon).toUpperCase(Locale.ROOT) + trimmed.substring(colon));
        }
        return fromProj4(text);
    }

    /**
     * What a user may give as a CRS, as gdalwarp's {@code -t_srs}: an authority code or a proj4 string
     * ({@link #fromString}), or WKT (1 or 2) whose outermost {@code AUTHORITY["EPSG", n]} names it.
     *
     * @throws IllegalArgumentException if {@code text} is none of these, or WKT without an EPSG authority
     */
    public static Crs parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("PROJCS[")
                || t.startsWith("GEOGCS[")
                || t.startsWith("PROJCRS[")
                || t.startsWith("GEOGCRS[")) {
            Matcher m = WKT_EPSG.matcher(t);
            if (!m.find()) {
                throw new IllegalArgumentException("WKT without an EPSG authority is not supported");
            }
            return epsg(Integer.parseInt(m.group(1)));
        }
        return fromString(t);
    }

    private static Crs fromAuthorityCode(String name) {
        try {
            return new Crs(name, PROJ4J.createFromName(name));
        } catch (Proj4jException | IllegalStateException e) {
            throw new IllegalArgumentException("unknown CRS code '" + name + "': " + e.getMessage(), e);
        }
    }

    /** proj4j's parameter string, as GeoTrellis writes it (with a trailing space). */
    public String toProj4() {
        return proj4j.getParameterString();
    }

    /**
     * The EPSG code: the one this CRS was created with, else the code whose registry definition matches the proj4
     * string (proj4j's reverse look-up; finds 4326, 3857, UTM zones 326xx/327xx and other registry entries).
     */
    public OptionalInt epsgCode() {
        String name = proj4j.getName();
        if (name != null && name.toUpperCase(Locale.ROOT).startsWith("EPSG:")) {
            try {
                return OptionalInt.of(Integer.parseInt(name.substring(5)));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        String code = PROJ4J.readEpsgFromParameters(toProj4());
        if (code == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(code.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** True for longitude/latitude systems. */
    public boolean isGeographic() {
        return Boolean.TRUE.equals(proj4j.isGeographic());
    }

    /** proj4j's projection name, e.g. "longlat", "merc", "utm". */
    public String projectionName() {
        return proj4j.getProjection().getName();
    }

    CoordinateReferenceSystem proj4jCrs() {
        return proj4j;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Crs other && proj4j.equals(other.proj4j);
    }

    @Override
    public int hashCode() {
        return proj4j.hashCode();
    }

    /** The definition it was created from: "EPSG:4326" or the proj4 string. */
    @Override
    public String toString() {
        return definition;
    }

    @Serial
    private Object readResolve() {
        return fromString(definition);
    }
}
