package dev.gophersite.dynalite;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one dynalite per test JVM, started on first use and stopped when the JVM exits.
 * Tests take a {@link Dynalite} parameter; each test class uses its own table names to stay independent.
 */
public final class DynaliteExtension implements ParameterResolver {
    private static Dynalite shared;

    public static synchronized Dynalite shared() {
        if (shared == null || !shared.isAlive()) {
            shared = Dynalite.start();
        }
        return shared;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Dynalite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return shared();
    }
}
