package io.rastermill.notebooks;

/**
 * The Scala REPL behind the emulated Zeppelin Spark interpreter. One implementation per Spark line,
 * both named {@code SparkScalaRepl}: src/test-spark3/java drives Spark's own {@code SparkILoop}
 * (spark-repl_2.12, as Zeppelin's SparkScala212Interpreter does); src/test-spark4/java drives the
 * Scala 2.13 compiler's {@code IMain} directly, because no spark-repl_2.13 4.x artifact resolves here.
 * Both compile class-based wrappers ({@code -Yrepl-class-based}) into {@code -Yrepl-outdir}, the
 * directory Spark serves to executors as {@code spark.repl.class.outputDir}. What they share (the
 * settings, paragraphs and bindings sent to {@code IMain}) is in {@link IMainRepl}.
 */
interface ScalaRepl extends AutoCloseable {

    enum Result {
        SUCCESS,
        ERROR,
        INCOMPLETE
    }

    /** Compiles and runs {@code code} as one REPL input (Zeppelin sends a whole paragraph at once). */
    Result interpret(String code);

    /** Binds a value as {@code @transient val name: type}, as Zeppelin binds spark, sc, sqlContext and z. */
    void bind(String name, String type, Object value);

    /** The class loader of REPL-defined classes (the thread context loader while a paragraph runs). */
    ClassLoader classLoader();

    /** What drives the REPL, for the test's log: e.g. "SparkILoop (spark-repl_2.12), Scala 2.12.18". */
    String description();

    @Override
    void close();
}
