package io.rastermill.jobs;

import io.rastermill.io.bytes.S3Uploads;
import io.rastermill.io.bytes.WriteLeftovers;
import io.rastermill.io.geotiff.GeoTiffAssembler;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.UnreferencedTiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rastermill clean DIR [--older-than 24h] [-r] [--list]}: removes what killed writes left behind, the
 * hidden temporary files and directories of {@link WriteLeftovers}. Only leftovers older than the cut-off go,
 * so a write running now keeps its own; the previous version of a directory whose target is missing is kept
 * (it is the only copy) and reported. Needs no Spark; works on local paths and Hadoop URIs. On s3a:// a killed
 * write leaves, besides the hidden prefixes, an unfinished multipart upload (no object, but billed until
 * aborted): there the uploads under the prefix are listed and aborted too. In a layer catalog, the tile
 * directories no attribute names ({@link Catalog#findUnreferencedTiles}) go as well.
 */
@Command(
        name = "clean",
        mixinStandardHelpOptions = true,
        description = "Remove the temporary files and directories killed writes left in DIR (hidden names ending in"
                + " .rastermill-<uuid>.tmp, .rastermill-<uuid>.parts, .tmp-<uuid>, .tiles-<uuid>, .old-<uuid>);"
                + " on s3a://bucket/prefix, also abort the unfinished multipart uploads under the prefix; in a layer"
                + " catalog, also remove the tile directories no layer attribute names.")
final class CleanCommand extends RastermillSubcommand {
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd]?)");

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory path or URI (file:, hdfs:, ...)")
    String dir;

    @Option(
            names = "--older-than",
            paramLabel = "AGE",
            defaultValue = "24h",
            converter = AgeConverter.class,
            description = "Only leftovers last modified at least this long ago: N[s|m|h|d] (default ${DEFAULT-VALUE};"
                    + " 0 takes all, including those of writes running now).")
    Duration olderThan;

    @Option(
            names = {"-r", "--recursive"},
            description = "Also look in the subdirectories.")
    boolean recursive;

    @Option(names = "--list", description = "Only list the leftovers; remove nothing.")
    boolean list;

    /** {@code N[s|m|h|d]}, a bare number being seconds. */
    static final class AgeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + value + "' is not an age like 90s, 30m, 24h or 2d");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        GeoTiffAssembler.Target where =
                GeoTiffAssembler.Target.resolve(dir, parent.settings().hadoopConfiguration());
        FileSystem fs = where.fs();
        PrintWriter out = spec.commandLine().getOut();
        if (S3Uploads.supports(fs)) {
            // A killed write leaves both: hidden prefixes (COG parts) and unfinished multipart uploads.
            // A prefix with no object under it does not exist on S3: nothing to sweep there, not an error.
            if (fs.exists(where.path()) && fs.getFileStatus(where.path()).isDirectory()) {
                sweep(fs, where.path(), out);
                sweepTiles(out);
            }
            cleanUploads(fs, where.path(), out);
            return 0;
        }
        FileStatus status;
        try {
            status = fs.getFileStatus(where.path());
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException(dir + ": no such directory");
        }
        if (!status.isDirectory()) {
            throw new IOException(dir + ": not a directory");
        }
        sweep(fs, where.path(), out);
        sweepTiles(out);
        return 0;
    }

    /** Lists or removes the leftovers of {@link WriteLeftovers} under {@code root}. */
    private void sweep(FileSystem fs, Path root, PrintWriter out) throws IOException {
        long now = System.currentTimeMillis();
        List<WriteLeftovers.Leftover> found = WriteLeftovers.find(fs, root, recursive, now - olderThan.toMillis());
        long bytes = 0;
        int removed = 0;
        for (WriteLeftovers.Leftover l : found) {
            Path p = l.status().getPath();
            long size = l.status().isDirectory()
                    ? fs.getContentSummary(p).getLength()
                    : l.status().getLen();
            String age = age(now - l.lastModified());
            if (!WriteLeftovers.isDisposable(fs, l)) {
                out.printf(
                        Locale.ROOT,
                        "kept %s: the previous version of %s, which is missing; rename it back%n",
                        p,
                        l.target());
            } else if (list) {
                out.printf(Locale.ROOT, "%s\t%d bytes\t%s old%n", p, size, age);
            } else if (fs.delete(p, true)) {
                out.printf(Locale.ROOT, "removed %s (%d bytes, %s old)%n", p, size, age);
                removed++;
                bytes += size;
            } else {
                throw new IOException(p + ": cannot remove it");
            }
        }
        if (list) {
            out.printf(
                    Locale.ROOT, "%d leftover(s) older than %s in %s%n", found.size(), age(olderThan.toMillis()), dir);
        } else {
            out.printf(Locale.ROOT, "removed %d leftover(s), %d bytes, from %s%n", removed, bytes, dir);
        }
        out.flush();
    }

    /** In a layer catalog, lists or deletes the tile directories no attribute names (killed layer writes). */
    private void sweepTiles(PrintWriter out) throws IOException {
        Optional<Catalog> catalog = Catalog.openExisting(dir, parent.settings().hadoopConfiguration());
        if (catalog.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<UnreferencedTiles> found = catalog.get().findUnreferencedTiles(now - olderThan.toMillis());
        long bytes = 0;
        int removed = 0;
        for (UnreferencedTiles t : found) {
            String age = age(now - t.lastModified());
            if (!t.disposable()) {
                out.printf(Locale.ROOT, "kept %s: %s%n", t.dir(), t.keptBecause());
            } else if (list) {
                out.printf(
                        Locale.ROOT,
                        "%s\t%d bytes\t%s old\tunreferenced tiles of %s%n",
                        t.dir(),
                        t.bytes(),
                        age,
                        t.layer());
            } else if (catalog.get().deleteUnreferencedTiles(t)) {
                out.printf(
                        Locale.ROOT,
                        "removed %s (%d bytes, %s old), unreferenced tiles of %s%n",
                        t.dir(),
                        t.bytes(),
                        age,
                        t.layer());
                removed++;
                bytes += t.bytes();
            } else {
                out.printf(Locale.ROOT, "kept %s: %s uses it now%n", t.dir(), t.layer());
            }
        }
        if (list) {
            out.printf(
                    Locale.ROOT,
                    "%d unreferenced tile director(ies) older than %s in %s%n",
                    found.size(),
                    age(olderThan.toMillis()),
                    dir);
        } else {
            out.printf(
                    Locale.ROOT,
                    "removed %d unreferenced tile director(ies), %d bytes, from %s%n",
                    removed,
                    bytes,
                    dir);
        }
        out.flush();
    }

    private void cleanUploads(FileSystem fs, Path prefix, PrintWriter out) throws IOException {
        Instant now = Instant.now();
        List<S3Uploads.Upload> found = S3Uploads.find(fs, prefix, olderThan.isZero() ? null : now.minus(olderThan));
        for (S3Uploads.Upload u : found) {
            String age = age(now.toEpochMilli() - u.initiated().toEpochMilli());
            if (!list) {
                S3Uploads.abort(fs, u);
            }
            out.printf(
                    Locale.ROOT,
                    list ? "upload %s\t%s\t%s old%n" : "aborted upload %s (%s, %s old)%n",
                    u.key(),
                    u.uploadId(),
                    age);
        }
        out.printf(
                Locale.ROOT,
                list
                        ? "%d unfinished upload(s) older than %s under %s%n"
                        : "aborted %d unfinished upload(s) older than %s under %s%n",
                found.size(),
                age(olderThan.toMillis()),
                dir);
        out.flush();
    }

    private static String age(long millis) {
        long s = millis / 1000;
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s < 172800 ? s / 3600 + " h" : s / 86400 + " d";
    }
}
