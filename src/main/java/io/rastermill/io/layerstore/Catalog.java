package io.rastermill.io.layerstore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * A GeoTrellis catalog: an attribute store (one {@code metadata} attribute per layer) and the layers'
 * tile data. Two backends, as in GeoTrellis 3.x:
 * <ul>
 *   <li>{@link FileCatalog} ({@code format "file"}): {@code attributes/<name>__.__<zoom>__.__metadata.json}
 *       and one file per key index value under {@code <name>/<zoom>/}; a local (or mounted) directory.</li>
 *   <li>{@link HadoopCatalog} ({@code format "hdfs"}): {@code _attributes/<name>___<zoom>___metadata.json}
 *       and Hadoop MapFiles under {@code <name>/<zoom>/}; any Hadoop file system.</li>
 * </ul>
 *
 * <h2>Consistency</h2>
 * Writers store the tiles first and the {@code metadata} attribute last, by an atomic rename, so a
 * layer never looks complete before its tiles are in place (GeoTrellis writes the attribute first).
 * A replacement goes to a tile directory beside the current one ({@link #nextHeader}) and becomes
 * the layer when its attribute replaces the old one; directories no attribute references are then
 * deleted ({@link #deleteUnreferencedTiles}). So a writer killed at any moment leaves the old layer
 * or the complete new one.
 *
 * <h2>Confinement</h2>
 * Layer names cannot leave the catalog ({@link LayerId}); a stored header whose tile path lies
 * outside the catalog is refused before anything under it is deleted or written.
 */
public interface Catalog {
    enum Backend {
        FILE,
        HADOOP;

        public static Backend parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "file" -> FILE;
                case "hadoop", "hdfs" -> HADOOP;
                default -> throw new IllegalArgumentException("unknown backend '" + s + "': use file or hadoop");
            };
        }
    }

    Backend backend();

    /** The catalog's root as given (for messages) . */
    String uri();

    /** Layers whose {@code metadata} attribute exists, sorted by name then zoom. */
    List<LayerId> layerIds() throws IOException;

    boolean exists(LayerId id) throws IOException;

    /** @throws LayerStoreException naming the layer and the attribute file if missing or unreadable */
    LayerAttributes readAttributes(LayerId id) throws IOException;

    /** Writes the {@code metadata} attribute atomically (temporary file, then rename over). */
    void writeAttributes(LayerId id, LayerAttributes attributes) throws IOException;

    /** Where the {@code metadata} attribute of a layer is. */
    String attributeLocation(LayerId id);

    /** The header of a new layer in this catalog. */
    LayerHeader newHeader(LayerId id, TileSchema schema);

    /**
     * The header of the next version of a stored layer: its tiles go to a directory beside {@code
     * current}'s ({@code <zoom>} if the current one is a version, else a new {@code <zoom>.v<hex>}).
     */
    LayerHeader nextHeader(LayerId id, TileSchema schema, LayerAttributes current);

    /**
     * Deletes the tile directories of {@code id} ({@code <name>/<zoom>} and its versions) that its
     * {@code metadata} attribute does not reference: all of them if the layer does not exist.
     */
    void deleteUnreferencedTiles(LayerId id) throws IOException;

    /**
     * The tile directories of this catalog's layers ({@code <name>/<zoom>} and versions {@code <name>/<zoom>.v<hex>},
     * found by listing the catalog) that no {@code metadata} attribute names and that nothing was written to since
     * {@code cutoffMillis}: what killed writes left, which {@link #deleteUnreferencedTiles(LayerId)} would delete
     * only at the next write of that layer. Those that must stay although unreferenced say why ({@link
     * UnreferencedTiles#keptBecause}).
     */
    default List<UnreferencedTiles> findUnreferencedTiles(long cutoffMillis) throws IOException {
        return TileDirectorySweep.of(this).find(cutoffMillis);
    }

    /**
     * Deletes a directory {@link #findUnreferencedTiles} found, unless it is kept or its layer's attribute names it
     * by now (a write committed it since); returns whether it was deleted.
     *
     * @throws LayerStoreException if {@code tiles} is not a tile directory of this catalog
     */
    default boolean deleteUnreferencedTiles(UnreferencedTiles tiles) throws IOException {
        return TileDirectorySweep.of(this).delete(tiles);
    }

    /** Deletes a layer's attributes other than {@code metadata} (stale once the layer is replaced). */
    void deleteOtherAttributes(LayerId id) throws IOException;

    /** Deletes a layer's attributes and tiles; nothing if it does not exist. */
    void delete(LayerId id) throws IOException;

    /**
     * The catalog at {@code uri} if there is one (an {@code attributes/} or {@code _attributes/} directory under it),
     * opened with the backend that directory belongs to; empty otherwise.
     */
    static Optional<Catalog> openExisting(String uri, Configuration conf) throws IOException {
        if (isLocal(uri)) {
            Path root = FileCatalog.localPath(uri);
            boolean any = Files.isDirectory(root.resolve(FileCatalog.ATTRIBUTE_DIR))
                    || Files.isDirectory(root.resolve(HadoopCatalog.ATTRIBUTE_DIR));
            return any ? Optional.of(open(uri, conf, null)) : Optional.empty();
        }
        HadoopCatalog c = new HadoopCatalog(uri, conf);
        return c.hasAttributeDirectory() ? Optional.of(c) : Optional.empty();
    }

    /**
     * Opens a catalog. {@code backend} null picks it from what is there ({@code attributes/} → file,
     * {@code _attributes/} → Hadoop), else from the scheme: none or {@code file:} → file, any other → Hadoop.
     */
    static Catalog open(String uri, Configuration conf, Backend backend) throws IOException {
        boolean local = isLocal(uri);
        if (backend == null) {
            if (local) {
                Path root = FileCatalog.localPath(uri);
                if (Files.isDirectory(root.resolve(HadoopCatalog.ATTRIBUTE_DIR))
                        && !Files.isDirectory(root.resolve(FileCatalog.ATTRIBUTE_DIR))) {
                    backend = Backend.HADOOP;
                } else {
                    backend = Backend.FILE;
                }
            } else {
                backend = Backend.HADOOP;
            }
        }
        if (backend == Backend.FILE) {
            if (!local) {
                throw new IllegalArgumentException("the file backend needs a local path or file: URI, got " + uri);
            }
            return new FileCatalog(FileCatalog.localPath(uri));
        }
        return new HadoopCatalog(uri, conf);
    }

    /** Whether {@code uri} is a local path or {@code file:} URI (a drive letter is not a scheme). */
    private static boolean isLocal(String uri) {
        String scheme = URI.create(uri.replace(" ", "%20")).getScheme();
        return scheme == null
                || scheme.equals("file")
                || (scheme.length() == 1 && Character.isLetter(scheme.charAt(0)));
    }
}
