package dev.gophersite.bench.probe;

/** The floor: a fresh JVM that prints one line. */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        System.out.println("ready");
    }
}
