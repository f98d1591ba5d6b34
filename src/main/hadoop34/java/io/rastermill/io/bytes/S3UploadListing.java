package io.rastermill.io.bytes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * S3A's listing of multipart uploads under Hadoop 3.4 (AWS SDK v2 types). Hadoop 3.3 (default build) has the
 * same method with SDK v1 types, hence one copy of this class per Hadoop line (src/main/hadoop3x).
 */
final class S3UploadListing {
    private S3UploadListing() {}

    static List<S3Uploads.Upload> list(S3AFileSystem fs, String prefix) throws IOException {
        List<S3Uploads.Upload> out = new ArrayList<>();
        for (MultipartUpload u : fs.listMultipartUploads(prefix)) {
            out.add(new S3Uploads.Upload(u.key(), u.uploadId(), u.initiated()));
        }
        return out;
    }
}
