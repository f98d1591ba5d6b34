package io.rastermill.notebooks;

import java.io.File;
import scala.collection.immutable.List$;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;

/**
 * What both Spark lines' REPLs share: the compiler settings Spark's REPL and Zeppelin use, and a
 * paragraph or binding sent to the Scala compiler's {@code IMain}, which SparkILoop (2.12) wraps and the
 * 2.13 driver uses directly. Written against the API the 2.12 and 2.13 compilers have in common (Scala
 * lists are built with {@code ::}, not through a version's collection converters).
 */
abstract class IMainRepl implements ScalaRepl {

    /** {@code -Yrepl-class-based -Yrepl-outdir DIR -usejavacp -classpath CP}, with {@code parent}'s defaults. */
    static Settings settings(File outputDir, String classPath, ClassLoader parent) {
        Settings settings = new Settings();
        settings.processArguments(
                scalaList(
                        "-Yrepl-class-based",
                        "-Yrepl-outdir",
                        outputDir.getAbsolutePath(),
                        "-usejavacp",
                        "-classpath",
                        classPath),
                true);
        settings.embeddedDefaults(parent);
        return settings;
    }

    /** The interpreter, once constructed by the subclass. */
    abstract IMain intp();

    @Override
    public Result interpret(String code) {
        return convert(intp().interpret(code));
    }

    @Override
    public void bind(String name, String type, Object value) {
        if (convert(intp().bind(name, type, value, scalaList("@transient"))) != Result.SUCCESS) {
            throw new IllegalStateException("could not bind " + name + ": " + type);
        }
    }

    @Override
    public ClassLoader classLoader() {
        return intp().classLoader();
    }

    static Result convert(Results.Result r) {
        return switch (r.toString()) {
            case "Success" -> Result.SUCCESS;
            case "Incomplete" -> Result.INCOMPLETE;
            default -> Result.ERROR;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static scala.collection.immutable.List<String> scalaList(String... items) {
        scala.collection.immutable.List<String> list = (scala.collection.immutable.List) List$.MODULE$.empty();
        for (int i = items.length - 1; i >= 0; i--) {
            list = list.$colon$colon(items[i]);
        }
        return list;
    }
}
