package io.rastermill.io.bytes;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The names writers give their temporary files and directories, in one place, so that what a killed
 * write leaves behind can be recognised ({@code rastermill clean}, and the warning a COG write gives when
 * it sees some beside its destination). Every such name is hidden ({@code .}), names its target and ends
 * in a random UUID part, so it cannot be mistaken for a user's file:
 * <ul>
 *   <li>{@code .<target>.rastermill-<uuid>.tmp}: a file being written, renamed onto the target at the end;</li>
 *   <li>{@code .<target>.rastermill-<uuid>.parts}: the part files of a COG written by Spark tasks;</li>
 *   <li>{@code .<target>.tmp-<uuid>}, {@code .<target>.tiles-<uuid>}: a directory being written (VRT tiles,
 *       web tiles), swapped in at the end;</li>
 *   <li>{@code .<target>.old-<uuid>}: the previous directory during that swap. If the target is missing, the
 *       swap was cut between its two renames and this is the only copy: it is {@link #isDisposable not
 *       disposable}.</li>
 * </ul>
 */
public final class WriteLeftovers {
    private static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern NAME =
            Pattern.compile("\\.(.+)\\.(?:rastermill-" + UUID_RE + "\\.(?:tmp|parts)|(tmp|tiles|old)-" + UUID_RE + ")");

    private WriteLeftovers() {}

    /**
     * A leftover: its status, the name of the target it was written for, and when it was last written to (for a
     * directory, the newest of itself and everything under it).
     */
    public record Leftover(FileStatus status, String target, boolean previousVersion, long lastModified) {}

    /** The temporary file a write of {@code target} goes to before the rename. */
    public static Path tempFile(Path target) {
        return new Path(target.getParent(), tempName(target.getName()));
    }

    /** The name of the temporary file a write of a file named {@code target} goes to. */
    public static String tempName(String target) {
        return "." + target + ".rastermill-" + UUID.randomUUID() + ".tmp";
    }

    /** The directory that holds the part files of a distributed write of {@code target}. */
    public static Path partsDir(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".rastermill-" + UUID.randomUUID() + ".parts");
    }

    /** A directory written beside {@code target}, {@code kind} being {@code tmp}, {@code tiles} or {@code old}. */
    public static Path besideDir(Path target, String kind) {
        return new Path(target.getParent(), "." + target.getName() + "." + kind + "-" + UUID.randomUUID());
    }

    /** The target a leftover's name was made for, or null if {@code name} is not a writer's temporary name. */
    public static String targetOf(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The leftovers in {@code dir} last modified before {@code cutoffMillis}, and with {@code recursive}
     * those in its subdirectories (never inside a leftover). A directory's age is that of the newest file under
     * it (its own only when it holds none): a running write appends to its part files without touching the
     * directory, and an object store has no directory times at all (S3A reports the time of the listing, so a
     * prefix killed a week ago would look brand new).
     */
    public static List<Leftover> find(FileSystem fs, Path dir, boolean recursive, long cutoffMillis)
            throws IOException {
        List<Leftover> found = new ArrayList<>();
        collect(fs, dir, recursive, cutoffMillis, found);
        return found;
    }

    private static void collect(FileSystem fs, Path dir, boolean recursive, long cutoffMillis, List<Leftover> found)
            throws IOException {
        FileStatus[] children;
        try {
            children = fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return; // removed while we walked
        }
        for (FileStatus s : children) {
            String name = s.getPath().getName();
            String target = targetOf(name);
            if (target != null) {
                long modified = lastModified(fs, s);
                if (modified < cutoffMillis) {
                    found.add(new Leftover(s, target, name.startsWith("." + target + ".old-"), modified));
                }
            } else if (recursive && s.isDirectory()) {
                collect(fs, s.getPath(), true, cutoffMillis, found);
            }
        }
    }

    private static long lastModified(FileSystem fs, FileStatus s) throws IOException {
        if (!s.isDirectory()) {
            return s.getModificationTime();
        }
        long newest = Long.MIN_VALUE;
        try {
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(s.getPath(), true);
            while (files.hasNext()) {
                newest = Math.max(newest, files.next().getModificationTime());
            }
        } catch (FileNotFoundException e) {
            // removed while we looked: its time as listed
        }
        return newest == Long.MIN_VALUE ? s.getModificationTime() : newest;
    }

    /**
     * Whether removing {@code l} loses nothing: always, except for the previous version of a directory
     * whose target is missing (a swap cut between its renames).
     */
    public static boolean isDisposable(FileSystem fs, Leftover l) throws IOException {
        return !l.previousVersion() || fs.exists(new Path(l.status().getPath().getParent(), l.target()));
    }
}
