package io.rastermill.io.bytes;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;

/** Opens the right {@link RangeReader} for a path or URI. */
public final class RangeReaders {

    private RangeReaders() {}

    /**
     * Opens {@code uriOrPath}: a URI whose scheme is not {@code file} (hdfs:, s3a:, …) goes through
     * Hadoop; a plain path or a {@code file:} URI is read directly with a {@link LocalFileRangeReader}
     * (no Hadoop checksum layer, no configuration needed); {@code http:} and {@code https:} URIs are read
     * by Range requests ({@link HttpRangeReader}). A one-letter scheme is taken as a Windows drive, i.e. a
     * plain path.
     *
     * @throws java.io.FileNotFoundException naming the path if it does not exist
     */
    public static RangeReader open(String uriOrPath, Configuration conf) throws IOException {
        return locate(uriOrPath, conf).open();
    }

    /**
     * Looks {@code uriOrPath} up once (as {@link #open} would) for opening it again and again: a Hadoop file's status
     * and an HTTP resource's length are kept, a local file is checked on each open (a system call, no request).
     *
     * @throws java.io.FileNotFoundException naming the path if a Hadoop or HTTP file does not exist
     */
    public static ReopenableFile locate(String uriOrPath, Configuration conf) throws IOException {
        String scheme = schemeOf(uriOrPath);
        if (scheme == null || scheme.equalsIgnoreCase("file")) {
            Path path = scheme == null ? Paths.get(uriOrPath) : localPath(uriOrPath);
            return () -> LocalFileRangeReader.open(path);
        }
        if (isHttp(uriOrPath)) {
            return HttpRangeReader.locate(uriOrPath);
        }
        return HadoopRangeReader.locate(uriOrPath, conf);
    }

    /** Whether {@code uriOrPath} is an {@code http:} or {@code https:} URI (read by Range requests, never listed). */
    public static boolean isHttp(String uriOrPath) {
        String scheme = schemeOf(uriOrPath);
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    /**
     * The URI scheme of {@code s}, or null for a plain path: a one-letter "scheme" is a Windows drive
     * ({@code C:\data}). The one rule for telling URIs from paths, for everything that opens or writes by name.
     */
    public static String schemeOf(String s) {
        int colon = s.indexOf(':');
        if (colon < 2) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return null;
            }
        }
        return s.substring(0, colon);
    }

    private static Path localPath(String fileUri) throws IOException {
        try {
            return Paths.get(new URI(fileUri));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("not a valid file: URI: " + fileUri + " (" + e.getMessage() + ")", e);
        }
    }
}
