package io.rastermill.io.bytes;

import com.amazonaws.services.s3.model.MultipartUpload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.s3a.S3AFileSystem;

/**
 * S3A's listing of multipart uploads under Hadoop 3.3 (AWS SDK v1 types). Hadoop 3.4 (-Pspark4) has the same
 * method with SDK v2 types, hence one copy of this class per Hadoop line (src/main/hadoop3x).
 */
final class S3UploadListing {
    private S3UploadListing() {}

    static List<S3Uploads.Upload> list(S3AFileSystem fs, String prefix) throws IOException {
        List<S3Uploads.Upload> out = new ArrayList<>();
        for (MultipartUpload u : fs.listMultipartUploads(prefix)) {
            out.add(new S3Uploads.Upload(
                    u.getKey(), u.getUploadId(), u.getInitiated().toInstant()));
        }
        return out;
    }
}
