package io.rastermill.io.bytes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file server on 127.0.0.1 for tests (the JDK's {@code com.sun.net.httpserver}): serves the files of a
 * directory with {@code HEAD} and single-range {@code GET}, records the Range headers it gets, and can
 * misbehave on demand: ignore Range (answer 200 with the whole file), refuse {@code HEAD}, or fail the
 * next requests with a status (503, 429). {@code jobs/local-http} runs it as a demo server (JDK only, so
 * {@code java LocalHttpServer.java} runs it from source).
 */
public final class LocalHttpServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final HttpServer server;
    private final Path root;
    /** The Range headers of the GET requests served, in order. */
    public final List<String> ranges = new CopyOnWriteArrayList<>();
    /** Answer the next this-many requests with {@link #failStatus}. */
    public final AtomicInteger failNext = new AtomicInteger();

    public volatile int failStatus = 503;
    public volatile boolean ignoreRange;
    public volatile boolean refuseHead;

    public LocalHttpServer(Path root) throws IOException {
        this(root, 0);
    }

    public LocalHttpServer(Path root, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a file under the root. */
    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                x.getResponseHeaders().add("Retry-After", "0");
                x.sendResponseHeaders(failStatus, -1);
                return;
            }
            Path f = root.resolve(x.getRequestURI().getPath().substring(1)).normalize();
            if (!f.startsWith(root) || !Files.isRegularFile(f)) {
                x.sendResponseHeaders(404, -1);
                return;
            }
            long length = Files.size(f);
            if (x.getRequestMethod().equals("HEAD")) {
                if (refuseHead) {
                    x.sendResponseHeaders(405, -1);
                    return;
                }
                if (!ignoreRange) {
                    x.getResponseHeaders().add("Accept-Ranges", "bytes");
                }
                x.getResponseHeaders().add("Content-Length", Long.toString(length));
                x.sendResponseHeaders(200, -1);
                return;
            }
            byte[] all = Files.readAllBytes(f);
            String range = x.getRequestHeaders().getFirst("Range");
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (range != null) {
                ranges.add(range);
            }
            if (ignoreRange || m == null || !m.matches()) {
                x.sendResponseHeaders(200, all.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(all);
                }
                return;
            }
            int start = Integer.parseInt(m.group(1));
            int end = (int) Math.min(Long.parseLong(m.group(2)), length - 1);
            if (start >= length) {
                x.getResponseHeaders().add("Content-Range", "bytes */" + length);
                x.sendResponseHeaders(416, -1);
                return;
            }
            x.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + end + "/" + length);
            x.sendResponseHeaders(206, end - start + 1);
            try (OutputStream out = x.getResponseBody()) {
                out.write(all, start, end - start + 1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** {@code --port P --dir DIR}: serves DIR on 127.0.0.1:P in the foreground until the JVM is stopped. */
    public static void main(String[] args) throws IOException {
        int port = 8080;
        Path dir = Path.of(".");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: --port P --dir DIR (unknown " + args[i] + ")");
            }
        }
        LocalHttpServer s = new LocalHttpServer(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        System.out.println("serving " + s.root + " at " + s.url("") + " (Range requests honoured); stop with Ctrl-C");
    }
}
