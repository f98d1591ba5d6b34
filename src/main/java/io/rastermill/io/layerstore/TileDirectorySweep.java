package io.rastermill.io.layerstore;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds and deletes the {@link UnreferencedTiles} of a catalog, the same way for both backends (a local
 * catalog goes through Hadoop's local file system): only {@code <root>/<name>/<zoom>[.v<hex>]} directories are
 * candidates, found by listing (never from a stored path), and one is kept when
 * <ul>
 *   <li>its layer's attribute names it (looked up again just before deleting, so a write that committed it
 *       since the listing keeps it),</li>
 *   <li>the attribute cannot be read or names tiles outside the catalog: which directory is live is unknown,</li>
 *   <li>it holds a file no layer writer makes (the catalog may share its root with other data),</li>
 *   <li>it or its layer's directory is a symbolic link: not a writer's, and it may lead out of the catalog (such
 *       directories are not even listed).</li>
 * </ul>
 */
final class TileDirectorySweep {
    private static final Pattern HIDDEN = Pattern.compile("(.*/)?\\.[^/]*");

    /**
     * The tile directory a layer's attribute names (a path or URI of the sweep's file system), null if the layer has
     * no attribute; a {@link LayerStoreException} if that cannot be told.
     */
    @FunctionalInterface
    interface Referenced {
        String of(LayerId id) throws IOException;
    }

    /** What a layer's attribute says: the directory it names (null: no attribute), or why that is unknown. */
    private record Reference(Path dir, String problem) {}

    private final FileSystem fs;
    private final Path root;
    private final String attributeDir;
    private final Pattern tileFile;
    private final Referenced referenced;

    /** The sweep of a catalog of either backend; a local catalog goes through Hadoop's local file system. */
    static TileDirectorySweep of(Catalog catalog) throws IOException {
        return switch (catalog.backend()) {
            case FILE -> {
                FileCatalog c = (FileCatalog) catalog;
                yield new TileDirectorySweep(
                        FileSystem.getLocal(new Configuration()),
                        c.uri(),
                        FileCatalog.ATTRIBUTE_DIR,
                        FileCatalog.TILE_FILE,
                        id -> c.exists(id) ? c.layerDir(c.readAttributes(id)).toString() : null);
            }
            case HADOOP -> {
                HadoopCatalog c = (HadoopCatalog) catalog;
                yield new TileDirectorySweep(
                        c.fs(),
                        c.uri(),
                        HadoopCatalog.ATTRIBUTE_DIR,
                        HadoopCatalog.TILE_FILE,
                        id -> c.exists(id)
                                ? c.requireInside(c.layerDir(c.readAttributes(id)))
                                        .toString()
                                : null);
            }
        };
    }

    /**
     * @param root the catalog's root, a path or URI of {@code fs}
     * @param attributeDir the name of the attribute directory under the root (not a layer)
     * @param tileFile the path, relative to a tile directory, of every file a writer of this backend makes there
     *     (hidden names, such as temporary files and checksums, are allowed as well)
     */
    TileDirectorySweep(FileSystem fs, String root, String attributeDir, Pattern tileFile, Referenced referenced) {
        this.fs = fs;
        this.root = fs.makeQualified(new Path(root));
        this.attributeDir = attributeDir;
        this.tileFile = tileFile;
        this.referenced = referenced;
    }

    List<UnreferencedTiles> find(long cutoffMillis) throws IOException {
        List<UnreferencedTiles> found = new ArrayList<>();
        for (FileStatus n : list(root)) {
            String name = n.getPath().getName();
            if (!n.isDirectory()
                    || name.startsWith(".")
                    || name.equals(attributeDir)
                    || isLink(fs.makeQualified(n.getPath()))) {
                continue;
            }
            Map<Integer, Reference> references = new HashMap<>();
            for (FileStatus d : list(n.getPath())) {
                LayerId id = layerOf(d.getPath());
                if (id == null || !d.isDirectory() || isLink(fs.makeQualified(d.getPath()))) {
                    continue;
                }
                Path dir = fs.makeQualified(d.getPath());
                Reference ref = references.get(id.zoom());
                if (ref == null) {
                    ref = reference(id);
                    references.put(id.zoom(), ref);
                }
                if (dir.equals(ref.dir())) {
                    continue; // the live layer: not even walked
                }
                UnreferencedTiles t = inspect(id, d, ref);
                if (t.lastModified() < cutoffMillis) {
                    found.add(t);
                }
            }
        }
        return found;
    }

    /**
     * Deletes {@code t} if it is still unreferenced and disposable; false if it is kept.
     *
     * @throws LayerStoreException if {@code t} does not name a tile directory of this catalog
     */
    boolean delete(UnreferencedTiles t) throws IOException {
        Path dir = fs.makeQualified(new Path(t.dir()));
        if (!t.layer().equals(layerOf(dir)) || !root.equals(dir.getParent().getParent())) {
            throw new LayerStoreException(
                    "catalog " + root + ": " + t.dir() + " is not a tile directory of " + t.layer() + "; refused");
        }
        if (!t.disposable() || isLink(dir.getParent()) || isLink(dir)) {
            return false;
        }
        Reference now = reference(t.layer());
        if (now.problem() != null || dir.equals(now.dir())) {
            return false;
        }
        return fs.delete(dir, true);
    }

    /** The layer whose tile directory {@code dir} would be, from its name and its parent's; null if none. */
    private static LayerId layerOf(Path dir) {
        int zoom = TileDirectories.zoomOf(dir.getName());
        Path parent = dir.getParent();
        if (zoom < 0 || parent == null || parent.getName().startsWith(".")) {
            return null;
        }
        try {
            return new LayerId(parent.getName(), zoom);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Reference reference(LayerId id) throws IOException {
        try {
            String dir = referenced.of(id);
            return new Reference(dir == null ? null : fs.makeQualified(new Path(dir)), null);
        } catch (LayerStoreException e) {
            return new Reference(null, "which directory " + id + " uses is unknown: " + e.getMessage());
        }
    }

    /** Age, size and the first foreign file of a candidate: one listing of everything under it. */
    private UnreferencedTiles inspect(LayerId id, FileStatus d, Reference ref) throws IOException {
        Path dir = fs.makeQualified(d.getPath());
        String base = dir.toUri().getPath() + "/";
        long newest = Long.MIN_VALUE;
        long bytes = 0;
        String foreign = null;
        try {
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
            while (files.hasNext()) {
                LocatedFileStatus f = files.next();
                newest = Math.max(newest, f.getModificationTime());
                bytes += f.getLen();
                String p = f.getPath().toUri().getPath();
                String rel = p.startsWith(base) ? p.substring(base.length()) : p;
                if (foreign == null
                        && !tileFile.matcher(rel).matches()
                        && !HIDDEN.matcher(rel).matches()) {
                    foreign = rel;
                }
            }
        } catch (FileNotFoundException e) {
            // removed while we looked: its time as listed
        }
        String kept = ref.problem() != null
                ? ref.problem()
                : foreign != null ? "it holds " + foreign + ", which no layer writer makes" : "";
        return new UnreferencedTiles(
                id, dir.toString(), newest == Long.MIN_VALUE ? d.getModificationTime() : newest, bytes, kept);
    }

    private FileStatus[] list(Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }

    /**
     * Whether {@code p} (qualified) is a symbolic link. Locally asked of the JDK: Hadoop's local file system
     * reports a link as what it leads to. S3 has none.
     */
    private boolean isLink(Path p) throws IOException {
        if ("file".equals(p.toUri().getScheme())) {
            return Files.isSymbolicLink(Paths.get(p.toUri()));
        }
        if (!fs.supportsSymlinks()) {
            return false;
        }
        try {
            return fs.getFileLinkStatus(p).isSymlink();
        } catch (FileNotFoundException e) {
            return false;
        }
    }
}
