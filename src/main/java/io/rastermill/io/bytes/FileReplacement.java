package io.rastermill.io.bytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Puts a finished temporary file in place of its target with one rename that replaces the target, so
 * that at every moment, a kill -9 included, the target is either the old file or the complete new one.
 * {@code FileSystem.rename} will not replace an existing file, and deleting the target first opens a
 * window in which there is no file at all; so each backend uses its own replacing rename:
 * <ul>
 *   <li>local files: {@code rename(2)} through {@link Files#move} with {@code ATOMIC_MOVE}, which POSIX
 *       defines to replace the target atomically;</li>
 *   <li>HDFS and other Hadoop file systems: {@link FileContext#rename} with {@link Options.Rename#OVERWRITE},
 *       which HDFS carries out as one NameNode operation ({@code rename2}); a file system without its own
 *       overwriting rename gets Hadoop's generic fallback (delete, then rename);</li>
 *   <li>object stores (S3A) never come here: a rename is a copy there, so writers put the object straight
 *       to its key, where it appears whole when the upload completes ({@link ObjectStoreWrites}).</li>
 * </ul>
 * The temporary file must be in the target's directory (same file system, same volume).
 */
public final class FileReplacement {
    private FileReplacement() {}

    /** Renames {@code tmp} onto {@code target}, replacing a file already there. */
    public static void replace(FileSystem fs, Path tmp, Path target) throws IOException {
        FileSystem raw = fs instanceof LocalFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
        if (raw instanceof RawLocalFileSystem local) {
            Files.move(
                    local.pathToFile(tmp).toPath(), local.pathToFile(target).toPath(), StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(tmp, target, Options.Rename.OVERWRITE);
    }
}
