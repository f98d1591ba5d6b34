package io.rastermill.io.geotiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs GDAL's command-line tools for interop tests; tests skip (not fail) without them. */
final class GdalTool {
    static final String PYTHON_WITH_GDAL = "/usr/bin/python3";

    private GdalTool() {}

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static void assumeGdal() {
        Assumptions.assumeTrue(
                onPath("gdalinfo") && onPath("gdal_translate"),
                "GDAL command-line tools (gdalinfo, gdal_translate) are not on PATH; install gdal-bin to run this test");
    }

    static void assumePythonGdal() {
        assumeGdal();
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of(PYTHON_WITH_GDAL))
                        && run(false, PYTHON_WITH_GDAL, "-c", "import osgeo.gdal")
                                        .exitCode()
                                == 0,
                PYTHON_WITH_GDAL + " with GDAL's Python bindings (python3-gdal) is not available");
    }

    record Result(int exitCode, String output) {}

    static Result run(String... command) {
        return run(true, command);
    }

    static Result run(boolean mustSucceed, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            Result r = new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
            if (mustSucceed && r.exitCode() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
            }
            return r;
        } catch (IOException e) {
            if (!mustSucceed) {
                return new Result(-1, e.toString());
            }
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode gdalinfo(Path file) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("gdalinfo", "-json", file.toString()));
        return new ObjectMapper().readTree(run(cmd.toArray(String[]::new)).output());
    }

    /** The file's bands as GDAL reads them: band-sequential little-endian samples (ENVI raw). */
    static byte[] readWithGdal(Path file, Path dir) throws IOException {
        Path raw = dir.resolve(file.getFileName() + ".envi");
        run("gdal_translate", "-q", "-of", "ENVI", "-co", "INTERLEAVE=BSQ", file.toString(), raw.toString());
        return Files.readAllBytes(raw);
    }
}
