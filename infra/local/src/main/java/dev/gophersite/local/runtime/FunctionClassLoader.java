package dev.gophersite.local.runtime;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * One execution environment's view of a function: its shaded jar over the JDK, child-first, so each
 * environment has its own statics and its own copy of every library, as on Lambda. Only the
 * {@code com.amazonaws.services.lambda.runtime} packages (aws-lambda-java-core and -events) come from the dev
 * server, as the real runtime provides core, so events and contexts pass between the two without copying.
 *
 * <p>The one other exception is the libraries with native code, ONNX Runtime and DJL's tokenizers: the JVM loads a
 * native library into one class loader only, so a second environment (or a second function, such as search beside
 * ask) loading its own copy would fail and answer without the embedding model. Their classes come from one loader
 * shared by the whole dev server, made from the first jar that holds them; on Lambda each environment is a process
 * of its own and has them once anyway.
 */
final class FunctionClassLoader extends URLClassLoader {
    private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final List<String> NATIVE_PACKAGES = List.of("ai.onnxruntime.", "ai.djl.");
    private static final String NATIVE_MARKER = "ai/onnxruntime/OrtEnvironment.class";
    private static URLClassLoader natives;

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final Path code;

    FunctionClassLoader(String name, Path code, ClassLoader host) {
        super(name, new URL[]{url(code)}, ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.code = code;
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
        if (NATIVE_PACKAGES.stream().anyMatch(name::startsWith) && findResource(NATIVE_MARKER) != null) {
            return natives(code).loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    /** The dev server's one loader for the native-code libraries, made from the first jar that needs them. */
    private static synchronized ClassLoader natives(Path code) {
        if (natives == null) {
            natives = new URLClassLoader("native-libraries", new URL[]{url(code)}, ClassLoader.getPlatformClassLoader());
        }
        return natives;
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
