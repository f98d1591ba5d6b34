package io.rastermill.io.layerstore;

import io.rastermill.io.bytes.WriteLeftovers;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * GeoTrellis's file backend ({@code FileAttributeStore}, {@code FileLayerWriter}/{@code Reader}):
 * <pre>
 * catalog/attributes/&lt;name&gt;__.__&lt;zoom&gt;__.__metadata.json   [LayerId, {header, metadata, keyIndex, schema}], no trailing newline
 * catalog/&lt;name&gt;/&lt;zoom&gt;/&lt;index&gt;                          zlib(Avro KeyValueRecord) of the keys with that index
 * </pre>
 * The header's {@code path} is {@code <name>/<zoom>}, relative to the catalog; index file names are
 * the decimal index zero-padded to the digits of the key index's max-key index. Serializable (by
 * path), so Spark tasks can read and write tile files.
 */
public final class FileCatalog implements Catalog, Serializable {
    public static final String ATTRIBUTE_DIR = "attributes";
    public static final String SEP = "__.__";
    /** What a writer puts in a tile directory: one file per key index value, named by the (padded) index. */
    static final Pattern TILE_FILE = Pattern.compile("[0-9]+");

    private final String root;

    public FileCatalog(Path root) {
        this.root = root.toAbsolutePath().normalize().toString();
    }

    /** A local path from a path or {@code file:} URI. */
    static Path localPath(String uri) {
        if (uri.startsWith("file:")) {
            return Paths.get(URI.create(uri.startsWith("file://") ? uri : "file://" + uri.substring("file:".length())));
        }
        return Paths.get(uri);
    }

    public Path root() {
        return Paths.get(root);
    }

    @Override
    public Backend backend() {
        return Backend.FILE;
    }

    @Override
    public String uri() {
        return root;
    }

    public Path attributeFile(LayerId id, String attribute) {
        return root().resolve(ATTRIBUTE_DIR).resolve(AttributeFiles.fileName(id, SEP, attribute));
    }

    @Override
    public String attributeLocation(LayerId id) {
        return attributeFile(id, AttributeFiles.METADATA).toString();
    }

    @Override
    public List<LayerId> layerIds() throws IOException {
        Path dir = root().resolve(ATTRIBUTE_DIR);
        List<LayerId> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + AttributeFiles.metadataSuffix(SEP))) {
            for (Path p : ds) {
                AttributeFiles.addLayerId(p.getFileName().toString(), SEP, ids);
            }
        }
        return AttributeFiles.sorted(ids);
    }

    @Override
    public boolean exists(LayerId id) {
        return Files.isRegularFile(attributeFile(id, AttributeFiles.METADATA));
    }

    @Override
    public LayerAttributes readAttributes(LayerId id) throws IOException {
        Path f = attributeFile(id, AttributeFiles.METADATA);
        String where = "catalog " + root + ": " + id + ": " + f;
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw AttributeFiles.missing(where, e);
        }
        return AttributeFiles.parse(text, where, "file");
    }

    @Override
    public void writeAttributes(LayerId id, LayerAttributes attributes) throws IOException {
        Path f = attributeFile(id, AttributeFiles.METADATA);
        writeAtomically(f, LayerAttributesJson.write(id, attributes).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public LayerHeader newHeader(LayerId id, TileSchema schema) {
        return new LayerHeader(
                schema.keyClass(), schema.valueClass(), id.name() + "/" + id.zoom(), LayerHeader.AVRO_LAYER, "file");
    }

    @Override
    public LayerHeader nextHeader(LayerId id, TileSchema schema, LayerAttributes current) {
        String next = TileDirectories.next(layerDir(current).getFileName().toString(), id.zoom());
        return new LayerHeader(
                schema.keyClass(), schema.valueClass(), id.name() + "/" + next, LayerHeader.AVRO_LAYER, "file");
    }

    /**
     * The directory of a layer's tile files: its header's path under the catalog.
     *
     * @throws LayerStoreException if the path leaves the catalog (a forged or foreign attribute)
     */
    public Path layerDir(LayerAttributes a) {
        Path r = root();
        Path dir = r.resolve(a.header().path()).normalize();
        if (!dir.startsWith(r) || dir.equals(r)) {
            throw new LayerStoreException(
                    "catalog " + root + ": header path '" + a.header().path() + "' lies outside the catalog; refused");
        }
        return dir;
    }

    /** The tile file of an index. */
    public Path tileFile(LayerAttributes a, long index) {
        return layerDir(a).resolve(a.keyIndex().fileName(index));
    }

    @Override
    public void deleteUnreferencedTiles(LayerId id) throws IOException {
        Path keep = exists(id) ? layerDir(readAttributes(id)) : null;
        Path parent = root().resolve(id.name());
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
            for (Path p : ds) {
                if (TileDirectories.isTileDirectory(p.getFileName().toString(), id.zoom()) && !p.equals(keep)) {
                    deleteTree(p);
                }
            }
        }
    }

    @Override
    public void deleteOtherAttributes(LayerId id) throws IOException {
        Path attrs = root().resolve(ATTRIBUTE_DIR);
        if (!Files.isDirectory(attrs)) {
            return;
        }
        Path meta = attributeFile(id, AttributeFiles.METADATA);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(attrs, AttributeFiles.layerGlob(id, SEP))) {
            for (Path p : ds) {
                if (!p.equals(meta)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public void delete(LayerId id) throws IOException {
        Path meta = attributeFile(id, AttributeFiles.METADATA);
        // The metadata attribute first: from then on the layer no longer exists for any reader.
        Files.deleteIfExists(meta);
        deleteOtherAttributes(id);
        deleteUnreferencedTiles(id);
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes to a temporary sibling, then renames it over {@code target}. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(
                WriteLeftovers.tempName(target.getFileName().toString()));
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
