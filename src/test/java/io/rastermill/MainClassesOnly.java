package io.rastermill;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * ArchUnit import option for main classes only. ArchUnit's own pattern knows
 * {@code .../target/test-classes/...}; CI builds -Pspark4 into {@code target/spark4/test-classes},
 * so any {@code test-classes} directory counts as tests here.
 */
public final class MainClassesOnly implements ImportOption {
    private static final Pattern TEST_CLASSES = Pattern.compile(".*/test-classes/.*");

    @Override
    public boolean includes(Location location) {
        return new ImportOption.DoNotIncludeTests().includes(location) && !location.matches(TEST_CLASSES);
    }
}
