package io.rastermill.notebooks;

import java.io.File;
import java.io.PrintWriter;
import org.apache.spark.repl.SparkILoop;
import scala.Option;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;

/**
 * Scala 2.12 (default profile): Spark's {@code SparkILoop} from spark-repl_2.12, set up the way
 * Zeppelin's SparkScala212Interpreter does — settings {@code -Yrepl-class-based -Yrepl-outdir DIR},
 * the Java class path, {@code createInterpreter()}, {@code initializeSynchronous()} — and fed whole
 * paragraphs through the loop's interpreter. spark-repl is 3.5.7 (3.5.9 is not published where this
 * build resolves from) with its Spark dependencies excluded, so it runs on the build's Spark 3.5.9.
 */
final class SparkScalaRepl extends IMainRepl {
    private final SparkILoop loop;
    private final IMain intp;

    SparkScalaRepl(File outputDir, String classPath, ClassLoader parent, PrintWriter out) {
        Settings settings = settings(outputDir, classPath, parent);
        loop = new SparkILoop(Option.<java.io.BufferedReader>empty(), out);
        loop.settings_$eq(settings);
        loop.createInterpreter();
        intp = loop.intp();
        intp.initializeSynchronous();
    }

    @Override
    IMain intp() {
        return intp;
    }

    @Override
    public String description() {
        return "SparkILoop (spark-repl_2.12), Scala " + scala.util.Properties.versionNumberString();
    }

    @Override
    public void close() {
        loop.closeInterpreter();
    }
}
