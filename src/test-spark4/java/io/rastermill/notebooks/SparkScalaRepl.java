package io.rastermill.notebooks;

import java.io.File;
import java.io.PrintWriter;
import scala.Option;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.shell.ReplReporterImpl;

/**
 * Scala 2.13 ({@code -Pspark4}): the compiler's {@code IMain} driven directly. Spark's own
 * {@code SparkILoop} for 2.13 (spark-repl_2.13) would be the first choice, but no 4.x version of it
 * resolves where this build resolves from; Zeppelin's Scala 2.13 interpreter is itself a thin loop
 * over {@code IMain}. The settings are those Spark's REPL main and Zeppelin use —
 * {@code -Yrepl-class-based}, {@code -Yrepl-outdir DIR} (= {@code spark.repl.class.outputDir}, so
 * executors load REPL-defined classes), the Java class path — and a paragraph is one
 * {@code interpret} call, output through a {@code ReplReporterImpl} on the paragraph's writer.
 */
final class SparkScalaRepl extends IMainRepl {
    private final IMain intp;

    SparkScalaRepl(File outputDir, String classPath, ClassLoader parent, PrintWriter out) {
        Settings settings = settings(outputDir, classPath, parent);
        intp = new IMain(settings, Option.empty(), settings, new ReplReporterImpl(settings, out));
        if (!intp.initializeCompiler()) {
            throw new IllegalStateException("the Scala 2.13 REPL compiler did not initialise");
        }
    }

    @Override
    IMain intp() {
        return intp;
    }

    @Override
    public String description() {
        return "IMain (scala-compiler " + scala.util.Properties.versionNumberString()
                + "; no spark-repl_2.13 4.x available)";
    }

    @Override
    public void close() {
        intp.close();
    }
}
