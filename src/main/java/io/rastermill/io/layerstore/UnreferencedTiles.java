package io.rastermill.io.layerstore;

/**
 * A tile directory of a layer ({@code <name>/<zoom>} or a version {@code <name>/<zoom>.v<hex>}) that the
 * layer's {@code metadata} attribute does not name: the new version of a killed {@code --overwrite} or update,
 * or the tiles of a killed first write. Readers never look at it; only the next write of that layer deleted it
 * before {@link Catalog#findUnreferencedTiles} found it.
 *
 * @param layer the layer the directory's place belongs to
 * @param dir the directory, a fully qualified URI
 * @param lastModified when it was last written to: the newest file under it (its own time only when it holds
 *     none), since writers add files without touching the directory and object stores keep no directory times
 * @param bytes the size of the files under it
 * @param keptBecause why it must not be deleted although no attribute names it (it holds a file that is not a
 *     tile file, its layer's attribute cannot be read or names tiles outside the catalog), or empty if it may go
 */
public record UnreferencedTiles(LayerId layer, String dir, long lastModified, long bytes, String keptBecause) {
    /** Whether deleting it loses nothing a reader or the user could want. */
    public boolean disposable() {
        return keptBecause.isEmpty();
    }
}
