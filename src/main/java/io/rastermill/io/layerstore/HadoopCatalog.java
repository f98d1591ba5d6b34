package io.rastermill.io.layerstore;

import io.rastermill.io.bytes.SmallFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * GeoTrellis's Hadoop backend ({@code HadoopAttributeStore}, {@code HadoopLayerWriter}/{@code Reader})
 * on any Hadoop file system:
 * <pre>
 * root/_attributes/&lt;name&gt;___&lt;zoom&gt;___metadata.json   [LayerId, {header, metadata, keyIndex, schema}] + newline
 * root/&lt;name&gt;/&lt;zoom&gt;/part-r-&lt;partition %05d&gt;-&lt;first index&gt;/{data,index}   MapFiles
 * root/&lt;name&gt;/&lt;zoom&gt;/_SUCCESS
 * </pre>
 * The header's {@code path} is the layer directory's absolute URI and its {@code format} {@code hdfs}.
 * MapFile keys are {@code org.apache.hadoop.io.BigIntWritable} (the index as
 * {@code BigInteger.toByteArray()}), values {@code BytesWritable} holding the same bytes as a
 * file-backend tile file; see {@link MapFileTiles}.
 */
public final class HadoopCatalog implements Catalog {
    public static final String ATTRIBUTE_DIR = "_attributes";
    public static final String SEP = "___";
    /** What a writer (ours or GeoTrellis's) puts in a tile directory: MapFiles and the success marker. */
    static final Pattern TILE_FILE = Pattern.compile("_SUCCESS|part-r-[0-9]+(-[0-9]+)?/(data|index)");

    private final String uri;
    private final Path root;
    private final Configuration conf;

    public HadoopCatalog(String uri, Configuration conf) throws IOException {
        this.uri = uri;
        Path p = new Path(uri);
        this.root = p.getFileSystem(conf).makeQualified(p);
        this.conf = conf;
    }

    public Path root() {
        return root;
    }

    public Configuration conf() {
        return conf;
    }

    FileSystem fs() throws IOException {
        return root.getFileSystem(conf);
    }

    @Override
    public Backend backend() {
        return Backend.HADOOP;
    }

    @Override
    public String uri() {
        return root.toString();
    }

    public Path attributeFile(LayerId id, String attribute) {
        return new Path(new Path(root, ATTRIBUTE_DIR), AttributeFiles.fileName(id, SEP, attribute));
    }

    @Override
    public String attributeLocation(LayerId id) {
        return attributeFile(id, AttributeFiles.METADATA).toString();
    }

    @Override
    public List<LayerId> layerIds() throws IOException {
        List<LayerId> ids = new ArrayList<>();
        Path dir = new Path(root, ATTRIBUTE_DIR);
        FileSystem fs = fs();
        if (!fs.exists(dir)) {
            return ids;
        }
        for (FileStatus st : fs.listStatus(dir)) {
            String f = st.getPath().getName();
            if (!f.startsWith(".")) {
                AttributeFiles.addLayerId(f, SEP, ids);
            }
        }
        return AttributeFiles.sorted(ids);
    }

    /** Whether the root holds an attribute directory, as every catalog a writer made does. */
    public boolean hasAttributeDirectory() throws IOException {
        return fs().isDirectory(new Path(root, ATTRIBUTE_DIR));
    }

    @Override
    public boolean exists(LayerId id) throws IOException {
        return fs().isFile(attributeFile(id, AttributeFiles.METADATA));
    }

    @Override
    public LayerAttributes readAttributes(LayerId id) throws IOException {
        Path f = attributeFile(id, AttributeFiles.METADATA);
        String where = "catalog " + root + ": " + id + ": " + f;
        String text;
        try (InputStream in = fs().open(f)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw AttributeFiles.missing(where, e);
        }
        return AttributeFiles.parse(text, where, "hdfs");
    }

    @Override
    public void writeAttributes(LayerId id, LayerAttributes attributes) throws IOException {
        Path f = attributeFile(id, AttributeFiles.METADATA);
        fs().mkdirs(f.getParent());
        SmallFiles.writeAtomically(
                f, (LayerAttributesJson.write(id, attributes) + "\n").getBytes(StandardCharsets.UTF_8), conf);
    }

    @Override
    public LayerHeader newHeader(LayerId id, TileSchema schema) {
        return new LayerHeader(
                schema.keyClass(), schema.valueClass(), layerDir(id).toString(), LayerHeader.AVRO_LAYER, "hdfs");
    }

    @Override
    public LayerHeader nextHeader(LayerId id, TileSchema schema, LayerAttributes current) {
        String next = TileDirectories.next(layerDir(current).getName(), id.zoom());
        return new LayerHeader(
                schema.keyClass(),
                schema.valueClass(),
                new Path(layerParent(id), next).toString(),
                LayerHeader.AVRO_LAYER,
                "hdfs");
    }

    private Path layerParent(LayerId id) {
        return new Path(root, id.name());
    }

    /** Where a new layer's MapFiles go: {@code root/<name>/<zoom>}. */
    public Path layerDir(LayerId id) {
        return new Path(layerParent(id), TileDirectories.canonical(id.zoom()));
    }

    /**
     * A stored layer's MapFile directory, from its header: an absolute URI, which GeoTrellis lets lie
     * anywhere (a layer whose attributes were copied from another catalog reads the other catalog's
     * tiles); {@link #requireInside} guards what is deleted or rewritten.
     */
    public Path layerDir(LayerAttributes a) {
        return new Path(a.header().path());
    }

    /**
     * {@code dir}, if it lies strictly inside this catalog's root.
     *
     * @throws LayerStoreException otherwise: a catalog deletes and rewrites only its own directories
     */
    public Path requireInside(Path dir) throws IOException {
        Path q = dir.getFileSystem(conf).makeQualified(dir);
        URI r = root.toUri().normalize();
        URI d = q.toUri().normalize();
        String rp = r.getPath().endsWith("/") ? r.getPath() : r.getPath() + "/";
        boolean sameFs = Objects.equals(r.getScheme(), d.getScheme())
                && Objects.equals(Objects.toString(r.getAuthority(), ""), Objects.toString(d.getAuthority(), ""));
        if (!sameFs
                || !d.getPath().startsWith(rp)
                || d.getPath().length() <= rp.length()
                || d.getPath().contains("/../")) {
            throw new LayerStoreException(
                    "catalog " + root + ": layer directory " + dir + " lies outside the catalog; refused");
        }
        return q;
    }

    @Override
    public void deleteUnreferencedTiles(LayerId id) throws IOException {
        FileSystem fs = fs();
        String keep = null;
        if (exists(id)) {
            Path current = layerDir(readAttributes(id));
            keep = current.getFileSystem(conf).makeQualified(current).toString();
        }
        Path parent = layerParent(id);
        if (!fs.isDirectory(parent)) {
            return;
        }
        for (FileStatus st : fs.listStatus(parent)) {
            Path p = fs.makeQualified(st.getPath());
            if (st.isDirectory()
                    && TileDirectories.isTileDirectory(p.getName(), id.zoom())
                    && !p.toString().equals(keep)) {
                fs.delete(p, true);
            }
        }
    }

    @Override
    public void deleteOtherAttributes(LayerId id) throws IOException {
        FileSystem fs = fs();
        Path meta = fs.makeQualified(attributeFile(id, AttributeFiles.METADATA));
        FileStatus[] others = fs.globStatus(new Path(new Path(root, ATTRIBUTE_DIR), AttributeFiles.layerGlob(id, SEP)));
        if (others != null) {
            for (FileStatus st : others) {
                if (!fs.makeQualified(st.getPath()).equals(meta)) {
                    fs.delete(st.getPath(), false);
                }
            }
        }
    }

    @Override
    public void delete(LayerId id) throws IOException {
        FileSystem fs = fs();
        Path meta = attributeFile(id, AttributeFiles.METADATA);
        Path dir = null;
        if (fs.isFile(meta)) {
            try {
                dir = requireInside(layerDir(readAttributes(id)));
            } catch (LayerStoreException e) {
                // an unreadable attribute, or tiles in another catalog: only this catalog's own locations are deleted
            }
        }
        // The metadata attribute first: from then on the layer no longer exists for any reader.
        fs.delete(meta, false);
        deleteOtherAttributes(id);
        deleteUnreferencedTiles(id);
        if (dir != null) {
            fs.delete(dir, true);
        }
    }
}
