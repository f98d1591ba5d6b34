package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** conf/jvm-options (read by jobs/rastermill) and the pom's spark.jvm.opens (surefire) list the same flags. */
class JvmOptionsAgreeTest {

    @Test
    void confFileMatchesPomProperty() {
        String fromPom = System.getProperty("rastermill.test.jvm.opens");
        assumeTrue(fromPom != null, "run through Maven (surefire passes the pom property)");
        assertEquals(
                Arrays.asList(fromPom.strip().split("\\s+")),
                JvmOptions.read(CliRun.projectHome().resolve("conf").resolve("jvm-options")));
    }
}
