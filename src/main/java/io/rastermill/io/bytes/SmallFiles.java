package io.rastermill.io.bytes;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Small whole files (a CSV report, a JSON attribute) written on any Hadoop file system so that readers
 * never see half of one: the bytes go to a hidden temporary file beside the target, which is then
 * renamed over it in one replacing rename ({@link FileReplacement}), so a reader or a kill at any moment
 * finds the old file or the new one. The temporary file is removed on failure. On an object store (S3A) the bytes go straight to the target, which appears whole when the
 * upload completes ({@link ObjectStoreWrites}): no temporary object, no moment without the file, and no
 * directory to check (a prefix exists once an object is under it).
 */
public final class SmallFiles {
    private SmallFiles() {}

    /** Writes {@code bytes} to {@code target} (a path or URI, e.g. {@code hdfs://nn/out/zonal.csv}). */
    public static void writeAtomically(String target, byte[] bytes, Configuration conf) throws IOException {
        writeAtomically(new Path(target), bytes, conf);
    }

    /**
     * {@code bytes} as the new file {@code p} (refused if it exists), its directories made as needed; for the
     * many small files of a job that commits their whole directory at once (XYZ tiles). Not atomic by itself.
     * A file on Hadoop's raw local file system is written with java.nio: without its native library, Hadoop
     * runs a {@code chmod} process for every file it creates and every directory it makes (~10 ms of CPU each,
     * as much as rendering a 256² tile). This is the one place the project writes around the FileSystem API.
     */
    public static void writeNew(FileSystem fs, Path p, byte[] bytes) throws IOException {
        if (fs instanceof RawLocalFileSystem local) {
            File f = local.pathToFile(p);
            Files.createDirectories(f.getParentFile().toPath());
            Files.write(f.toPath(), bytes, StandardOpenOption.CREATE_NEW);
            return;
        }
        try (FSDataOutputStream out = fs.create(p, false)) {
            out.write(bytes);
        }
    }

    /** {@code FileSystem.isDirectory} without its deprecation (Hadoop 3 asks for getFileStatus). */
    private static boolean isDirectory(FileSystem fs, Path p) throws IOException {
        try {
            return fs.getFileStatus(p).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    public static void writeAtomically(Path target, byte[] bytes, Configuration conf) throws IOException {
        FileSystem fs = target.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            fs = local.getRawFileSystem(); // no .crc side files next to a local report
        }
        if (ObjectStoreWrites.abortable(fs, target)) {
            ObjectStoreWrites.write(fs, target, out -> out.write(bytes));
            return;
        }
        Path dir = target.getParent();
        if (dir != null && !isDirectory(fs, dir)) {
            throw new FileNotFoundException(target + " (its directory does not exist)");
        }
        Path tmp = WriteLeftovers.tempFile(target);
        boolean done = false;
        try {
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                out.write(bytes);
            }
            FileReplacement.replace(fs, tmp, target);
            done = true;
        } finally {
            if (!done) {
                fs.delete(tmp, false);
            }
        }
    }
}
