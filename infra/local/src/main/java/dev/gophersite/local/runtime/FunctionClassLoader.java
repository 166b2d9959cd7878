package dev.gophersite.local.runtime;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * One execution environment's view of a function: its shaded jar over the JDK, child-first, so each
 * environment has its own statics and its own copy of every library, as on Lambda. Only the
 * {@code com.amazonaws.services.lambda.runtime} packages (aws-lambda-java-core and -events) come from the dev
 * server, as the real runtime provides core, so events and contexts pass between the two without copying.
 */
final class FunctionClassLoader extends URLClassLoader {
    private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    FunctionClassLoader(String name, Path code, ClassLoader host) {
        super(name, new URL[] {url(code)}, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(RUNTIME_PACKAGE)) {
            try {
                return host.loadClass(name);
            } catch (ClassNotFoundException notInHost) {
                // a class the dev server lacks may still be in the jar
            }
        }
        return super.loadClass(name, resolve);
    }

    /** The class of that name if this loader has already loaded it, without loading it. */
    Class<?> loaded(String name) {
        return findLoadedClass(name);
    }

    private static URL url(Path code) {
        try {
            return code.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable code path: " + code, e);
        }
    }
}
