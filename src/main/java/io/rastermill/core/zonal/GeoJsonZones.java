package io.rastermill.core.zonal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Zones from a GeoJSON FeatureCollection (RFC 7946, or the older form with a {@code crs} member):
 * each feature's Polygon or MultiPolygon geometry and its id — the property {@code idField}, or the
 * feature's {@code id} member when no field is named. Ids are kept as text; two features with the
 * same id are an error. Features without geometry are skipped and counted.
 *
 * <h2>CRS</h2>
 * A declared {@code crs} (e.g. {@code urn:ogc:def:crs:EPSG::32633}, {@code EPSG:4326},
 * {@code OGC:CRS84} = EPSG:4326) is returned by {@link Zones#declaredEpsg()}; nothing is reprojected
 * here (the caller reprojects with {@link PolygonReprojection}). Without one, callers take the
 * coordinates to be in the raster's CRS.
 */
public final class GeoJsonZones {
    private static final Pattern EPSG = Pattern.compile("EPSG:+(?:[0-9.]*:)?(\\d+)$", Pattern.CASE_INSENSITIVE);
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonZones() {}

    /** One zone: its id and polygonal geometry. */
    public record Feature(String id, Geometry geometry) implements Serializable {}

    /** What a file holds: the features in file order, the declared CRS, features skipped for no geometry. */
    public record Zones(List<Feature> features, OptionalInt declaredEpsg, String declaredCrs, int skipped) {}

    /**
     * Parses {@code in}; {@code source} names the file in errors.
     *
     * @param idField property holding the zone id, or null for the feature's {@code id} member
     */
    public static Zones read(InputStream in, String source, String idField) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IOException(source + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException(source + ": not a GeoJSON FeatureCollection");
        }
        OptionalInt epsg = OptionalInt.empty();
        String crsName = null;
        JsonNode crs = root.get("crs");
        if (crs != null && !crs.isNull()) {
            crsName = crs.path("properties").path("name").asText(null);
            if (crsName == null) {
                throw new IllegalArgumentException(source + ": a crs member without properties.name is not supported");
            }
            if (crsName.toUpperCase().endsWith("CRS84")) {
                epsg = OptionalInt.of(4326);
            } else {
                Matcher m = EPSG.matcher(crsName);
                if (!m.find()) {
                    throw new IllegalArgumentException(source + ": crs \"" + crsName + "\" is not an EPSG code");
                }
                epsg = OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new IllegalArgumentException(source + ": FeatureCollection has no features array");
        }
        List<Feature> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int skipped = 0;
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String where = source + ": feature " + i;
            JsonNode g = f.get("geometry");
            if (g == null || g.isNull()) {
                skipped++;
                continue;
            }
            JsonNode idNode =
                    idField == null ? f.get("id") : f.path("properties").get(idField);
            if (idNode == null || idNode.isNull() || idNode.isContainerNode()) {
                throw new IllegalArgumentException(where + ": no "
                        + (idField == null
                                ? "id member (name an id property with --id-field)"
                                : "property \"" + idField + "\"")
                        + " holding a number or text");
            }
            String id = idNode.asText();
            Integer before = seen.put(id, i);
            if (before != null) {
                throw new IllegalArgumentException(where + ": id \"" + id + "\" is used by feature " + before + " too");
            }
            Geometry geom;
            try {
                geom = geometry(g);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + " (id " + id + "): " + e.getMessage(), e);
            }
            out.add(new Feature(id, geom));
        }
        return new Zones(List.copyOf(out), epsg, crsName, skipped);
    }

    private static Geometry geometry(JsonNode g) {
        String type = g.path("type").asText();
        JsonNode c = g.path("coordinates");
        switch (type) {
            case "Polygon":
                return polygon(c);
            case "MultiPolygon": {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(c.get(i));
                }
                return FACTORY.createMultiPolygon(ps);
            }
            case "GeometryCollection": {
                JsonNode gs = g.path("geometries");
                List<Polygon> ps = new ArrayList<>();
                for (JsonNode part : gs) {
                    Geometry p = geometry(part);
                    for (int i = 0; i < p.getNumGeometries(); i++) {
                        ps.add((Polygon) p.getGeometryN(i));
                    }
                }
                return FACTORY.createMultiPolygon(ps.toArray(new Polygon[0]));
            }
            default:
                throw new IllegalArgumentException("geometry type \"" + type + "\" is not a Polygon or MultiPolygon");
        }
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a Polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode pts) {
        if (!pts.isArray() || pts.size() < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions");
        }
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode p = pts.get(i);
            if (!p.isArray()
                    || p.size() < 2
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("position " + i + " of a ring is not [x, y]");
            }
            cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("a ring is not closed (first and last positions differ)");
        }
        return FACTORY.createLinearRing(cs);
    }
}
