package io.rastermill.io.bytes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.Invoker;
import org.apache.hadoop.fs.s3a.S3AFileSystem;

/**
 * Unfinished S3 multipart uploads: what a killed write to s3a:// leaves. No object is visible, but the parts
 * already uploaded are stored (and billed) until the upload is aborted. Listing and aborting go through S3A
 * itself, so its credentials, endpoint and retry settings apply.
 */
public final class S3Uploads {
    private S3Uploads() {}

    /** One unfinished upload: the object key it would create, its id, and when it was started. */
    public record Upload(String key, String uploadId, Instant initiated) {}

    /** Whether {@code fs} is an S3A file system, the only one with multipart uploads to clean. */
    public static boolean supports(FileSystem fs) {
        return fs instanceof S3AFileSystem;
    }

    /**
     * The unfinished uploads whose key is under {@code dir}, started before {@code cutoff}; a null cutoff takes
     * them all, whatever the server says of their start (S3Proxy's filesystem backend, for one, gives the time of
     * the listing).
     */
    public static List<Upload> find(FileSystem fs, Path dir, Instant cutoff) throws IOException {
        S3AFileSystem s3 = (S3AFileSystem) fs;
        String key = s3.pathToKey(s3.makeQualified(dir));
        String prefix = key.isEmpty() || key.endsWith("/") ? key : key + "/"; // not the uploads of "dir2/..."
        return startedBefore(S3UploadListing.list(s3, prefix), cutoff);
    }

    /** Those of {@code uploads} started before {@code cutoff}, or all of them if it is null. */
    static List<Upload> startedBefore(List<Upload> uploads, Instant cutoff) {
        List<Upload> found = new ArrayList<>();
        for (Upload u : uploads) {
            if (cutoff == null || u.initiated().isBefore(cutoff)) {
                found.add(u);
            }
        }
        return found;
    }

    /** Aborts {@code u}, dropping the parts already uploaded. */
    public static void abort(FileSystem fs, Upload u) throws IOException {
        ((S3AFileSystem) fs).getWriteOperationHelper().abortMultipartUpload(u.key(), u.uploadId(), true, Invoker.NO_OP);
    }
}
