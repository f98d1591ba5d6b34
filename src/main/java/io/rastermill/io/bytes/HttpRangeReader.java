package io.rastermill.io.bytes;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code http://} or {@code https://} file by HTTP Range requests, as GDAL's {@code /vsicurl/} does:
 * <ul>
 *   <li>a header probe on open ({@code HEAD}; a server that refuses it gets {@code GET} with
 *       {@code Range: bytes=0-0}) gives the length; a server that answers a range with the whole file
 *       ({@code 200} instead of {@code 206}) or announces {@code Accept-Ranges: none} is an error naming the URI;</li>
 *   <li>reads are widened to whole {@value #BLOCK}-byte blocks (GDAL's chunk size) and the last
 *       {@value #CACHED_BLOCKS} blocks are kept, so neighbouring small reads of TIFF headers share requests;
 *       missing consecutive blocks of one read go in one request;</li>
 *   <li>a {@code 429}, a {@code 5xx} or an I/O failure is retried {@value #RETRIES} times with exponential
 *       backoff from {@link #FIRST_BACKOFF_MS} ms (a {@code Retry-After} in seconds is honoured, capped);
 *       other statuses fail at once with the status in the message.</li>
 * </ul>
 * Thread-safe: the JDK {@link HttpClient} is, and the block cache is guarded.
 */
public final class HttpRangeReader extends KnownLengthRangeReader {
    /** Reads are aligned to blocks of this many bytes (GDAL's {@code CPL_VSIL_CURL_CHUNK_SIZE} default). */
    public static final int BLOCK = 16 * 1024;
    /** Attempts after the first for a retryable failure. */
    public static final int RETRIES = 4;
    /** The first backoff; it doubles with each retry. */
    public static final long FIRST_BACKOFF_MS = 100;
    /** Blocks kept per open file: 1 MiB. */
    public static final int CACHED_BLOCKS = 64;

    private static final long MAX_BACKOFF_MS = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private final URI uri;
    /** The last {@value #CACHED_BLOCKS} blocks read, least recently used first (GDAL keeps a block cache too). */
    private final Map<Long, byte[]> blocks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    private HttpRangeReader(String location, URI uri, long length) {
        super(location, length);
        this.uri = uri;
    }

    /**
     * Probes {@code url} for its length and Range support.
     *
     * @throws FileNotFoundException for 404/410
     * @throws IOException naming the URI for a server without Range support or any other failure
     */
    public static HttpRangeReader open(String url) throws IOException {
        return probe(url);
    }

    /** {@code url} probed once; each {@link ReopenableFile#open} reads it with the length found, without a probe. */
    static ReopenableFile locate(String url) throws IOException {
        HttpRangeReader probed = probe(url);
        URI uri = probed.uri;
        long length = probed.length();
        return () -> new HttpRangeReader(url, uri, length);
    }

    private static HttpRangeReader probe(String url) throws IOException {
        URI uri = URI.create(url);
        HttpResponse<byte[]> head =
                send(url, HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (head.statusCode() == 200
                && !"none"
                        .equalsIgnoreCase(
                                head.headers().firstValue("Accept-Ranges").orElse(""))) {
            Optional<String> len = head.headers().firstValue("Content-Length");
            if (len.isPresent() && head.headers().firstValue("Accept-Ranges").isPresent()) {
                return new HttpRangeReader(url, uri, parseLength(url, len.get()));
            }
        } else if (head.statusCode() == 200) {
            throw noRanges(url, "it answers Accept-Ranges: none");
        }
        // No usable HEAD answer (refused, or no Accept-Ranges): ask for the first byte.
        HttpResponse<byte[]> probe = send(
                url, HttpRequest.newBuilder(uri).header("Range", "bytes=0-0").GET());
        if (probe.statusCode() == 200) {
            throw noRanges(url, "it answered a Range request with the whole file (status 200)");
        }
        if (probe.statusCode() == 416) {
            return new HttpRangeReader(url, uri, 0); // an empty file
        }
        requireStatus(url, probe, 206);
        String cr = probe.headers()
                .firstValue("Content-Range")
                .orElseThrow(() -> noRanges(url, "its 206 answer has no Content-Range"));
        Matcher m = CONTENT_RANGE.matcher(cr.strip());
        if (!m.matches() || m.group(3).equals("*")) {
            throw new IOException(url + ": unreadable Content-Range '" + cr + "'");
        }
        return new HttpRangeReader(url, uri, parseLength(url, m.group(3)));
    }

    private static long parseLength(String url, String s) throws IOException {
        try {
            long n = Long.parseLong(s.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException(url + ": unreadable length '" + s + "'");
        }
    }

    private static IOException noRanges(String url, String why) {
        return new IOException(url + ": the server does not support HTTP Range requests (" + why
                + "); download the file and read it locally");
    }

    private static void requireStatus(String url, HttpResponse<byte[]> r, int expected) throws IOException {
        int s = r.statusCode();
        if (s == 404 || s == 410) {
            throw new FileNotFoundException(url + " (no such file: HTTP " + s + ")");
        }
        if (s != expected) {
            throw new IOException(url + ": HTTP " + s + (s == 401 || s == 403 ? " (access denied)" : ""));
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** Sends a request, retrying 429, 5xx and I/O failures with exponential backoff. */
    private static HttpResponse<byte[]> send(String url, HttpRequest.Builder request) throws IOException {
        HttpRequest r = request.timeout(TIMEOUT).build();
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = null;
            IOException failure = null;
            try {
                response = CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray());
                if (!retryable(response.statusCode())) {
                    return response;
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(url + ": interrupted");
            }
            if (attempt == RETRIES) {
                if (failure != null) {
                    throw new IOException(url + ": " + (RETRIES + 1) + " attempts failed: " + failure, failure);
                }
                throw new IOException(
                        url + ": HTTP " + response.statusCode() + " after " + (RETRIES + 1) + " attempts");
            }
            long wait = backoff;
            if (response != null) {
                wait = Math.max(wait, retryAfterMs(response));
            }
            try {
                Thread.sleep(Math.min(wait, MAX_BACKOFF_MS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(url + ": interrupted");
            }
            backoff *= 2;
        }
    }

    private static long retryAfterMs(HttpResponse<?> r) {
        try {
            return Long.parseLong(
                            r.headers().firstValue("Retry-After").orElse("0").strip())
                    * 1000;
        } catch (NumberFormatException e) {
            return 0; // an HTTP date: the backoff applies
        }
    }

    @Override
    void readInside(long position, byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        long last = (position + len - 1) / BLOCK;
        long b = position / BLOCK;
        while (b <= last) {
            byte[] block = cached(b);
            if (block != null) {
                copy(b, block, position, dst, off, len);
                b++;
                continue;
            }
            long e = b;
            while (e < last && cached(e + 1) == null) {
                e++;
            }
            fetch(b, e, position, dst, off, len);
            b = e + 1;
        }
    }

    private byte[] cached(long block) {
        synchronized (blocks) {
            return blocks.get(block);
        }
    }

    /** Requests blocks {@code first..last} in one Range request, keeps them and copies their part of the read out. */
    private void fetch(long first, long last, long position, byte[] dst, int off, int len) throws IOException {
        long start = first * BLOCK;
        long end = Math.min(length(), (last + 1) * BLOCK) - 1;
        String location = location();
        HttpResponse<byte[]> r = send(
                location,
                HttpRequest.newBuilder(uri)
                        .header("Range", String.format(Locale.ROOT, "bytes=%d-%d", start, end))
                        .GET());
        if (r.statusCode() == 200) {
            throw noRanges(location, "it answered a Range request with the whole file (status 200)");
        }
        requireStatus(location, r, 206);
        Matcher m = CONTENT_RANGE.matcher(
                r.headers().firstValue("Content-Range").orElse("").strip());
        byte[] body = r.body();
        if (!m.matches() || Long.parseLong(m.group(1)) != start || body.length != end - start + 1) {
            throw new IOException(location + ": asked for bytes " + start + "-" + end + ", got "
                    + r.headers().firstValue("Content-Range").orElse("no Content-Range") + " with " + body.length
                    + " bytes");
        }
        for (long k = first; k <= last; k++) {
            int from = (int) ((k - first) * BLOCK);
            byte[] block = Arrays.copyOfRange(body, from, Math.min(body.length, from + BLOCK));
            synchronized (blocks) {
                blocks.put(k, block);
            }
            copy(k, block, position, dst, off, len);
        }
    }

    /** Copies the part of block {@code k} that the read {@code [position, position + len)} covers. */
    private static void copy(long k, byte[] block, long position, byte[] dst, int off, int len) {
        long blockStart = k * BLOCK;
        long from = Math.max(position, blockStart);
        long to = Math.min(position + len, blockStart + block.length);
        if (from < to) {
            System.arraycopy(block, (int) (from - blockStart), dst, off + (int) (from - position), (int) (to - from));
        }
    }

    @Override
    public void close() {
        // nothing held between requests
    }
}
