package io.rastermill.notebooks;

import io.rastermill.spark.RastermillSpark;
import io.rastermill.spark.SettingSource;
import io.rastermill.spark.SparkSettings;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Zeppelin's Spark interpreter group, emulated for one note: {@code %spark.conf} properties are applied
 * before the SparkSession starts; the session is created with {@code spark.repl.class.outputDir} set to
 * the REPL's class directory (so executors load classes defined in paragraphs, as in Zeppelin);
 * {@code spark}, {@code sc}, {@code sqlContext} and {@code z} are bound {@code @transient} and the same
 * imports run as in Zeppelin ({@code org.apache.spark.SparkContext._}, {@code spark.implicits._},
 * {@code sqlContext.implicits._}, {@code spark.sql}, {@code org.apache.spark.sql.functions._}).
 * A {@code %spark} paragraph is one REPL input with {@code Console.out} and {@code System.out} pointed
 * at the paragraph's output (an incomplete one is retried with {@code print("")} appended, as
 * Zeppelin does); a {@code %sql} paragraph runs each statement with {@code spark.sql} and shows the
 * last as a {@code %table}; {@code %md} is not run.
 */
final class ZeppelinSparkInterpreter implements AutoCloseable {

    enum Status {
        SUCCESS,
        ERROR,
        SKIPPED
    }

    record ParagraphResult(Status status, String output) {}

    private final SparkSession spark;
    private final ScalaRepl repl;
    private final ZeppelinContextStandIn z = new ZeppelinContextStandIn();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final PrintWriter replOut = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), true);

    /**
     * Starts a local[2] session with Rastermill's defaults plus {@code sparkConf} (from the note's
     * {@code %spark.conf} paragraphs) and a REPL compiling into {@code outputDir}.
     */
    ZeppelinSparkInterpreter(Map<String, String> sparkConf, File outputDir, String classPath) {
        SparkSettings settings = RastermillSpark.localDefaults()
                .with("spark.master", "local[2]", SettingSource.COMMAND_LINE)
                .withAll(sparkConf, SettingSource.COMMAND_LINE)
                .with("spark.repl.class.outputDir", outputDir.getAbsolutePath(), SettingSource.COMMAND_LINE);
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        // As Zeppelin: the REPL first (it owns the class directory), then the session.
        repl = new SparkScalaRepl(outputDir, classPath, parent, replOut);
        // The session is created with the REPL's loader as the context loader, as Zeppelin does after its
        // loopPostInit: a local executor then resolves REPL classes through it (the same classes as the driver's).
        Thread thread = Thread.currentThread();
        thread.setContextClassLoader(repl.classLoader());
        try {
            spark = new RastermillSpark(settings).session();
        } catch (RuntimeException e) {
            repl.close();
            throw e;
        } finally {
            thread.setContextClassLoader(parent);
        }
        repl.bind("spark", spark.getClass().getCanonicalName(), spark);
        repl.bind("sc", "org.apache.spark.SparkContext", spark.sparkContext());
        repl.bind("sqlContext", "org.apache.spark.sql.SQLContext", spark.sqlContext());
        repl.bind("z", ZeppelinContextStandIn.class.getCanonicalName(), z);
        for (String line : List.of(
                "import org.apache.spark.SparkContext._",
                "import spark.implicits._",
                "import sqlContext.implicits._",
                "import spark.sql",
                "import org.apache.spark.sql.functions._",
                "print(\"\")")) {
            ParagraphResult r = scala(line);
            if (r.status() != Status.SUCCESS) {
                throw new IllegalStateException("interpreter setup failed at `" + line + "`: " + r.output());
            }
        }
    }

    String description() {
        return repl.description() + ", Spark " + spark.version();
    }

    SparkSession spark() {
        return spark;
    }

    ZeppelinContextStandIn z() {
        return z;
    }

    /**
     * Runs one paragraph's body with the interpreter its magic names, under the job group Zeppelin gives
     * a paragraph's Spark jobs ({@code zeppelin|<user>|<note id>|<paragraph id>}, which its progress bar and
     * cancel button use; a paragraph can read it with {@code sc.getLocalProperty("spark.jobGroup.id")}).
     */
    ParagraphResult run(String noteId, ZeppelinNote.Paragraph p) {
        spark.sparkContext().setJobGroup("zeppelin|anonymous|" + noteId + "|" + p.id(), "Started by: anonymous", false);
        return switch (p.interpreter()) {
            case "spark" -> scala(p.body());
            case "spark.sql" -> sql(p.body());
            case "md" -> new ParagraphResult(Status.SKIPPED, "");
            default ->
                new ParagraphResult(
                        Status.ERROR,
                        "interpreter %" + p.interpreter()
                                + " is not emulated (only %spark, %sql, %spark.conf before the first run, %md)");
        };
    }

    private ParagraphResult scala(String code) {
        buffer.reset();
        PrintStream originalOut = System.out;
        Thread thread = Thread.currentThread();
        ClassLoader originalLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(repl.classLoader());
        ScalaRepl.Result result;
        try {
            result = scala.Console$.MODULE$.withOut(capture, () -> {
                System.setOut(capture);
                ScalaRepl.Result r = repl.interpret(code);
                if (r == ScalaRepl.Result.INCOMPLETE) {
                    // Zeppelin: a paragraph ending in a comment is incomplete; retry with print("") appended.
                    r = repl.interpret(code + "\nprint(\"\")");
                }
                return r;
            });
        } finally {
            System.setOut(originalOut);
            thread.setContextClassLoader(originalLoader);
            replOut.flush();
            capture.flush();
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        return switch (result) {
            case SUCCESS -> new ParagraphResult(Status.SUCCESS, out);
            case INCOMPLETE -> new ParagraphResult(Status.ERROR, out + "\nIncomplete expression");
            case ERROR -> new ParagraphResult(Status.ERROR, out);
        };
    }

    /** Zeppelin's %sql: statements separated by ';', each run; the last one's result shown as a table. */
    private ParagraphResult sql(String text) {
        List<String> statements = splitSql(text);
        if (statements.isEmpty()) {
            return new ParagraphResult(Status.SUCCESS, "");
        }
        StringBuilder out = new StringBuilder();
        try {
            for (int i = 0; i < statements.size(); i++) {
                var frame = spark.sql(statements.get(i));
                if (i == statements.size() - 1) {
                    out.append(ZeppelinContextStandIn.table(frame, ZeppelinContextStandIn.MAX_RESULT));
                } else {
                    frame.collect();
                }
            }
            return new ParagraphResult(Status.SUCCESS, out.toString());
        } catch (Exception e) { // Spark's AnalysisException is a checked exception thrown from Scala
            return new ParagraphResult(Status.ERROR, out + e.toString());
        }
    }

    /** Splits on ';' outside quotes and comments; drops empty statements and "--" comment lines. */
    static List<String> splitSql(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                cur.append('\n');
            } else if (c == ';') {
                add(result, cur);
            } else {
                cur.append(c);
            }
        }
        add(result, cur);
        return result;
    }

    private static void add(List<String> result, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            result.add(s);
        }
        cur.setLength(0);
    }

    @Override
    public void close() {
        try {
            repl.close();
        } finally {
            spark.stop();
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
        }
    }
}
